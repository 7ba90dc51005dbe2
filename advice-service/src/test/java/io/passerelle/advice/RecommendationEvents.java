package io.passerelle.advice;

import io.passerelle.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads {@code passerelle.recommendations.v1} from the real broker, as a downstream consumer would. */
final class RecommendationEvents implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** One record: its key, CloudEvents id and type, and its JSON value. */
    record Received(String key, String id, String type, String value, String traceparent) {
    }

    RecommendationEvents() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.RECOMMENDATIONS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything read so far for one owner, in the order of their partition. */
    synchronized List<Received> forOwner(String ownerId) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
            received.add(new Received(record.key(), header(record, "ce_id"), header(record, "ce_type"), record.value(),
                    header(record, "traceparent")));
        }
        List<Received> mine = new ArrayList<>();
        for (Received r : received) {
            if (ownerId.equals(r.key())) {
                mine.add(r);
            }
        }
        return mine;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
