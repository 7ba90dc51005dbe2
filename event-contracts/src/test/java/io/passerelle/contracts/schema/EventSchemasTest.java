package io.passerelle.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.passerelle.contracts.EventSchemas;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.events.ContactErased;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.ImportCompleted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.events.RecommendationIssued;
import io.passerelle.contracts.events.RecommendationWithdrawn;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.RequestKind;
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed schemas are the records' (generated, not hand-kept), they ship in the jar under
 * their {@code dataschema} name, and what {@code EventJson} writes for each event type validates
 * against its schema while a broken payload does not.
 *
 * <p>After a compatible change to a record (a new optional field), rewrite the files with
 * {@code mvn -pl event-contracts test -Dtest=EventSchemasTest -Dpasserelle.schemas.update=true} and
 * commit them; an incompatible change needs a new version, and a new topic.
 */
class EventSchemasTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Instant AT = Instant.parse("2026-03-04T10:00:00Z");

    static List<String> eventTypes() {
        return EventSchemas.dataTypesByEventType().keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theCommittedSchemaIsTheOneTheRecordGives(String type) throws IOException {
        // Compared as read back from its text: the generator's numbers (BigDecimal bounds) are other node types.
        ObjectNode generated = new EventSchemaGenerator().generate(type);
        Path file = MODULE.resolve(EventSchemas.relativePath(type, EventSchemas.CURRENT_VERSION));
        if (Boolean.getBoolean("passerelle.schemas.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, EventSchemaGenerator.print(generated));
        }
        assertThat(file).as("%s: generate it with -Dpasserelle.schemas.update=true", file).exists();
        JsonNode committed = EventJson.mapper().readTree(file.toFile());
        assertThat(committed)
                .as("%s differs from what %s gives: if the change is compatible (a new optional field), rewrite it with "
                        + "-Dpasserelle.schemas.update=true; otherwise the type needs a new version",
                        file, EventSchemas.dataTypesByEventType().get(type).getSimpleName())
                .isEqualTo(EventJson.mapper().readTree(EventSchemaGenerator.print(generated)));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theJarCarriesTheSchemaUnderItsDataschemaName(String type) throws IOException {
        JsonNode schema = schemaResource(type);
        assertThat(schema.path("$id").asText()).isEqualTo(EventSchemas.dataSchemaOf(type).orElseThrow().toString())
                .isEqualTo("urn:passerelle:schema:" + type + ":v1");
    }

    @Test
    void everyTypeOfTheContractHasASchemaAndATopic() {
        List<String> declared = java.util.Arrays.stream(EventTypes.class.getFields()).map(f -> {
            try {
                return (String) f.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
        assertThat(eventTypes()).isEqualTo(declared);
        assertThat(java.util.stream.Stream.of(io.passerelle.contracts.Topics.OWNERS, io.passerelle.contracts.Topics.CONTACTS,
                        io.passerelle.contracts.Topics.INTERACTIONS, io.passerelle.contracts.Topics.TIES,
                        io.passerelle.contracts.Topics.RECOMMENDATIONS, io.passerelle.contracts.Topics.IMPORTS)
                .flatMap(topic -> EventSchemas.typesOf(topic).stream()).sorted().toList()).isEqualTo(declared);
        assertThat(EventSchemas.dataSchemaOf("passerelle.unknown")).isEmpty();
    }

    /** One full event of each type, every optional field set, as the services publish them. */
    static Map<String, Object> samples() {
        Location paris = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", 48.86, 2.38);
        Contact contact = new Contact("Ada Lovelace", List.of("ada@example.org"), "Analytical", "Engineer", "Software",
                List.of("Babbage & Co"), List.of("Home"), paris, Origin.FORMER_COLLEAGUE, List.of(RelationContext.NETWORK),
                Source.LINKEDIN, LocalDate.parse("2019-05-01"), 3, List.of("c-2"), List.of("mentor"));
        OwnerProfile profile = new OwnerProfile("Nadia Owner", "Coaching", "Coach", "Atelier", List.of("Globex"),
                List.of("INSA Lyon"), paris, List.of("careers"), "en", false, "Coach of entrepreneurs");
        Tie tie = new Tie("c-1", "Ada Lovelace", 0.42, TieClass.WEAK,
                new TieDimensions(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8), GeographicScale.CITY, Origin.FORMER_COLLEAGUE, 7,
                AT.minusSeconds(86_400 * 400L), AT, 2, 0.61, AT.minusSeconds(86_400 * 200L), AT.minusSeconds(86_400 * 30L),
                List.of("You met regularly."), AT, "en");
        Recommendation recommendation = new Recommendation("r-1", "owner-1", "next-job", "c-1", "Ada Lovelace",
                Action.ASK_INTRODUCTION, RequestKind.LIGHT, 0.87, TieClass.WEAK, 0.42,
                new Recommendation.IntroductionTarget("c-2", "Grace Hopper"),
                List.of(new Recommendation.Reason("KNOWS_TARGET_PERSON", "Ada knows Grace.")),
                new Recommendation.Message("en", "Hello Ada"), AT);
        return Map.of(
                EventTypes.OWNER_PROFILE_UPDATED, new OwnerProfileUpdated("owner-1", profile),
                EventTypes.OWNER_ERASED, new OwnerErased("owner-1"),
                EventTypes.CONTACT_UPSERTED, new ContactUpserted("owner-1", "c-1", contact),
                EventTypes.CONTACT_ERASED, new ContactErased("owner-1", "c-1"),
                EventTypes.INTERACTION_RECORDED, new InteractionRecorded("owner-1",
                        new Interaction("i-1", "c-1", AT, Channel.VIDEO_CALL, Direction.MUTUAL, 30, Source.CALENDAR)),
                EventTypes.TIE_UPDATED, new TieUpdated("owner-1", tie, TieClass.NASCENT, contact),
                EventTypes.RECOMMENDATION_ISSUED, new RecommendationIssued(recommendation),
                EventTypes.RECOMMENDATION_WITHDRAWN, new RecommendationWithdrawn("r-1", "owner-1", "next-job", "c-1",
                        "TIE_ERASED", AT),
                EventTypes.IMPORT_COMPLETED, new ImportCompleted("0f6c3c1e-7f51-4f0b-9a55-1f7a4c8e2d10", "owner-1",
                        "linkedin-connections", 29_700, 300, 1_500, 3_145_728, AT.minusSeconds(30), AT));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void aSampleOfEachTypeAsEventJsonWritesItValidates(String type) throws IOException {
        Object sample = samples().get(type);
        assertThat(sample).as("a sample of %s", type).isNotNull()
                .isInstanceOf(EventSchemas.dataTypesByEventType().get(type));
        assertThat(errors(type, EventJson.write(sample))).isEmpty();
    }

    @Test
    void aBrokenPayloadIsRefusedNamingWhere() throws IOException {
        String tie = EventJson.write(samples().get(EventTypes.TIE_UPDATED));
        assertThat(errors(EventTypes.TIE_UPDATED, edit(tie, data -> data.remove("ownerId"))))
                .anySatisfy(error -> assertThat(error).contains("ownerId"));
        assertThat(errors(EventTypes.TIE_UPDATED, edit(tie, data -> ((ObjectNode) data.get("tie")).put("strength", "strong"))))
                .anySatisfy(error -> assertThat(error).contains("strength"));
        assertThat(errors(EventTypes.TIE_UPDATED, edit(tie, data -> ((ObjectNode) data.get("tie")).put("tieClass", "PURPLE"))))
                .anySatisfy(error -> assertThat(error).contains("tieClass"));
        assertThat(errors(EventTypes.TIE_UPDATED, edit(tie, data -> ((ObjectNode) data.get("tie")).remove("interactionCount"))))
                .as("a primitive is always written").anySatisfy(error -> assertThat(error).contains("interactionCount"));

        String interaction = EventJson.write(samples().get(EventTypes.INTERACTION_RECORDED));
        assertThat(errors(EventTypes.INTERACTION_RECORDED, edit(interaction, data -> data.put("ownerId", "owner 1 with spaces"))))
                .as("an id pattern applies to the whole value").anySatisfy(error -> assertThat(error).contains("ownerId"));
        assertThat(errors(EventTypes.INTERACTION_RECORDED, edit(interaction, data -> ((ObjectNode) data.get("interaction"))
                .put("occurredAt", "last Tuesday")))).anySatisfy(error -> assertThat(error).contains("occurredAt"));

        String contact = EventJson.write(samples().get(EventTypes.CONTACT_UPSERTED));
        assertThat(errors(EventTypes.CONTACT_UPSERTED, edit(contact, data -> ((ObjectNode) data.get("contact"))
                .putArray("relationContexts").add("FAMILY_BUSINESS")))).anySatisfy(error -> assertThat(error).contains("relationContexts"));
        assertThat(errors(EventTypes.CONTACT_UPSERTED, edit(contact, data -> ((ObjectNode) data.get("contact")).put("declaredCloseness", 9))))
                .anySatisfy(error -> assertThat(error).contains("declaredCloseness"));
    }

    @Test
    void unknownPropertiesAreAllowedSoThatANewerProducerStillValidates() throws IOException {
        String withdrawn = EventJson.write(samples().get(EventTypes.RECOMMENDATION_WITHDRAWN));
        assertThat(errors(EventTypes.RECOMMENDATION_WITHDRAWN, edit(withdrawn, data -> data.put("replacedBy", "r-2")))).isEmpty();
    }

    private static String edit(String json, Consumer<ObjectNode> change) throws IOException {
        ObjectNode data = (ObjectNode) EventJson.mapper().readTree(json);
        change.accept(data);
        return EventJson.mapper().writeValueAsString(data);
    }

    private static List<String> errors(String type, String json) throws IOException {
        Schema schema = REGISTRY.getSchema(schemaResource(type));
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static JsonNode schemaResource(String type) throws IOException {
        String resource = EventSchemas.resource(type, EventSchemas.CURRENT_VERSION);
        try (InputStream in = EventSchemasTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s on the classpath (the event-contracts jar)", resource).isNotNull();
            return EventJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
