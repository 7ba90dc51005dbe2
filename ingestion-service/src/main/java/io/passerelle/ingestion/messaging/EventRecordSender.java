package io.passerelle.ingestion.messaging;

import io.passerelle.contracts.EventSchemas;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.ingestion.PendingEvent;
import io.passerelle.ingestion.config.IngestionConfig;
import io.passerelle.ingestion.metrics.IngestionMetrics;
import io.passerelle.runtime.logging.LogContext;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.runtime.tracing.TraceContext;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends the many events of one import or batch straight to the Kafka producer of their channel (the
 * same producer as {@link EventPublisher}'s emitters, so the same {@code acks=all}, idempotence and
 * timeouts), without a reactive message, an emitter buffer and a producer span per record: for a
 * batch those cost more than the rest of a line's work. Each record is the one the connector writes
 * for {@link EventPublisher}: the record key, the same CloudEvents binary-mode headers, and the
 * {@code traceparent} of the request (its server span, as no producer span is made per record).
 *
 * <p>Called on a worker thread only: {@code Producer.send} may block up to {@code max.block.ms}
 * for metadata or buffer space. The completion runs on the producer's I/O thread once the broker has
 * acknowledged the record (or failed it); a failure a retry may cure becomes the same 503 as
 * {@link EventPublisher}'s.
 */
@ApplicationScoped
public class EventRecordSender {
    /** The channel whose producer writes each topic (application.properties). */
    private static final Map<String, String> CHANNELS = Map.of(Topics.OWNERS, "owners", Topics.CONTACTS, "contacts",
            Topics.INTERACTIONS, "interactions", Topics.IMPORTS, "imports");
    private static final byte[] SPEC_VERSION = bytes("1.0");
    private static final byte[] JSON = bytes("application/json");
    private static final byte[] SOURCE = bytes(EventPublisher.SOURCE.toString());
    /** {@code ce_dataschema} by event type, built once rather than a URI per record; {@link #NONE} for a type without. */
    private static final Map<String, byte[]> DATA_SCHEMAS = new ConcurrentHashMap<>();
    private static final byte[] NONE = new byte[0];

    private final KafkaClientService clients;
    private final IngestionConfig config;
    private final IngestionMetrics metrics;
    private final Map<String, Producer<String, String>> producers = new ConcurrentHashMap<>();

    public EventRecordSender(KafkaClientService clients, IngestionConfig config, IngestionMetrics metrics) {
        this.clients = clients;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Hands the event to the producer; {@code done} receives null once the broker has it, or the
     * failure (a 503 {@link ProblemException} when a retry may succeed). Throws when the record
     * cannot even be built.
     */
    public void send(PendingEvent<?> event, Consumer<Throwable> done) {
        ProducerRecord<String, String> record = recordOf(event, TraceContext.current());
        var timing = metrics.startPublish();
        producerOf(event.topic()).send(record, (metadata, failure) -> {
            if (failure == null) {
                metrics.accepted(event.type());
                metrics.published(timing, "acknowledged");
                done.accept(null);
                return;
            }
            boolean retriable = PublishFailures.isTransient(failure);
            metrics.published(timing, retriable ? "unavailable" : "failed");
            if (!retriable) {
                done.accept(failure);
                return;
            }
            try (LogContext ignored = LogContext.forEvent(event.id(), event.key())) {
                Log.warnf("Could not publish %s %s to %s: %s", event.type(), event.id(), event.topic(), failure);
            }
            done.accept(ProblemException.unavailable(
                    "The event log did not confirm the writes in time. Send them again later; the same lines give the same events.",
                    config.retryAfter(), failure));
        });
    }

    /** The record the connector writes for the same event in CloudEvents binary mode. */
    static ProducerRecord<String, String> recordOf(PendingEvent<?> event, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", SPEC_VERSION);
        headers.add("ce_id", bytes(event.id()));
        headers.add("ce_type", bytes(event.type()));
        headers.add("ce_source", SOURCE);
        if (event.subject() != null) {
            headers.add("ce_subject", bytes(event.subject()));
        }
        headers.add("ce_datacontenttype", JSON);
        headers.add("content-type", JSON);
        byte[] dataSchema = DATA_SCHEMAS.computeIfAbsent(event.type(),
                type -> EventSchemas.dataSchemaOf(type).map(schema -> bytes(schema.toString())).orElse(NONE));
        if (dataSchema != NONE) {
            headers.add("ce_dataschema", dataSchema);
        }
        headers.add("ce_time", bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))));
        if (traceparent != null) {
            headers.add(TraceContext.TRACEPARENT, bytes(traceparent));
        }
        return new ProducerRecord<>(event.topic(), null, event.key(), EventJson.write(event.data()), headers);
    }

    private Producer<String, String> producerOf(String topic) {
        return producers.computeIfAbsent(topic, t -> {
            String channel = CHANNELS.get(t);
            if (channel == null) {
                throw new IllegalArgumentException("No channel publishes to " + t);
            }
            return clients.<String, String>getProducer(channel).unwrap();
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
