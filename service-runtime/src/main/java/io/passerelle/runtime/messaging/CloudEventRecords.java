package io.passerelle.runtime.messaging;

import io.passerelle.contracts.EventSchemas;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.runtime.tracing.TraceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The Kafka record the connector writes for a {@link CloudEventMessages} message (CloudEvents 1.0 in
 * binary mode: the same {@code ce_} headers, in the same order), built directly, for the paths that
 * hand many records at once to the channel's producer ({@link ChannelRecordSender}) and so do without
 * a reactive message, an emitter and a producer span per record.
 *
 * <p>The trace context is the cause's {@code traceparent}, written as given: there is no producer span
 * per record, so the record's parent is the span of what caused it (a request, or a consumed event).
 */
public final class CloudEventRecords {
    private static final byte[] SPEC_VERSION = bytes("1.0");
    private static final byte[] JSON = bytes("application/json");
    /** {@code ce_dataschema} by event type, built once rather than a URI per record; {@link #NONE} for a type without. */
    private static final Map<String, byte[]> DATA_SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<URI, byte[]> SOURCES = new ConcurrentHashMap<>();
    private static final byte[] NONE = new byte[0];

    private CloudEventRecords() {
    }

    /**
     * @param key the record key ({@code ownerId}, or {@code ownerId/contactId} for ties)
     * @param id the CloudEvents id; consumers skip an id they have already applied
     * @param subject what the event is about ({@code null}: no {@code ce_subject})
     * @param traceparent the W3C trace context of the cause ({@code null}: none)
     */
    public static ProducerRecord<String, String> of(String topic, String key, String id, String type, URI source, String subject,
            Object data, String traceparent) {
        return new ProducerRecord<>(topic, null, key, EventJson.write(data), headers(id, type, source, subject, traceparent));
    }

    /**
     * As {@link #of}, the value written as UTF-8 JSON bytes, for a channel whose
     * {@code value.serializer} is Kafka's {@code ByteArraySerializer}: the same bytes on the topic,
     * without the String and the character buffers in between (for a batch of large events, a good
     * share of what the publisher allocates).
     */
    public static ProducerRecord<String, byte[]> ofBytes(String topic, String key, String id, String type, URI source, String subject,
            Object data, String traceparent) {
        return new ProducerRecord<>(topic, null, key, EventJson.writeBytes(data), headers(id, type, source, subject, traceparent));
    }

    private static RecordHeaders headers(String id, String type, URI source, String subject, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", SPEC_VERSION);
        headers.add("ce_id", bytes(id));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", SOURCES.computeIfAbsent(source, uri -> bytes(uri.toString())));
        if (subject != null) {
            headers.add("ce_subject", bytes(subject));
        }
        headers.add("ce_datacontenttype", JSON);
        headers.add("content-type", JSON);
        byte[] dataSchema = DATA_SCHEMAS.computeIfAbsent(type,
                t -> EventSchemas.dataSchemaOf(t).map(schema -> bytes(schema.toString())).orElse(NONE));
        if (dataSchema != NONE) {
            headers.add("ce_dataschema", dataSchema);
        }
        // Instant.toString()'s form (RFC 3339 in UTC), written by arithmetic: every record published builds one.
        headers.add("ce_time", bytes(EventJson.isoText(Instant.now())));
        if (traceparent != null) {
            headers.add(TraceContext.TRACEPARENT, bytes(traceparent));
        }
        return headers;
    }

    /** A tombstone for a compacted topic: the key with a null value, which erases it after compaction. */
    public static <V> ProducerRecord<String, V> tombstone(String topic, String key) {
        return new ProducerRecord<>(topic, key, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
