package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.passerelle.localstack.metrics.MetricsScrape;
import io.passerelle.localstack.security.LocalIssuerTestResource;
import io.passerelle.runtime.problem.Problem;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no broker to acknowledge, every write answers 503 with Retry-After: never 202, never a hang. */
@QuarkusTest
@TestProfile(UnreachableKafkaTest.NoBroker.class)
class UnreachableKafkaTest {

    /** Points the producer at a loopback port where nothing listens; tokens as with the local stack. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalIssuerTestResource.class), new TestResourceEntry(LocalDatabaseTestResource.class));
        }
    }

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void aProfileAnswers503WithRetryAfterAndIsCountedAsUnavailable() {
        MetricsScrape before = MetricsScrape.of(metrics);
        given().contentType(ContentType.JSON).body("""
                        {"displayName": "Camille"}""")
                .when().put("/v1/owners/{ownerId}/profile", "owner-unreachable")
                .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"))
                .body("status", is(503))
                .body("detail", notNullValue());
        MetricsScrape after = MetricsScrape.of(metrics);
        assertThat(after.sum("passerelle_ingestion_unavailable_total") - before.sum("passerelle_ingestion_unavailable_total")).isEqualTo(1);
        assertThat(after.sum("passerelle_ingestion_publish_seconds_count", "outcome", "unavailable")
                - before.sum("passerelle_ingestion_publish_seconds_count", "outcome", "unavailable")).isEqualTo(1);
        assertThat(after.sum("passerelle_ingestion_accepted_total") - before.sum("passerelle_ingestion_accepted_total")).isZero();
    }

    @Test
    void aContactAnswers503WithRetryAfter() {
        given().contentType(ContentType.JSON).body("""
                        {"displayName": "Jean"}""")
                .when().put("/v1/owners/{ownerId}/contacts/{contactId}", "owner-unreachable", "c-1")
                .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"));
    }

    @Test
    void anInteractionAnswers503WithRetryAfter() {
        given().contentType(ContentType.JSON).body("""
                        {"interactionId": "i-1", "contactId": "c-1", "occurredAt": "2026-03-01T09:30:00Z", "channel": "CALL"}""")
                .when().post("/v1/owners/{ownerId}/interactions", "owner-unreachable")
                .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"));
    }

    @Test
    void anImportAnswers503WithRetryAfterSoThatTheWholeFileIsSentAgain() {
        given().contentType("text/csv").queryParam("format", "linkedin-connections").body("""
                        First Name,Last Name,URL,Email Address,Company,Position,Connected On
                        Jean,Martin,https://www.linkedin.com/in/jean-martin,,Renault,Ingénieur,07 Dec 2025
                        """.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/v1/owners/{ownerId}/imports", "owner-unreachable")
                .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"));
    }

    @Test
    void aBatchAnswers503WithRetryAfter() {
        given().contentType("application/x-ndjson")
                .body("{\"kind\":\"contact\",\"contactId\":\"c-1\",\"displayName\":\"Ada\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/v1/owners/{ownerId}/batch", "owner-unreachable")
                .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"));
    }
}
