package io.passerelle.graph;

import io.passerelle.runtime.messaging.KafkaClientSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain Kafka clients for the tests: sends binary-mode CloudEvents as ingestion would, and reads topics back. */
final class KafkaTestClient {
    private static KafkaProducer<String, String> producer;

    private KafkaTestClient() {
    }

    /**
     * A client's settings from the service's {@code kafka.*} configuration, as the service's own clients get them: the
     * bootstrap servers and, against a secured listener, how to authenticate.
     */
    private static Properties clientSettings(Set<String> clientConfigNames) {
        Map<String, Object> kafka = new HashMap<>();
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            if (name.startsWith("kafka.")) {
                ConfigProvider.getConfig().getOptionalValue(name, String.class).ifPresent(value -> kafka.put(name.substring("kafka.".length()), value));
            }
        }
        Properties properties = new Properties();
        properties.putAll(KafkaClientSettings.forClient(kafka, clientConfigNames));
        return properties;
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = clientSettings(ProducerConfig.configNames());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    /** Sends a binary-mode CloudEvent and waits until the broker has it. */
    static void sendEvent(String topic, String key, String id, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        if (id != null) {
            header(record, "ce_id", id);
        }
        header(record, "ce_specversion", "1.0");
        header(record, "ce_type", type);
        header(record, "ce_source", "urn:passerelle:test");
        header(record, "content-type", "application/json");
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /** Every record now on the topic, from the beginning. */
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties properties = clientSettings(ConsumerConfig.configNames());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The end offset of each partition of the topics now. */
    static Map<TopicPartition, Long> endOffsets(List<String> topics) {
        Properties properties = clientSettings(ConsumerConfig.configNames());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            return consumer.endOffsets(partitions);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** How many records of the topic the consumer group has not committed yet. */
    static long lag(String group, String topic) {
        Properties properties = clientSettings(org.apache.kafka.clients.admin.AdminClientConfig.configNames());
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(properties)) {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : endOffsets(List.of(topic)).entrySet()) {
                org.apache.kafka.clients.consumer.OffsetAndMetadata offset = committed.get(end.getKey());
                lag += end.getValue() - (offset == null ? 0 : offset.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the lag of " + group, e);
        }
    }

    static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
