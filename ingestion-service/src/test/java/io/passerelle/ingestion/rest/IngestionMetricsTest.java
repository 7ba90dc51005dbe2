package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.metrics.MetricsScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The management port's metrics move by what the requests did: an event the broker acknowledged
 * counts under its kind and in the publish latency; each refused request under the reason its
 * problem+json names. Nothing else writes to this service during a test, so the deltas are exact.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class IngestionMetricsTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void acceptedEventsAreCountedByKindAndTimed() {
        String owner = "metrics-" + UUID.randomUUID();
        MetricsScrape before = MetricsScrape.of(metrics);

        given().contentType(ContentType.JSON).body("{\"displayName\":\"Ada Lovelace\"}")
                .put("/v1/owners/{ownerId}/contacts/{contactId}", owner, "c-1").then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"displayName\":\"Grace Hopper\"}")
                .put("/v1/owners/{ownerId}/contacts/{contactId}", owner, "c-2").then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"displayName\":\"Camille\"}")
                .put("/v1/owners/{ownerId}/profile", owner).then().statusCode(202);

        MetricsScrape after = MetricsScrape.of(metrics);
        assertThat(delta(before, after, "passerelle_ingestion_accepted_total", "kind", "contact.upserted")).isEqualTo(2);
        assertThat(delta(before, after, "passerelle_ingestion_accepted_total", "kind", "owner.profile-updated")).isEqualTo(1);
        assertThat(delta(before, after, "passerelle_ingestion_publish_seconds_count", "outcome", "acknowledged")).isEqualTo(3);
        assertThat(delta(before, after, "passerelle_ingestion_rejected_total")).isZero();
        assertThat(delta(before, after, "passerelle_ingestion_unavailable_total")).isZero();
    }

    @Test
    void refusedRequestsAreCountedByTheReasonTheirProblemNames() {
        String owner = "metrics-" + UUID.randomUUID();
        MetricsScrape before = MetricsScrape.of(metrics);

        String malformed = reason(given().contentType(ContentType.JSON).body("{\"displayName\": \"Jean\",,}")
                .put("/v1/owners/{ownerId}/contacts/{contactId}", owner, "c-1").then().statusCode(400).extract().path("type"));
        String wrongMediaType = reason(given().contentType(ContentType.TEXT).body("{\"displayName\":\"Ada\"}")
                .put("/v1/owners/{ownerId}/contacts/{contactId}", owner, "c-1").then().statusCode(415).extract().path("type"));
        String unauthenticated = reason(given().auth().none().contentType(ContentType.JSON).body("{\"displayName\":\"Ada\"}")
                .put("/v1/owners/{ownerId}/contacts/{contactId}", owner, "c-1").then().statusCode(401).extract().path("type"));

        MetricsScrape after = MetricsScrape.of(metrics);
        assertThat(delta(before, after, "passerelle_ingestion_rejected_total", "reason", malformed)).isEqualTo(1);
        assertThat(delta(before, after, "passerelle_ingestion_rejected_total", "reason", wrongMediaType)).isEqualTo(1);
        assertThat(delta(before, after, "passerelle_ingestion_rejected_total", "reason", unauthenticated)).isEqualTo(1);
        assertThat(delta(before, after, "passerelle_ingestion_rejected_total")).isEqualTo(3);
        assertThat(delta(before, after, "passerelle_ingestion_accepted_total")).isZero();
    }

    @Test
    void metricsAreServedOnTheManagementPortOnly() {
        given().auth().none().get(metrics).then().statusCode(200);
        assertThat(metrics.getPort()).isNotEqualTo(io.restassured.RestAssured.port);
        given().auth().none().get("/q/metrics").then().statusCode(404);
        given().auth().none().get("/q/health/ready").then().statusCode(200);
    }

    private static double delta(MetricsScrape before, MetricsScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    /** The last segment of a problem type, as the metric's {@code reason} tag names it. */
    private static String reason(String problemType) {
        assertThat(problemType).isNotBlank();
        return problemType.substring(problemType.lastIndexOf('/') + 1);
    }
}
