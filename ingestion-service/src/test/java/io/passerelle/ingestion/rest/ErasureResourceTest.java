package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.passerelle.localstack.openapi.OpenApiDocument;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactErased;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.runtime.problem.Problem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The erasure endpoints against the real broker, and the export when graph-service and advice-service cannot be reached. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ErasureResourceTest {

    @Test
    void erasingAContactPublishesContactErasedKeyedByOwnerBeforeTheAnswer() throws Exception {
        String ownerId = newOwnerId();

        String eventId = given().when().delete("/v1/owners/{ownerId}/contacts/{contactId}", ownerId, "email:jean@example.org")
                .then().statusCode(202).contentType(ContentType.JSON)
                .body("eventId", notNullValue())
                .extract().path("eventId");

        ConsumerRecord<String, String> record = TopicReader.awaitRecords(Topics.CONTACTS, ownerId, 1).get(0);
        assertThat(TopicReader.header(record, "ce_id")).isEqualTo(eventId);
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo(EventTypes.CONTACT_ERASED);
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo("email:jean@example.org");
        assertThat(EventJson.read(record.value(), ContactErased.class)).isEqualTo(new ContactErased(ownerId, "email:jean@example.org"));
    }

    @Test
    void erasingAnOwnerPublishesOwnerErasedKeyedByOwnerBeforeTheAnswer() throws Exception {
        String ownerId = newOwnerId();

        String eventId = given().when().delete("/v1/owners/{ownerId}", ownerId)
                .then().statusCode(202).contentType(ContentType.JSON)
                .extract().path("eventId");

        ConsumerRecord<String, String> record = TopicReader.awaitRecords(Topics.OWNERS, ownerId, 1).get(0);
        assertThat(TopicReader.header(record, "ce_id")).isEqualTo(eventId);
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo(EventTypes.OWNER_ERASED);
        assertThat(EventJson.read(record.value(), OwnerErased.class)).isEqualTo(new OwnerErased(ownerId));
    }

    @Test
    void writesToTheSamePathsStillWork() {
        given().contentType(ContentType.JSON).body("{\"displayName\": \"Jean\"}")
                .when().put("/v1/owners/{ownerId}/contacts/{contactId}", newOwnerId(), "c-1")
                .then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"displayName\": \"Alex\"}")
                .when().put("/v1/owners/{ownerId}/profile", newOwnerId())
                .then().statusCode(202);
    }

    @Test
    void badIdsAre400ProblemsNamingTheParameter() {
        given().when().delete("/v1/owners/{ownerId}/contacts/{contactId}", "bad owner!", "c-1")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("ownerId"));
        given().when().delete("/v1/owners/{ownerId}/contacts/{contactId}", newOwnerId(), "bad contact id")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("contactId"));
        given().when().delete("/v1/owners/{ownerId}", "x".repeat(65))
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("ownerId"));
        given().when().get("/v1/owners/{ownerId}/export", "bad owner!")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("ownerId"));
    }

    @Test
    void anExportWhoseServicesCannotBeReachedIsA503NeverAPartialExport() {
        // The test configuration points both services at a port where nothing listens.
        given().header("Authorization", "Bearer test-token")
                .when().get("/v1/owners/{ownerId}/export", newOwnerId())
                .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"))
                .body("status", is(503))
                .body("detail", notNullValue());
    }

    @Test
    void theOpenApiDocumentDescribesTheErasureAndExportEndpoints() {
        String document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(document).contains("/v1/owners/{ownerId}/contacts/{contactId}", "/v1/owners/{ownerId}/export", "\"delete\"");
        assertThat(List.of(document.split("\"/v1/owners/\\{ownerId}\"")).size()).as("DELETE /v1/owners/{ownerId} is documented").isEqualTo(2);
    }

    private static String newOwnerId() {
        return "owner-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
