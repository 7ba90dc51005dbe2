package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.JOB_SEARCH_IN_FINTECH;
import static io.passerelle.advice.AdviceTestSupport.PATIENCE;
import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.AdviceTestSupport.putObjective;
import static io.passerelle.advice.TestEvents.tie;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trace of a tie change reaches what it causes later, through the database: the recommendation
 * record the outbox relay publishes and the webhook request the sender makes (a W3C
 * {@code traceparent} header the receiver can join).
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TraceContextTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private static TestEvents events;
    private static WebhookReceiver receiver;
    private static RecommendationEvents recommendations;
    private String subscription;

    @BeforeAll
    static void start() {
        events = new TestEvents();
        receiver = new WebhookReceiver();
        recommendations = new RecommendationEvents();
    }

    // Per test: the HTTP port is known to RestAssured only around each test.
    @BeforeEach
    void subscribe() {
        subscription = given().auth().oauth2(LocalTokenIssuer.local().operator()).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/traced"), "eventTypes", List.of("recommendation.issued")))
                .post("/v1/webhook-subscriptions").then().statusCode(201).extract().jsonPath().getString("id");
    }

    @AfterEach
    void unsubscribe() {
        // Subscriptions receive every owner's events: none is left behind for the other test classes.
        given().auth().oauth2(LocalTokenIssuer.local().operator()).delete("/v1/webhook-subscriptions/{id}", subscription);
    }

    @AfterAll
    static void stop() {
        events.close();
        receiver.close();
        recommendations.close();
    }

    @Test
    void theRecommendationRecordAndTheWebhookCarryTheTraceOfTheTieChangeThatCausedThem() {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendTracedTie(tie(owner, "c-traced", "Tracy Weak", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()), TRACEPARENT);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(recommendations.forOwner(owner))
                .filteredOn(r -> EventTypes.RECOMMENDATION_ISSUED.equals(r.type()))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(traceIdOf(r.traceparent())).isEqualTo(TRACE_ID)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.requests())
                .filteredOn(r -> r.path().equals("/traced") && r.body().contains(owner))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(traceIdOf(r.header("traceparent"))).isEqualTo(TRACE_ID)));
    }

    @Test
    void aTieChangeWithoutTraceGivesAWebhookWithoutTraceparent() {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendTie(tie(owner, "c-untraced", "Una Weak", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));

        await().atMost(PATIENCE).until(() -> receiver.requests().stream()
                .anyMatch(r -> r.path().equals("/traced") && r.body().contains(owner)));
        assertThat(receiver.requests()).filteredOn(r -> r.path().equals("/traced") && r.body().contains(owner))
                .allSatisfy(r -> assertThat(r.header("traceparent")).isNull());
    }

    // traceparent = version "-" trace-id "-" parent-id "-" flags
    private static String traceIdOf(String traceparent) {
        return traceparent == null ? null : traceparent.split("-")[1];
    }
}
