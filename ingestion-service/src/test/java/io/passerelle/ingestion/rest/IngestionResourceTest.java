package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.runtime.problem.Problem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The three write endpoints against the real broker of the local stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class IngestionResourceTest {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void profileIsPublishedToTheOwnersTopicBeforeTheAnswer() throws Exception {
        String ownerId = newOwnerId();
        OwnerProfile profile = new OwnerProfile("Camille Durand", "logistics", "buyer", "Transports Martin",
                List.of("Geodis"), List.of("KEDGE"), new Location("Lyon", "69003", "Rhône", "Auvergne-Rhône-Alpes", "FR", 45.76, 4.85),
                List.of("supply chain"), "fr", true, "Acheteuse dans la logistique à Lyon, je cherche à rejoindre une équipe achats plus grande.");

        String eventId = given().contentType(ContentType.JSON).body(EventJson.write(profile))
                .when().put("/v1/owners/{ownerId}/profile", ownerId)
                .then().statusCode(202).contentType(ContentType.JSON)
                .body("eventId", matchesPattern(UUID_PATTERN))
                .extract().path("eventId");

        ConsumerRecord<String, String> record = single(Topics.OWNERS, ownerId);
        assertCloudEvent(record, ownerId, eventId, EventTypes.OWNER_PROFILE_UPDATED, ownerId);
        assertThat(EventJson.read(record.value(), OwnerProfileUpdated.class)).isEqualTo(new OwnerProfileUpdated(ownerId, profile));
    }

    @Test
    void contactIsPublishedToTheContactsTopicKeyedByOwner() throws Exception {
        String ownerId = newOwnerId();
        Contact contact = new Contact("Jean Martin", List.of("jean.martin@example.org"), "Renault", "engineer", "automotive",
                List.of("PSA"), List.of("INSA Lyon"), new Location("Villeurbanne", null, "Rhône", null, "FR", null, null),
                Origin.FORMER_COLLEAGUE, List.of(RelationContext.NETWORK), Source.LINKEDIN, LocalDate.of(2019, 5, 2), 2,
                List.of("c:2"), List.of("mentor"));

        String eventId = given().contentType(ContentType.JSON).body(EventJson.write(contact))
                .when().put("/v1/owners/{ownerId}/contacts/{contactId}", ownerId, "linkedin:jean@martin")
                .then().statusCode(202).contentType(ContentType.JSON)
                .body("eventId", matchesPattern(UUID_PATTERN))
                .extract().path("eventId");

        ConsumerRecord<String, String> record = single(Topics.CONTACTS, ownerId);
        assertCloudEvent(record, ownerId, eventId, EventTypes.CONTACT_UPSERTED, "linkedin:jean@martin");
        assertThat(EventJson.read(record.value(), ContactUpserted.class))
                .isEqualTo(new ContactUpserted(ownerId, "linkedin:jean@martin", contact));
    }

    @Test
    void interactionIsPublishedWithAnEventIdDerivedFromItsId() throws Exception {
        String ownerId = newOwnerId();
        Interaction interaction = new Interaction("meeting-2026-03-04", "c-1", Instant.parse("2026-03-04T10:00:00Z"),
                Channel.MEETING, Direction.MUTUAL, 45, Source.CALENDAR);

        given().contentType(ContentType.JSON).body(EventJson.write(interaction))
                .when().post("/v1/owners/{ownerId}/interactions", ownerId)
                .then().statusCode(202).contentType(ContentType.JSON)
                .body("eventId", is(Identifiers.stableId(ownerId, "meeting-2026-03-04")))
                .body("interactionId", is("meeting-2026-03-04"));

        ConsumerRecord<String, String> record = single(Topics.INTERACTIONS, ownerId);
        assertCloudEvent(record, ownerId, Identifiers.stableId(ownerId, "meeting-2026-03-04"), EventTypes.INTERACTION_RECORDED, "c-1");
        assertThat(EventJson.read(record.value(), InteractionRecorded.class)).isEqualTo(new InteractionRecorded(ownerId, interaction));
    }

    @Test
    void aRetriedInteractionKeepsItsEventIdSoConsumersCountItOnce() {
        String ownerId = newOwnerId();
        String body = """
                {"interactionId": "call-1", "contactId": "c-1", "occurredAt": "2026-03-01T09:30:00Z", "channel": "CALL"}""";

        String first = given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/owners/{ownerId}/interactions", ownerId)
                .then().statusCode(202).extract().path("eventId");
        String retry = given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/owners/{ownerId}/interactions", ownerId)
                .then().statusCode(202).extract().path("eventId");

        assertThat(retry).isEqualTo(first);
        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(Topics.INTERACTIONS, ownerId, 2);
        assertThat(records).extracting(r -> TopicReader.header(r, "ce_id")).containsExactly(first, first);
    }

    @Test
    void anInteractionWithoutIdIsGivenOneThatTheAnswerAndTheEventShare() throws Exception {
        String ownerId = newOwnerId();
        String body = """
                {"contactId": "c-9", "occurredAt": "2026-02-10T08:00:00Z", "channel": "EMAIL", "direction": "INBOUND"}""";

        var answer = given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/owners/{ownerId}/interactions", ownerId)
                .then().statusCode(202).body("interactionId", notNullValue())
                .extract();
        String interactionId = answer.path("interactionId");
        String eventId = answer.path("eventId");

        assertThat(eventId).isEqualTo(Identifiers.stableId(ownerId, interactionId));
        ConsumerRecord<String, String> record = single(Topics.INTERACTIONS, ownerId);
        assertThat(TopicReader.header(record, "ce_id")).isEqualTo(eventId);
        assertThat(EventJson.read(record.value(), InteractionRecorded.class).interaction().interactionId()).isEqualTo(interactionId);
    }

    @Test
    void aContactWithoutDisplayNameIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body("""
                        {"emails": ["a@example.org"], "origin": "FRIEND"}""")
                .when().put("/v1/owners/{ownerId}/contacts/{contactId}", newOwnerId(), "c-1")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", is(400))
                .body("errors.field", hasItem("displayName"));
    }

    @Test
    void anUnknownEnumValueIsRefusedNamingTheFieldAndTheAllowedValues() {
        given().contentType(ContentType.JSON).body("""
                        {"contactId": "c-1", "occurredAt": "2026-03-01T09:30:00Z", "channel": "CARRIER_PIGEON"}""")
                .when().post("/v1/owners/{ownerId}/interactions", newOwnerId())
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", is("channel"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("MEETING"));
    }

    @Test
    void aMalformedOwnerIdInThePathIsRefusedNamingIt() {
        given().contentType(ContentType.JSON).body("""
                        {"displayName": "Camille"}""")
                .when().put("/v1/owners/{ownerId}/profile", "not an id!")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("ownerId"));
    }

    @Test
    void aMalformedContactIdInThePathIsRefusedNamingIt() {
        given().contentType(ContentType.JSON).body("""
                        {"displayName": "Jean"}""")
                .when().put("/v1/owners/{ownerId}/contacts/{contactId}", newOwnerId(), "jean martin")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("contactId"));
    }

    @Test
    void anInteractionInTheFutureIsRefusedAndNothingIsPublished() {
        String ownerId = newOwnerId();
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

        given().contentType(ContentType.JSON).body("""
                        {"interactionId": "future", "contactId": "c-1", "occurredAt": "%s", "channel": "CALL"}""".formatted(tomorrow))
                .when().post("/v1/owners/{ownerId}/interactions", ownerId)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("occurredAt"));

        // A valid interaction of the same owner lands in the same partition after anything sent before it.
        given().contentType(ContentType.JSON).body("""
                        {"interactionId": "past", "contactId": "c-1", "occurredAt": "2026-01-01T00:00:00Z", "channel": "CALL"}""")
                .when().post("/v1/owners/{ownerId}/interactions", ownerId)
                .then().statusCode(202);
        assertThat(TopicReader.awaitRecords(Topics.INTERACTIONS, ownerId, 1))
                .extracting(r -> TopicReader.header(r, "ce_id"))
                .containsExactly(Identifiers.stableId(ownerId, "past"));
    }

    @Test
    void anOccurredAtSlightlyAheadOfOurClockIsAcceptedAsClockSkew() {
        String soon = Instant.now().plusSeconds(5).toString();

        given().contentType(ContentType.JSON).body("""
                        {"contactId": "c-1", "occurredAt": "%s", "channel": "CALL"}""".formatted(soon))
                .when().post("/v1/owners/{ownerId}/interactions", newOwnerId())
                .then().statusCode(202);
    }

    @Test
    void malformedJsonIsRefusedAsABadBody() {
        given().contentType(ContentType.JSON).body("{\"displayName\": \"Jean\",")
                .when().put("/v1/owners/{ownerId}/contacts/{contactId}", newOwnerId(), "c-1")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", is("body"));
    }

    @Test
    void aMissingBodyIsRefused() {
        given().contentType(ContentType.JSON)
                .when().put("/v1/owners/{ownerId}/profile", newOwnerId())
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", is("body"))
                .body("errors[0].message", is("is required: send a JSON object"));
    }

    @Test
    void readinessIsUpWithTheBrokerReachable() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void openApiDocumentsTheEndpoints() {
        given().accept(ContentType.JSON).when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas.OwnerProfile.properties", org.hamcrest.Matchers.hasKey("pitch"))
                .body("components.schemas.OwnerProfile.properties.pitch.maxLength", is(280))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/owners/{ownerId}/profile"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/owners/{ownerId}/contacts/{contactId}"))
                .body("paths.'/v1/owners/{ownerId}/interactions'.post.responses", org.hamcrest.Matchers.hasKey("503"));
    }

    private static ConsumerRecord<String, String> single(String topic, String ownerId) {
        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(topic, ownerId, 1);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static void assertCloudEvent(
            ConsumerRecord<String, String> record, String ownerId, String id, String type, String subject) {
        assertThat(record.key()).isEqualTo(ownerId);
        assertThat(TopicReader.header(record, "ce_id")).isEqualTo(id);
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo(type);
        assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("urn:passerelle:ingestion-service");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(subject);
        assertThat(TopicReader.header(record, "ce_dataschema")).isEqualTo("urn:passerelle:schema:" + type + ":v1");
    }

    private static String newOwnerId() {
        return "owner-" + UUID.randomUUID();
    }
}
