package io.passerelle.runtime.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A consumed Kafka record read as a binary-mode CloudEvent: the {@code ce_} headers and the raw
 * JSON data. Reading headers directly (rather than trusting a deserializer) lets a consumer send a
 * record it cannot understand to the dead-letter topic instead of failing on it.
 */
public record ReceivedEvent(
        String topic, int partition, long offset, String key, String id, String type, String source, String data,
        Headers headers) {

    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";

    public static ReceivedEvent of(ConsumerRecord<String, String> record) {
        return new ReceivedEvent(record.topic(), record.partition(), record.offset(), record.key(),
                header(record.headers(), CE_ID), header(record.headers(), CE_TYPE), header(record.headers(), CE_SOURCE),
                record.value(), record.headers());
    }

    /** A compacted-topic tombstone: a key with no value. */
    public boolean isTombstone() {
        return data == null;
    }

    public String position() {
        return topic + "-" + partition + "@" + offset;
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
