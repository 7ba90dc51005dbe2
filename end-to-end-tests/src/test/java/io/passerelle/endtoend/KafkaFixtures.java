package io.passerelle.endtoend;

import io.passerelle.contracts.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka as the platform's own producers and an operator's tools see it: CloudEvents in, offsets and lag out. */
final class KafkaFixtures implements AutoCloseable {
    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    KafkaFixtures(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
    }

    /** Sends a binary-mode CloudEvent keyed by owner, as ingestion-service does. */
    Future<RecordMetadata> sendEvent(String topic, String ownerId, String id, String type, Object data) {
        return sendEvent(topic, ownerId, id, type, data, null);
    }

    /** As {@link #sendEvent(String, String, String, String, Object)}, telling {@code acknowledged} (for long streams, without keeping a future per record). */
    Future<RecordMetadata> sendEvent(String topic, String ownerId, String id, String type, Object data, Callback acknowledged) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", utf8("1.0"));
        headers.add("ce_id", utf8(id));
        headers.add("ce_type", utf8(type));
        headers.add("ce_source", utf8("urn:passerelle:end-to-end-tests"));
        headers.add("content-type", utf8("application/json"));
        return producer.send(new ProducerRecord<>(topic, null, ownerId, EventJson.write(data), headers), acknowledged);
    }

    /** Commits the end of {@code topic} as the position of {@code groupId}, whose members must all be stopped: it will not read what is there now. */
    void moveGroupToEnd(String groupId, String topic) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(List.of(topic));
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets(groupId, ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    end -> new OffsetAndMetadata(end.getValue())))).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** Deletes every record of {@code topic} up to its current end (the log start moves there): a reader from the beginning then starts at what is sent next. */
    void deleteAllRecords(String topic) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(List.of(topic));
        try (Admin admin = admin()) {
            admin.deleteRecords(ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    end -> RecordsToDelete.beforeOffset(end.getValue())))).all().get(60, TimeUnit.SECONDS);
        }
    }

    void flush() {
        producer.flush();
    }

    /** Every record of a topic, from the beginning to its current end. */
    List<ConsumerRecord<String, String>> readAll(String topic) throws Exception {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        forEachRecord(topic, records::add);
        return records;
    }

    /**
     * Hands every record of a topic, from the beginning to its current end, to {@code each} as it is read,
     * keeping none: a benchmark's topic holds millions, a gigabyte and more as records. Fails when a minute
     * passes without a record while some are left to read.
     */
    void forEachRecord(String topic, Consumer<ConsumerRecord<String, String>> each) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(List.of(topic));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end: no record for a minute");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    each.accept(record);
                    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                }
            }
        }
    }

    /** How many records of {@code topics} the consumer group has not committed yet. */
    long lag(String groupId, Collection<String> topics) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(topics);
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream().mapToLong(end -> {
                OffsetAndMetadata at = committed.get(end.getKey());
                return end.getValue() - (at == null ? 0 : at.offset());
            }).sum();
        }
    }

    /** How many records of {@code topics} the consumer group has committed: more than zero once it has made progress. */
    long committed(String groupId, Collection<String> topics) throws Exception {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .filter(entry -> topics.contains(entry.getKey().topic()) && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset()).sum();
        }
    }

    /** The partitions assigned to each member of the consumer group (by member id), as the group coordinator sees them now. */
    Map<String, Set<TopicPartition>> assignments(String groupId) throws Exception {
        try (Admin admin = admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all().get(10, TimeUnit.SECONDS).get(groupId);
            return group.members().stream().collect(Collectors.toMap(MemberDescription::consumerId, member -> member.assignment().topicPartitions()));
        }
    }

    /** Every partition of {@code topics}. */
    Set<TopicPartition> partitions(Collection<String> topics) throws Exception {
        return endOffsets(topics).keySet();
    }

    /** Creates a topic of the test's own, e.g. for a second instance that must not publish where the first one does. */
    void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** How many records have ever been appended to {@code topics}: the sum of their end offsets. */
    long appended(Collection<String> topics) throws Exception {
        return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<TopicPartition, Long> endOffsets(Collection<String> topics) throws Exception {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS);
            return latest.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
