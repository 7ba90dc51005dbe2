package io.passerelle.graph.messaging;

import io.passerelle.contracts.Topics;
import io.passerelle.runtime.messaging.KafkaClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the ingestion topics for a replay with a consumer of its own, outside the consumer group
 * (nothing is committed to Kafka: the replay job stores its positions in the database), from given
 * positions up to given ends. Blocking: for a worker thread.
 */
public final class ReplayTopicsReader implements AutoCloseable {
    /** The topics a replay reads, those of the live consumer. */
    public static final List<String> TOPICS = List.of(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, String> consumer;
    private final Map<TopicPartition, Long> ends = new HashMap<>();

    /**
     * @param kafka the service's {@code kafka.*} settings (bootstrap servers, TLS, SASL: {@link KafkaClientSettings}), which
     *              the reader's own settings below override
     */
    public ReplayTopicsReader(Map<String, Object> kafka, int maxPollRecords) {
        Map<String, Object> properties = KafkaClientSettings.forClient(kafka, ConsumerConfig.configNames());
        // Outside any consumer group: positions are the job's, never committed to Kafka.
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Every position is set from what the job stored; one that is not, or that retention deleted, is an error, never "latest".
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        // As for the live consumer (application.properties): a fetch response is read whole into the heap and through
        // a temporary direct buffer the JDK keeps; Kafka's defaults would let one response of the 18 partitions reach
        // 18 MiB. 256 KiB a partition and 2 MiB a response still hold a batch of 2,000 records of about 600 bytes.
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(256 * 1024));
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(2 * 1024 * 1024));
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "graph-service-replay");
        this.consumer = new KafkaConsumer<>(properties);
    }

    /** The partitions of the topics now. */
    public List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }

    /** The first offsets still held (what retention has not deleted). */
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
        return consumer.beginningOffsets(partitions, METADATA_TIMEOUT);
    }

    /** The offsets after the last committed record, now. */
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        return consumer.endOffsets(partitions, METADATA_TIMEOUT);
    }

    /** Takes these partitions, before their offsets are asked for (a consumer reading committed records warns otherwise). */
    public void assign(Collection<TopicPartition> partitions) {
        consumer.assign(partitions);
    }

    /** Reads from these positions, up to these ends. */
    public void seek(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends) {
        positions.forEach(consumer::seek);
        readUpTo(ends);
    }

    /** Reads on, from where reading stands, up to these ends. */
    public void readUpTo(Map<TopicPartition, Long> newEnds) {
        ends.clear();
        ends.putAll(newEnds);
    }

    /** Whether every partition has been read up to its end. */
    public boolean reachedEnds() {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** The next offset to read, per partition. */
    public Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        consumer.assignment().forEach(partition -> positions.put(partition, consumer.position(partition)));
        return positions;
    }

    public Map<TopicPartition, Long> ends() {
        return Map.copyOf(ends);
    }

    /**
     * The next records before the ends, in the order of each partition. Records polled beyond a
     * partition's end are left for the next phase: reading goes back to the end.
     */
    public List<ConsumerRecord<String, String>> poll(Duration timeout) {
        List<ConsumerRecord<String, String>> before = new ArrayList<>();
        Map<TopicPartition, Long> overshot = new HashMap<>();
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            long end = ends.getOrDefault(partition, 0L);
            if (record.offset() < end) {
                before.add(record);
            } else {
                overshot.putIfAbsent(partition, end);
            }
        }
        overshot.forEach(consumer::seek);
        return before;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
