package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.passerelle.runtime.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on the real broker of the local stack, with limits low enough to reach in a few
 * requests: beyond a limit the answer is 429 problem+json with Retry-After and nothing is published;
 * one owner's limit leaves the others alone; once Retry-After has passed, the request goes through.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowRateLimits.class)
class RateLimitTest {
    private static final String PREFIX = "passerelle.ingestion.rate-limit.";

    /**
     * Writes: 2 per caller and 3 per owner at once, each coming back after 4 s and 6 s; imports: 1 per
     * caller and per owner every 4 s. The local stack is shared by the JVM: only the application restarts.
     */
    public static class LowRateLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    PREFIX + "writes.per-caller.rate", "0.5", PREFIX + "writes.per-caller.burst", "2",
                    PREFIX + "writes.per-owner.rate", "0.5", PREFIX + "writes.per-owner.burst", "3",
                    PREFIX + "imports.per-caller.rate", "0.25", PREFIX + "imports.per-caller.burst", "1",
                    PREFIX + "imports.per-owner.rate", "0.25", PREFIX + "imports.per-owner.burst", "1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalStackTestResource.class));
        }
    }

    @Test
    void writesBeyondAnOwnersLimitAre429AndPublishNothingUntilRetryAfterHasPassed() throws Exception {
        String ownerId = newOwnerId();
        for (int i = 1; i <= 3; i++) {
            postInteraction(given(), ownerId, "call-" + i).then().statusCode(202);
        }

        Response refused = postInteraction(given(), ownerId, "refused-4");
        long retryAfter = assertRefused(refused, "ownerId", "writes.per-owner");
        assertThat(retryAfter).isBetween(1L, 6L);
        // Every write of the owner counts against the same limit; reads are not limited.
        given().contentType(ContentType.JSON).body("{\"displayName\": \"Jean\"}")
                .put("/v1/owners/{ownerId}/contacts/{contactId}", ownerId, "refused-contact")
                .then().statusCode(429).contentType(Problem.MEDIA_TYPE);
        given().delete("/v1/owners/{ownerId}/contacts/{contactId}", ownerId, "c-1").then().statusCode(429);
        given().get("/v1/owners/{ownerId}/export", ownerId).then().statusCode(503);

        // Another owner is not affected, though the caller is the same.
        String otherOwner = newOwnerId();
        postInteraction(given(), otherOwner, "call-1").then().statusCode(202);

        // A fixed pause of exactly Retry-After is the contract under test: a client that waits what it was told gets
        // through. Polling until a 202 would pass with a Retry-After that is too short.
        Thread.sleep(retryAfter * 1000);
        postInteraction(given(), ownerId, "after-the-wait").then().statusCode(202)
                .body("eventId", is(Identifiers.stableId(ownerId, "after-the-wait")));

        // The owner's records keep their order: the one written after the wait comes after any the refused requests could have made.
        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(Topics.INTERACTIONS, ownerId, 4);
        assertThat(records).extracting(r -> TopicReader.header(r, "ce_id")).containsExactly(
                Identifiers.stableId(ownerId, "call-1"), Identifiers.stableId(ownerId, "call-2"),
                Identifiers.stableId(ownerId, "call-3"), Identifiers.stableId(ownerId, "after-the-wait"));
        given().contentType(ContentType.JSON).body("{\"displayName\": \"Jean\"}")
                .put("/v1/owners/{ownerId}/contacts/{contactId}", ownerId, "later-contact").then().statusCode(202);
        assertThat(TopicReader.awaitRecords(Topics.CONTACTS, ownerId, 1))
                .extracting(r -> TopicReader.header(r, "ce_subject")).containsExactly("later-contact");
    }

    @Test
    void anOwnersOwnTokenIsAlsoLimitedPerCaller() throws Exception {
        String ownerId = newOwnerId();
        String token = LocalTokenIssuer.local().owner(ownerId);
        postInteraction(given().auth().oauth2(token), ownerId, "call-1").then().statusCode(202);
        postInteraction(given().auth().oauth2(token), ownerId, "call-2").then().statusCode(202);

        long retryAfter = assertRefused(postInteraction(given().auth().oauth2(token), ownerId, "refused-3"),
                "Authorization", "writes.per-caller");
        assertThat(retryAfter).isBetween(1L, 4L);
        // The platform, another caller, still has the owner's third write (the refused request took none of the owner's).
        postInteraction(given(), ownerId, "from-the-platform").then().statusCode(202);

        // Once the caller's window has passed, the owner's (6 s, now used up) still holds. Each pause is exactly the
        // Retry-After answered, the contract under test (a polling wait would not show that it suffices).
        Thread.sleep(retryAfter * 1000);
        long ownersRetryAfter = assertRefused(postInteraction(given().auth().oauth2(token), ownerId, "refused-4"),
                "ownerId", "writes.per-owner");
        Thread.sleep(ownersRetryAfter * 1000);
        postInteraction(given().auth().oauth2(token), ownerId, "after-both-waits").then().statusCode(202);

        assertThat(TopicReader.awaitRecords(Topics.INTERACTIONS, ownerId, 4))
                .extracting(r -> TopicReader.header(r, "ce_id")).containsExactly(
                        Identifiers.stableId(ownerId, "call-1"), Identifiers.stableId(ownerId, "call-2"),
                        Identifiers.stableId(ownerId, "from-the-platform"), Identifiers.stableId(ownerId, "after-both-waits"));
    }

    @Test
    void importsHaveTheirOwnLowerLimit() throws Exception {
        String ownerId = newOwnerId();
        importConnections(ownerId, "jean-martin").then().statusCode(200).body("accepted", is(1));

        long retryAfter = assertRefused(importConnections(ownerId, "refused-row"), "ownerId", "imports.per-owner");
        assertThat(retryAfter).isBetween(1L, 4L);
        // Writes are counted apart from imports.
        given().contentType(ContentType.JSON).body("{\"displayName\": \"Ada\"}")
                .put("/v1/owners/{ownerId}/contacts/{contactId}", ownerId, "written-after").then().statusCode(202);
        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(Topics.CONTACTS, ownerId, 2);
        assertThat(records).extracting(r -> TopicReader.header(r, "ce_subject"))
                .containsExactly("linkedin:jean-martin", "written-after");

        // Exactly the Retry-After answered: the contract under test, not a wait for something to happen.
        Thread.sleep(retryAfter * 1000);
        importConnections(ownerId, "after-the-wait").then().statusCode(200).body("accepted", is(1));
    }

    @Test
    void openApiDocumentsThe429OfEveryLimitedOperation() {
        Response openApi = given().accept(ContentType.JSON).get("/q/openapi");
        openApi.then().statusCode(200);
        for (String operation : List.of("'/v1/owners/{ownerId}/profile'.put", "'/v1/owners/{ownerId}/contacts/{contactId}'.put",
                "'/v1/owners/{ownerId}/contacts/{contactId}'.delete", "'/v1/owners/{ownerId}/interactions'.post",
                "'/v1/owners/{ownerId}/batch'.post", "'/v1/owners/{ownerId}/imports'.post", "'/v1/owners/{ownerId}'.delete")) {
            openApi.then().body("paths." + operation + ".responses", hasKey("429"));
            openApi.then().body("paths." + operation + ".responses.'429'.headers", hasKey("Retry-After"));
        }
    }

    /** Checks the 429 answer and returns its Retry-After. */
    private static long assertRefused(Response answer, String field, String limit) {
        answer.then().statusCode(429).contentType(Problem.MEDIA_TYPE)
                .body("status", is(429))
                .body("type", endsWith("/rate-limited"))
                .body("detail", containsString(limit))
                .body("errors[0].field", is(field))
                .body("errors[0].message", containsString(limit));
        String retryAfter = answer.header("Retry-After");
        assertThat(retryAfter).matches("[1-9][0-9]*");
        return Long.parseLong(retryAfter);
    }

    private static Response postInteraction(RequestSpecification request, String ownerId, String interactionId) {
        return request.contentType(ContentType.JSON)
                .body("{\"interactionId\": \"" + interactionId + "\", \"contactId\": \"c-1\", "
                        + "\"occurredAt\": \"2026-03-01T09:30:00Z\", \"channel\": \"CALL\"}")
                .post("/v1/owners/{ownerId}/interactions", ownerId);
    }

    private static Response importConnections(String ownerId, String slug) {
        String file = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Jean,Martin,https://www.linkedin.com/in/" + slug + ",,Renault,Ingénieur,07 Dec 2025\n";
        return given().contentType("text/csv").queryParam("format", "linkedin-connections")
                .body(file.getBytes(StandardCharsets.UTF_8))
                .post("/v1/owners/{ownerId}/imports", ownerId);
    }

    private static String newOwnerId() {
        return "owner-" + UUID.randomUUID();
    }
}
