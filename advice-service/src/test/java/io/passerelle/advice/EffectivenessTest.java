package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.JOB_SEARCH_IN_FINTECH;
import static io.passerelle.advice.AdviceTestSupport.PATIENCE;
import static io.passerelle.advice.AdviceTestSupport.jdbc;
import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.AdviceTestSupport.putObjective;
import static io.passerelle.advice.AdviceTestSupport.recommendations;
import static io.passerelle.advice.TestEvents.tie;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Effectiveness counts a recommendation once it was shown: returned by the API or delivered by webhook. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class EffectivenessTest {
    private static TestEvents events;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void aRecommendationCountsAsShownOnceTheApiReturnedItAndOutcomesAreReportedPerObjectiveAndTieClass() {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        putObjective(owner, "unseen", JOB_SEARCH_IN_FINTECH);
        events.sendTie(tie(owner, "c-weak", "Wendy Weak", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        await().atMost(PATIENCE).until(() -> activeRecommendations(owner) == 2);

        JsonPath issuedOnly = effectiveness(owner);
        assertThat(issuedOnly.getInt("overall.issued")).isEqualTo(2);
        assertThat(issuedOnly.getInt("overall.shown")).isZero();

        assertThat(AdviceTestSupport.contactIds(recommendations(owner, "job"))).containsExactly("c-weak");
        // An outcome reported on a recommendation nobody was shown (read from the stream, say) does not count.
        feedback(Identifiers.stableId(owner, "unseen", "c-weak"), "CONTACTED");
        feedback(Identifiers.stableId(owner, "job", "c-weak"), "REPLIED");

        JsonPath summary = effectiveness(owner);
        assertThat(summary.getInt("overall.issued")).isEqualTo(2);
        assertThat(summary.getInt("overall.shown")).isEqualTo(1);
        assertThat(summary.getInt("overall.contacted")).isEqualTo(1);
        assertThat(summary.getInt("overall.replied")).isEqualTo(1);
        assertThat(summary.getDouble("overall.contactRate")).isEqualTo(1.0);
        assertThat(summary.getList("byObjective", Map.class)).extracting(g -> g.get("objectiveId") + ":" + counts(g))
                .containsExactly("job:1/1/1", "unseen:1/0/0");
        assertThat(summary.getList("byTieClass", Map.class)).extracting(g -> g.get("tieClass") + ":" + counts(g))
                .containsExactly("WEAK:2/1/1");
        assertThat(summary.getList("byObjectiveAndTieClass", Map.class)).extracting(g -> g.get("objectiveId") + "/" + g.get("tieClass"))
                .containsExactly("job/WEAK", "unseen/WEAK");
    }

    @Test
    void aRecommendationDeliveredByWebhookCountsAsShownWithoutTheApi() {
        String owner = newOwner();
        String operator = LocalTokenIssuer.local().operator();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String subscription = given().auth().oauth2(operator).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/ok"), "eventTypes", List.of("recommendation.issued")))
                    .post("/v1/webhook-subscriptions").then().statusCode(201).extract().path("id");
            try {
                putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
                events.sendTie(tie(owner, "c-weak", "Wendy Weak", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));

                await().atMost(PATIENCE).untilAsserted(() -> assertThat(effectiveness(owner).getInt("overall.shown")).isEqualTo(1));
                assertThat(effectiveness(owner).getInt("overall.issued")).isEqualTo(1);
            } finally {
                // Subscriptions receive every owner's events: none is left behind for the other tests.
                given().auth().oauth2(operator).delete("/v1/webhook-subscriptions/{id}", subscription);
            }
        }
    }

    private static String counts(Map<?, ?> group) {
        Map<?, ?> counts = (Map<?, ?>) group.get("counts");
        return counts.get("issued") + "/" + counts.get("shown") + "/" + counts.get("contacted");
    }

    private static JsonPath effectiveness(String owner) {
        return given().get("/v1/owners/{ownerId}/effectiveness", owner).then().statusCode(200).extract().jsonPath();
    }

    private static void feedback(String recommendationId, String outcome) {
        given().contentType(ContentType.JSON).body(Map.of("outcome", outcome))
                .post("/v1/recommendations/{id}/feedback", recommendationId).then().statusCode(202);
    }

    private static int activeRecommendations(String owner) throws Exception {
        try (Connection connection = jdbc();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM recommendations WHERE owner_id = ? AND status = 'ACTIVE'")) {
            query.setString(1, owner);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
