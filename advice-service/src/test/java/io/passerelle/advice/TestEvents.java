package io.passerelle.advice;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ImportCompleted;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the records other services produce, as they produce them: binary-mode CloudEvents
 * ({@code ce_} headers, JSON value) through a plain Kafka producer, to the real broker.
 */
final class TestEvents implements AutoCloseable {
    private final KafkaProducer<String, String> producer;

    TestEvents() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(config);
    }

    /** A tie snapshot with the contact attributes that matter to ranking. */
    static TieUpdated tie(String ownerId, String contactId, String name, TieClass tieClass, double strength, Origin origin,
                          String sector, Instant updatedAt) {
        Tie tie = new Tie(contactId, name, strength, tieClass, new TieDimensions(0.3, 0.3, 0.4, 0.5, 0.3, 0.2, 0.5, 0.2),
                GeographicScale.CITY, origin, 4, updatedAt.minusSeconds(86_400L * 300), updatedAt.minusSeconds(86_400L * 20), 2,
                strength, updatedAt.minusSeconds(86_400L * 20), updatedAt.minusSeconds(86_400L * 20), List.of("Test explanation."), updatedAt);
        Contact contact = new Contact(name, List.of(), "Company of " + name, "Engineer", sector, List.of(), List.of(), null,
                origin, List.of(), null, null, null, List.of(), List.of());
        return new TieUpdated(ownerId, tie, null, contact);
    }

    static OwnerProfile profile(String language, boolean allowStrongTiesForCommitting) {
        return new OwnerProfile("Owner", "Finance", "Analyst", "Acme", List.of(), List.of(), null, List.of(), language,
                allowStrongTiesForCommitting);
    }

    /** Sends a tie snapshot; {@code partition} null lets the key choose it. */
    void sendTie(TieUpdated update, String eventId, Integer partition) {
        send(new ProducerRecord<>(Topics.TIES, partition, Topics.tieKey(update.ownerId(), update.tie().contactId()),
                EventJson.write(update), headers(eventId, EventTypes.TIE_UPDATED, "/graph-service")));
    }

    void sendTie(TieUpdated update) {
        sendTie(update, Identifiers.randomId(), null);
    }

    /** Sends a tie snapshot in the trace a W3C {@code traceparent} names, as graph-service does. */
    void sendTracedTie(TieUpdated update, String traceparent) {
        List<Header> headers = headers(Identifiers.randomId(), EventTypes.TIE_UPDATED, "/graph-service");
        headers.add(header("traceparent", traceparent));
        send(new ProducerRecord<>(Topics.TIES, null, Topics.tieKey(update.ownerId(), update.tie().contactId()),
                EventJson.write(update), headers));
    }

    void sendTombstone(String ownerId, String contactId) {
        send(new ProducerRecord<>(Topics.TIES, Topics.tieKey(ownerId, contactId), null));
    }

    void sendProfile(String ownerId, OwnerProfile profile) {
        send(new ProducerRecord<>(Topics.OWNERS, null, ownerId, EventJson.write(new OwnerProfileUpdated(ownerId, profile)),
                headers(Identifiers.randomId(), EventTypes.OWNER_PROFILE_UPDATED, "/ingestion-service")));
    }

    void sendOwnerErased(String ownerId) {
        send(new ProducerRecord<>(Topics.OWNERS, null, ownerId, EventJson.write(new OwnerErased(ownerId)),
                headers(Identifiers.randomId(), EventTypes.OWNER_ERASED, "/ingestion-service")));
    }

    /**
     * Sends an import job's completion under the given event id, as ingestion-service does (keyed by the owner), in the
     * trace a W3C {@code traceparent} names (null: none).
     */
    void sendImportCompleted(ImportCompleted completed, String eventId, String traceparent) {
        List<Header> headers = headers(eventId, EventTypes.IMPORT_COMPLETED, "/ingestion-service");
        if (traceparent != null) {
            headers.add(header("traceparent", traceparent));
        }
        send(new ProducerRecord<>(Topics.IMPORTS, null, completed.ownerId(), EventJson.write(completed), headers));
    }

    /** Any record, for the records a well-behaved producer would never send. */
    void sendRaw(String topic, Integer partition, String key, String value, String eventId, String type) {
        send(new ProducerRecord<>(topic, partition, key, value, headers(eventId, type, "/somewhere")));
    }

    private static List<Header> headers(String id, String type, String source) {
        List<Header> headers = new ArrayList<>();
        headers.add(header("ce_specversion", "1.0"));
        if (id != null) {
            headers.add(header("ce_id", id));
        }
        if (type != null) {
            headers.add(header("ce_type", type));
        }
        headers.add(header("ce_source", source));
        headers.add(header("ce_time", Instant.now().toString()));
        headers.add(header("content-type", "application/json"));
        return headers;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a test record", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
