package io.passerelle.runtime.messaging;

import io.passerelle.contracts.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A consumed Kafka record read as a binary-mode CloudEvent: the {@code ce_} headers, the raw JSON
 * data, and when the broker recorded it. Reading headers directly (rather than trusting a
 * deserializer) lets a consumer send a record it cannot understand to the dead-letter topic instead
 * of failing on it.
 */
public record ReceivedEvent(
        String topic, int partition, long offset, String key, String id, String type, String source, String data,
        Headers headers, Instant recordedAt) {

    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TIME = "ce_time";

    public static ReceivedEvent of(ConsumerRecord<String, String> record) {
        return new ReceivedEvent(record.topic(), record.partition(), record.offset(), record.key(),
                header(record.headers(), CE_ID), header(record.headers(), CE_TYPE), header(record.headers(), CE_SOURCE),
                record.value(), record.headers(), recordedAt(record));
    }

    /**
     * The broker timestamp of a record. A record without one (older message formats) is taken as
     * recorded now: compared with an erasure, it is then held back rather than let through.
     */
    public static Instant recordedAt(ConsumerRecord<?, ?> record) {
        return record.timestamp() < 0 ? Instant.now() : Instant.ofEpochMilli(record.timestamp());
    }

    /** A compacted-topic tombstone: a key with no value. */
    public boolean isTombstone() {
        return data == null;
    }

    /** The CloudEvents {@code time} of the event, when the record has a readable one. */
    public Optional<Instant> time() {
        String time = header(headers, CE_TIME);
        if (time == null) {
            return Optional.empty();
        }
        // The form every Passerelle producer writes, read without a DateTimeFormatter: this runs for every consumed record.
        Instant instant = EventJson.isoInstant(time);
        if (instant != null) {
            return Optional.of(instant);
        }
        try {
            return Optional.of(OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String position() {
        return topic + "-" + partition + "@" + offset;
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
