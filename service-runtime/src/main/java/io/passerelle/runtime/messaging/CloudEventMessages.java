package io.passerelle.runtime.messaging;

import io.passerelle.contracts.EventSchemas;
import io.passerelle.contracts.json.EventJson;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Builds the outgoing Kafka messages of the contract: CloudEvents 1.0 in binary mode (the connector
 * writes the {@code ce_} headers from this metadata), JSON data, and the record key that keeps each
 * owner's events in order.
 */
public final class CloudEventMessages {
    private CloudEventMessages() {
    }

    /**
     * @param key the record key ({@code ownerId}, or {@code ownerId/contactId} for ties)
     * @param id the CloudEvents id; consumers skip an id they have already applied
     * @param subject what the event is about, for consumers that filter on it
     */
    public static Message<String> of(String key, String id, String type, URI source, String subject, Object data) {
        OutgoingCloudEventMetadata<Object> cloudEvent = withDataSchema(OutgoingCloudEventMetadata.builder(), type)
                .withId(id)
                .withType(type)
                .withSource(source)
                .withSubject(subject)
                .withDataContentType("application/json")
                .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build();
        return Message.of(EventJson.write(data), Metadata.of(cloudEvent, kafka));
    }

    /**
     * Names the JSON Schema of the type's data in {@code dataschema} ({@code ce_dataschema}), so that a
     * consumer knows which version of the contract a record was written to (event-contracts' README).
     */
    static OutgoingCloudEventMetadataBuilder<Object> withDataSchema(OutgoingCloudEventMetadataBuilder<Object> cloudEvent, String type) {
        EventSchemas.dataSchemaOf(type).ifPresent(cloudEvent::withDataSchema);
        return cloudEvent;
    }

    /** A tombstone for a compacted topic: the key with a null value, which erases it after compaction. */
    public static Message<String> tombstone(String key) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build();
        return Message.<String>of(null, Metadata.of(kafka));
    }
}
