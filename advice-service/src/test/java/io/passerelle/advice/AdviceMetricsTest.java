package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.PATIENCE;
import static io.passerelle.advice.AdviceTestSupport.contactIds;
import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.AdviceTestSupport.putObjective;
import static io.passerelle.advice.AdviceTestSupport.recommendations;
import static io.passerelle.advice.TestEvents.tie;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.metrics.MetricsScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The management port's metrics move by what a flow did: the consumer's counts for a record applied,
 * the same record delivered again and a poison record; recommendations issued and withdrawn under
 * their objective type, with the recompute that issued them; and the outbox backlog drained.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AdviceMetricsTest extends BrokerClientsTestBase {
    private static final String CONSUMER = "advice-inputs";
    /** An objective type the other flow tests hardly use, so that its counts move by this test's recommendations alone. */
    private static final String INFORMATION_IN_FINTECH = """
            {"type": "INFORMATION", "targets": {"sectors": ["Fintech"]}, "language": "en"}""";

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void theConsumerCountsAnEventAppliedItsRedeliveryAndAPoisonRecord() {
        String owner = newOwner();
        MetricsScrape before = MetricsScrape.of(metrics);
        int partition = 2; // one partition, so the two deliveries and the poison keep their order (the local stack has 3)
        String eventId = Identifiers.randomId();
        events.sendRaw(Topics.TIES, partition, Topics.tieKey(owner, "c-poison"), "{this is not json", Identifiers.randomId(),
                "passerelle.tie.updated");
        var update = tie(owner, "c-1", "Camille", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now());
        events.sendTie(update, eventId, partition);
        events.sendTie(update, eventId, partition);

        await().atMost(PATIENCE).untilAsserted(() -> {
            MetricsScrape after = MetricsScrape.of(metrics);
            assertThat(delta(before, after, "passerelle_consumer_duplicates_total", "consumer", CONSUMER, "topic", Topics.TIES))
                    .isEqualTo(1);
            assertThat(delta(before, after, "passerelle_consumer_dead_lettered_total", "consumer", CONSUMER, "topic", Topics.TIES,
                    "cause", "unreadable")).isEqualTo(1);
        });
        MetricsScrape after = MetricsScrape.of(metrics);
        assertThat(delta(before, after, "passerelle_consumer_events_applied_total", "consumer", CONSUMER, "topic", Topics.TIES))
                .isEqualTo(1);
        assertThat(delta(before, after, "passerelle_consumer_event_age_seconds_count", "consumer", CONSUMER, "topic", Topics.TIES))
                .as("each of the three records carries a CloudEvents time").isEqualTo(3);
        assertThat(delta(before, after, "passerelle_consumer_batch_duration_seconds_count", "consumer", CONSUMER)).isPositive();
        assertThat(delta(before, after, "passerelle_consumer_retries_total", "consumer", CONSUMER)).isZero();
    }

    @Test
    void recommendationsAreCountedIssuedAndWithdrawnUnderTheirObjectiveType() {
        String owner = newOwner();
        MetricsScrape before = MetricsScrape.of(metrics);
        putObjective(owner, "learn", INFORMATION_IN_FINTECH);
        events.sendTie(tie(owner, "c-1", "Camille", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        events.sendTie(tie(owner, "c-2", "Dominique", TieClass.WEAK, 0.30, Origin.EVENT, "Fintech", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(contactIds(recommendations(owner, "learn"))).contains("c-1", "c-2"));
        int recommended = contactIds(recommendations(owner, "learn")).size();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(delta(before, MetricsScrape.of(metrics),
                "passerelle_recommendations_issued_total", "objective_type", "information")).isEqualTo(recommended));
        assertThat(delta(before, MetricsScrape.of(metrics), "passerelle_recompute_seconds_count")).isPositive();

        given().when().delete("/v1/owners/{ownerId}/objectives/{objectiveId}", owner, "learn").then().statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(delta(before, MetricsScrape.of(metrics),
                "passerelle_recommendations_withdrawn_total", "objective_type", "information")).isEqualTo(recommended));
        // The relay publishes the issued and withdrawn events; the gauge, refreshed every second in tests, sees the outbox drained.
        await().atMost(PATIENCE).untilAsserted(() -> {
            MetricsScrape now = MetricsScrape.of(metrics);
            assertThat(now.sum("passerelle_outbox_backlog")).isZero();
            assertThat(now.sum("passerelle_outbox_oldest_age_seconds")).isZero();
        });
        MetricsScrape after = MetricsScrape.of(metrics);
        assertThat(after.has("passerelle_webhook_backlog")).isTrue();
        assertThat(after.has("passerelle_webhook_oldest_due_age_seconds")).isTrue();
    }

    @Test
    void metricsAreServedOnTheManagementPortOnly() {
        given().auth().none().get(metrics).then().statusCode(200);
        assertThat(metrics.getPort()).isNotEqualTo(RestAssured.port);
        given().auth().none().get("/q/metrics").then().statusCode(404);
        given().auth().none().get("/q/health/live").then().statusCode(200);
    }

    private static double delta(MetricsScrape before, MetricsScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
