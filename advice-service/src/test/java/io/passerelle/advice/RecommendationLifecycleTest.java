package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.JOB_SEARCH_IN_FINTECH;
import static io.passerelle.advice.AdviceTestSupport.PATIENCE;
import static io.passerelle.advice.AdviceTestSupport.contactIds;
import static io.passerelle.advice.AdviceTestSupport.itemFor;
import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.AdviceTestSupport.putObjective;
import static io.passerelle.advice.AdviceTestSupport.recommendations;
import static io.passerelle.advice.TestEvents.profile;
import static io.passerelle.advice.TestEvents.tie;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.metrics.MetricsScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recommendations as a lifecycle over the real broker and database: recomputed when ties change
 * (debounced), published as issued and withdrawn events through the outbox, and shaped by feedback.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RecommendationLifecycleTest extends BrokerClientsTestBase {
    private static JsonNode json(String value) {
        try {
            return EventJson.read(value, JsonNode.class);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }

    private static List<RecommendationEvents.Received> ofType(String owner, String type) {
        return published.forOwner(owner).stream().filter(r -> type.equals(r.type())).toList();
    }

    private static RecommendationEvents.Received withdrawalOf(String owner, String contactId) {
        return ofType(owner, EventTypes.RECOMMENDATION_WITHDRAWN).stream()
                .filter(r -> contactId.equals(json(r.value()).path("contactId").asText())).findFirst().orElse(null);
    }

    @Test
    void aTieChangeRecomputesTheOwnerAndPublishesIssuedThenWithdrawn() {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendTie(tie(owner, "c-weak", "Wendy Weak", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        String recommendationId = Identifiers.stableId(owner, "job", "c-weak");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(contactIds(recommendations(owner, "job"))).containsExactly("c-weak");
            List<RecommendationEvents.Received> issued = ofType(owner, EventTypes.RECOMMENDATION_ISSUED);
            assertThat(issued).hasSize(1);
            assertThat(issued.get(0).id()).isEqualTo(Identifiers.stableId(recommendationId, EventTypes.RECOMMENDATION_ISSUED, "1"));
            JsonNode recommendation = json(issued.get(0).value()).path("recommendation");
            assertThat(recommendation.path("recommendationId").asText()).isEqualTo(recommendationId);
            assertThat(recommendation.path("contactId").asText()).isEqualTo("c-weak");
            assertThat(recommendation.path("requestKind").asText()).isEqualTo("COMMITTING");
        });
        JsonPath first = recommendations(owner, "job");

        // The same tie again: the recommendation holds, keeps its id and issuance time, and nothing new is published.
        events.sendTie(tie(owner, "c-other", "Otto Other", TieClass.WEAK, 0.2, Origin.EVENT, "Fintech", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(contactIds(recommendations(owner, "job"))).contains("c-other"));
        assertThat(itemFor(recommendations(owner, "job"), "c-weak").get("issuedAt")).isEqualTo(itemFor(first, "c-weak").get("issuedAt"));
        assertThat(recommendations(owner, "job").getString("generatedAt")).isNotEqualTo(first.getString("generatedAt"));

        events.sendTombstone(owner, "c-weak");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(contactIds(recommendations(owner, "job"))).containsExactly("c-other");
            RecommendationEvents.Received withdrawn = withdrawalOf(owner, "c-weak");
            assertThat(withdrawn).isNotNull();
            assertThat(withdrawn.id()).isEqualTo(Identifiers.stableId(recommendationId, EventTypes.RECOMMENDATION_WITHDRAWN, "1"));
            assertThat(json(withdrawn.value()).path("reason").asText()).isEqualTo("TIE_ERASED");
            assertThat(json(withdrawn.value()).path("objectiveId").asText()).isEqualTo("job");
        });
        assertThat(ofType(owner, EventTypes.RECOMMENDATION_ISSUED)).hasSize(2);
    }

    @Test
    void aBurstOfTieChangesIsCoalescedIntoAFewRecomputes() throws InterruptedException {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        double before = recomputes();
        // 40 changes spread over about a second and a half, against a 300 ms debounce window in tests (the pause paces the
        // burst; it waits for nothing).
        for (int i = 0; i < 40; i++) {
            events.sendTie(tie(owner, "c-" + (i % 8), "Contact " + (i % 8), TieClass.WEAK, 0.30 + i / 1000.0, Origin.EVENT, "Fintech",
                    Instant.now()));
            Thread.sleep(40);
        }
        // Every change projected and recomputed: each item carries the strength of its contact's last change (c-k: change
        // 32 + k; JsonPath reads floats, hence the tolerance, still far below the 0.001 between changes). A recompute that
        // saw those committed after them, and they scheduled none after it (the projection marks the owner due in its own
        // transaction, which waits for a recompute in progress): none is left to come.
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<Map<String, Object>> items = recommendations(owner, "job").getList("items");
            assertThat(items).hasSize(8).allSatisfy(item -> assertThat(((Number) item.get("tieStrength")).doubleValue())
                    .isCloseTo(0.30 + (32 + Integer.parseInt(((String) item.get("contactId")).substring(2))) / 1000.0, within(1e-6)));
        });
        double recomputed = recomputes() - before;
        // A marker behind whatever the burst published: deleting the objective withdraws its recommendations, events that go
        // to the owner's partition after every issuance; once one is read, all the issuances have been.
        given().when().delete("/v1/owners/{ownerId}/objectives/{objectiveId}", owner, "job").then().statusCode(204);
        await().atMost(PATIENCE).until(() -> !ofType(owner, EventTypes.RECOMMENDATION_WITHDRAWN).isEmpty());

        assertThat(recomputed).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(12);
        // However many recomputes, each recommendation was issued once.
        assertThat(ofType(owner, EventTypes.RECOMMENDATION_ISSUED)).hasSize(8);
    }

    @Test
    void withdrawingTheOptInWithdrawsTheCommittingRequestAndIssuesALightOne() {
        String owner = newOwner();
        events.sendProfile(owner, profile("en", true));
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendTie(tie(owner, "c-family", "Claire Family", TieClass.WEAK, 0.40, Origin.FAMILY, "Fintech", Instant.now()));
        String recommendationId = Identifiers.stableId(owner, "job", "c-family");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(itemFor(recommendations(owner, "job"), "c-family")).containsEntry("requestKind", "COMMITTING"));

        events.sendProfile(owner, profile("en", false));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(itemFor(recommendations(owner, "job"), "c-family")).containsEntry("requestKind", "LIGHT")
                    .containsEntry("recommendationId", recommendationId);
            RecommendationEvents.Received withdrawn = withdrawalOf(owner, "c-family");
            assertThat(withdrawn).isNotNull();
            assertThat(json(withdrawn.value()).path("reason").asText()).isEqualTo("GUARDRAIL_APPLIES");
            List<RecommendationEvents.Received> issued = ofType(owner, EventTypes.RECOMMENDATION_ISSUED);
            assertThat(issued).extracting(RecommendationEvents.Received::id).containsExactly(
                    Identifiers.stableId(recommendationId, EventTypes.RECOMMENDATION_ISSUED, "1"),
                    Identifiers.stableId(recommendationId, EventTypes.RECOMMENDATION_ISSUED, "2"));
            assertThat(json(issued.get(1).value()).path("recommendation").path("requestKind").asText()).isEqualTo("LIGHT");
        });
    }

    @Test
    void deletingTheObjectiveWithdrawsItsRecommendations() {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendTie(tie(owner, "c-1", "Camille", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ofType(owner, EventTypes.RECOMMENDATION_ISSUED)).hasSize(1));

        given().when().delete("/v1/owners/{ownerId}/objectives/{objectiveId}", owner, "job").then().statusCode(204);

        await().atMost(PATIENCE).untilAsserted(() -> {
            RecommendationEvents.Received withdrawn = withdrawalOf(owner, "c-1");
            assertThat(withdrawn).isNotNull();
            assertThat(json(withdrawn.value()).path("reason").asText()).isEqualTo("OBJECTIVE_DELETED");
        });
    }

    @Test
    void dismissedRecommendationCoolsDownAndCountsInTheEffectivenessSummary() {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendTie(tie(owner, "c-dismissed", "Dana", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        events.sendTie(tie(owner, "c-helpful", "Hana", TieClass.WEAK, 0.30, Origin.EVENT, "Fintech", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(contactIds(recommendations(owner, "job"))).containsExactlyInAnyOrder("c-dismissed", "c-helpful"));
        String dismissed = Identifiers.stableId(owner, "job", "c-dismissed");
        String helpful = Identifiers.stableId(owner, "job", "c-helpful");

        feedback(dismissed, "DISMISSED").then().statusCode(202).body("recommendationId", equalTo(dismissed));
        feedback(helpful, "CONTACTED").then().statusCode(202);
        feedback(helpful, "HELPED").then().statusCode(202);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(contactIds(recommendations(owner, "job"))).doesNotContain("c-dismissed");
            RecommendationEvents.Received withdrawn = withdrawalOf(owner, "c-dismissed");
            assertThat(withdrawn).isNotNull();
            assertThat(json(withdrawn.value()).path("reason").asText()).isEqualTo("COOL_DOWN");
        });
        JsonPath summary = given().when().get("/v1/owners/{ownerId}/effectiveness", owner)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(summary.getInt("overall.issued")).isEqualTo(2);
        assertThat(summary.getInt("overall.contacted")).isEqualTo(1);
        assertThat(summary.getInt("overall.helped")).isEqualTo(1);
        assertThat(summary.getInt("overall.dismissed")).isEqualTo(1);
        assertThat(summary.getDouble("overall.contactRate")).isEqualTo(0.5);
        Map<String, Object> jobWeak = summary.getMap("byObjectiveTypeAndTieClass[0]");
        assertThat(jobWeak).containsEntry("objectiveType", "JOB_SEARCH").containsEntry("tieClass", "WEAK");
    }

    @Test
    void feedbackIsValidatedAndNeedsAKnownRecommendation() {
        feedback(Identifiers.randomId(), "CONTACTED").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"outcome\": \"LOVED_IT\"}")
                .when().post("/v1/recommendations/{id}/feedback", Identifiers.randomId())
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("outcome"));
        given().contentType(ContentType.JSON).body("{\"note\": \"no outcome\"}")
                .when().post("/v1/recommendations/{id}/feedback", Identifiers.randomId())
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("outcome"));
        given().contentType(ContentType.JSON)
                .when().post("/v1/recommendations/{id}/feedback", Identifiers.randomId())
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"outcome\": \"MET\"}")
                .when().post("/v1/recommendations/{id}/feedback", "not a valid id!")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void erasingTheOwnerWithdrawsEveryRecommendation() {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendTie(tie(owner, "c-1", "Camille", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ofType(owner, EventTypes.RECOMMENDATION_ISSUED)).hasSize(1));

        events.sendOwnerErased(owner);

        await().atMost(PATIENCE).untilAsserted(() -> {
            RecommendationEvents.Received withdrawn = withdrawalOf(owner, "c-1");
            assertThat(withdrawn).isNotNull();
            assertThat(json(withdrawn.value()).path("reason").asText()).isEqualTo("OWNER_ERASED");
        });
        JsonPath summary = given().when().get("/v1/owners/{ownerId}/effectiveness", owner).then().statusCode(200).extract().jsonPath();
        assertThat(summary.getInt("overall.issued")).isZero();
    }

    private static io.restassured.response.Response feedback(String recommendationId, String outcome) {
        return given().contentType(ContentType.JSON).body("{\"outcome\": \"" + outcome + "\", \"note\": \"test\"}")
                .when().post("/v1/recommendations/{id}/feedback", recommendationId);
    }

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    /** Recomputes so far: the count of the recompute timer, on the management port. */
    private double recomputes() {
        return MetricsScrape.of(metrics).sum("passerelle_recompute_seconds_count");
    }
}
