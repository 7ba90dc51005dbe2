package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.passerelle.contracts.EventSchemas;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.json.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record as a consumer of the topics reads it must be what the AsyncAPI document of
 * event-contracts says: binary-mode CloudEvents headers with the {@code ce_dataschema} of its type,
 * the key of its topic, and data that validates against the type's JSON Schema, read from the
 * event-contracts jar as a consumer would.
 */
final class EventSchemaCheck {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemaCheck() {
    }

    /** Checks one record of a topic of the contract; returns its CloudEvents type ({@code null} for a tombstone). */
    static String assertAsDescribed(ConsumerRecord<String, String> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (record.value() == null) {
            assertThat(record.topic()).as("%s: only the ties topic has tombstones", where).isEqualTo(Topics.TIES);
            assertThat(record.key()).as("%s: a tombstone's key", where)
                    .matches(Identifiers.OWNER_ID_REGEX + "/" + Identifiers.CONTACT_ID_REGEX);
            return null;
        }
        String type = KafkaFixtures.header(record, "ce_type");
        assertThat(EventSchemas.typesOf(record.topic())).as("%s: ce_type", where).contains(type);
        assertThat(KafkaFixtures.header(record, "ce_specversion")).as("%s: ce_specversion", where).isEqualTo("1.0");
        assertThat(KafkaFixtures.header(record, "ce_id")).as("%s: ce_id", where).isNotBlank();
        assertThat(KafkaFixtures.header(record, "ce_source")).as("%s: ce_source", where).startsWith("urn:passerelle:");
        assertThat(OffsetDateTime.parse(KafkaFixtures.header(record, "ce_time"))).as("%s: ce_time", where).isNotNull();
        assertThat(KafkaFixtures.header(record, "ce_dataschema")).as("%s: ce_dataschema", where)
                .isEqualTo(EventSchemas.dataSchemaOf(type).orElseThrow().toString());
        assertThat(KafkaFixtures.header(record, "content-type")).as("%s: content-type", where).startsWith("application/json");

        assertThat(schemaOf(type).validate(record.value(), com.networknt.schema.InputFormat.JSON))
                .as("%s: %s data against %s\n%s", where, type, EventSchemas.dataSchemaOf(type).orElseThrow(), record.value())
                .extracting(Error::toString).isEmpty();

        JsonNode data = read(record.value());
        String ownerId = data.has("ownerId") ? data.get("ownerId").asText() : data.at("/recommendation/ownerId").asText();
        String expectedKey = record.topic().equals(Topics.TIES) ? Topics.tieKey(ownerId, data.at("/tie/contactId").asText()) : ownerId;
        assertThat(record.key()).as("%s: key", where).isEqualTo(expectedKey);
        return type;
    }

    private static Schema schemaOf(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            String resource = EventSchemas.resource(t, EventSchemas.CURRENT_VERSION);
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as("%s in the event-contracts jar", resource).isNotNull();
                return REGISTRY.getSchema(EventJson.mapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static JsonNode read(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
