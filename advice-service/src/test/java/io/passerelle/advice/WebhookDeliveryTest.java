package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.JOB_SEARCH_IN_FINTECH;
import static io.passerelle.advice.AdviceTestSupport.PATIENCE;
import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.AdviceTestSupport.putObjective;
import static io.passerelle.advice.TestEvents.tie;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.passerelle.advice.messaging.WebhookDispatcher;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.events.TieUpdated;
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
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end inside the service: subscriptions over REST, recommendations driven by tie
 * records on the real broker, deliveries sent to a real HTTP receiver on loopback, signatures
 * checked by the published Standard Webhooks library. Retries wait one second in tests.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class WebhookDeliveryTest extends WebhookReceiverTestBase {
    @Inject
    WebhookDispatcher dispatcher;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private JsonPath subscribe(String path, String... eventTypes) {
        JsonPath created = asOperator().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "eventTypes", List.of(eventTypes)))
                .when().post("/v1/webhook-subscriptions")
                .then().statusCode(201).extract().jsonPath();
        subscriptions.add(created.getString("id"));
        return created;
    }

    /** An objective and a weak tie in its target sector: the owner is issued a recommendation for c-weak. */
    private static void recommendWeakTie(String owner) {
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendTie(tie(owner, "c-weak", "Wendy Weak", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.read(body, JsonNode.class);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static List<WebhookReceiver.Request> received(String path, String owner, String type) {
        return receiver.requests().stream().filter(r -> r.path().equals(path))
                .filter(r -> json(r.body()).path("type").asText().equals(type))
                .filter(r -> json(r.body()).path("data").path("ownerId").asText().equals(owner)).toList();
    }

    private static String firstWebhookId(String path, String owner, String type) {
        await().atMost(PATIENCE).until(() -> !received(path, owner, type).isEmpty());
        return received(path, owner, type).get(0).header("webhook-id");
    }

    private static List<WebhookReceiver.Request> withId(String webhookId) {
        return receiver.requests().stream().filter(r -> webhookId.equals(r.header("webhook-id"))).toList();
    }

    private static JsonPath delivery(String subscriptionId, String webhookId) {
        return asOperator().get("/v1/webhook-subscriptions/{id}/deliveries/{webhookId}", subscriptionId, webhookId)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void subscriptionsAreCreatedReadListedAndDeleted() {
        var created = asOperator().contentType(ContentType.JSON)
                .body(Map.of("url", "https://platform.example/hooks", "eventTypes", List.of("recommendation.issued", "tie.class-changed")))
                .when().post("/v1/webhook-subscriptions")
                .then().statusCode(201).contentType(ContentType.JSON).extract();
        String id = created.jsonPath().getString("id");
        subscriptions.add(id);
        assertThat(created.header("Location")).endsWith("/v1/webhook-subscriptions/" + id);
        String secret = created.jsonPath().getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(created.jsonPath().getList("eventTypes", String.class)).containsExactly("recommendation.issued", "tie.class-changed");
        assertThat(created.jsonPath().getBoolean("enabled")).isTrue();

        asOperator().get("/v1/webhook-subscriptions/{id}", id).then().statusCode(200)
                .body("url", equalTo("https://platform.example/hooks")).body("secret", equalTo(secret)).body("enabled", equalTo(true));
        List<Map<String, Object>> listed = asOperator().get("/v1/webhook-subscriptions").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(listed).filteredOn(s -> id.equals(s.get("id"))).singleElement()
                .satisfies(s -> assertThat(s).doesNotContainKey("secret").containsEntry("enabled", true));
        asOperator().get("/v1/webhook-subscriptions/{id}/deliveries", id).then().statusCode(200).body("size()", equalTo(0));

        String given = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef01234567".getBytes());
        String mine = asOperator().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:1/h", "eventTypes", List.of("recommendation.withdrawn"), "secret", given))
                .when().post("/v1/webhook-subscriptions")
                .then().statusCode(201).body("secret", equalTo(given)).extract().jsonPath().getString("id");
        subscriptions.add(mine);

        asOperator().delete("/v1/webhook-subscriptions/{id}", id).then().statusCode(204);
        asOperator().get("/v1/webhook-subscriptions/{id}", id).then().statusCode(404).contentType("application/problem+json");
        asOperator().delete("/v1/webhook-subscriptions/{id}", id).then().statusCode(404);
        asOperator().get("/v1/webhook-subscriptions/{id}/deliveries", id).then().statusCode(404);
        asOperator().post("/v1/webhook-subscriptions/{id}/deliveries/{w}/redeliver", mine, "msg_unknown").then().statusCode(404);
    }

    @Test
    void invalidSubscriptionsAreRefusedNamingTheField() {
        Map<String, Object> unknownType = Map.of("url", "https://a.example/h", "eventTypes", List.of("recommendation.issued", "contact.upserted"));
        Map<String, Object> relativeUrl = Map.of("url", "/hooks", "eventTypes", List.of("tie.class-changed"));
        Map<String, Object> badSecret = Map.of("url", "https://a.example/h", "eventTypes", List.of("tie.class-changed"), "secret", "whsec_%%%");
        Map<String, Object> noTypes = Map.of("url", "ftp://a.example/h", "eventTypes", List.of());
        Map<String, Object> notAnArray = Map.of("url", "https://a.example/h", "eventTypes", "tie.class-changed");
        for (var invalid : List.of(Map.entry(unknownType, "eventTypes[1]"), Map.entry(relativeUrl, "url"), Map.entry(badSecret, "secret"),
                Map.entry(noTypes, "url"), Map.entry(noTypes, "eventTypes"), Map.entry(notAnArray, "eventTypes"))) {
            List<String> fields = asOperator().contentType(ContentType.JSON).body(invalid.getKey())
                    .when().post("/v1/webhook-subscriptions")
                    .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                    .extract().jsonPath().getList("errors.field", String.class);
            assertThat(fields).as("%s", invalid.getKey()).contains(invalid.getValue());
        }
        asOperator().contentType(ContentType.JSON).when().post("/v1/webhook-subscriptions").then().statusCode(400);
        String id = subscribe("/ok", "tie.class-changed").getString("id");
        asOperator().get("/v1/webhook-subscriptions/{id}/deliveries?limit=0", id).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        asOperator().get("/v1/webhook-subscriptions/{id}/deliveries?status=LOST", id).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventOnceWithTheSameWebhookIdOnEveryAttempt() throws Exception {
        JsonPath subscription = subscribe("/flaky", "recommendation.issued");
        String id = subscription.getString("id");
        String owner = newOwner();
        MetricsScrape before = MetricsScrape.of(metrics);
        recommendWeakTie(owner);

        String webhookId = firstWebhookId("/flaky", owner, "recommendation.issued");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(delivery(id, webhookId).getString("status")).isEqualTo("SUCCEEDED"));
        // Counted before the attempt's outcome is recorded; other deliveries of this class may be attempted meanwhile, hence at least.
        MetricsScrape after = MetricsScrape.of(metrics);
        assertThat(after.sum("passerelle_webhook_deliveries_total", "outcome", "pending")
                - before.sum("passerelle_webhook_deliveries_total", "outcome", "pending")).isGreaterThanOrEqualTo(2);
        assertThat(after.sum("passerelle_webhook_deliveries_total", "outcome", "succeeded")
                - before.sum("passerelle_webhook_deliveries_total", "outcome", "succeeded")).isGreaterThanOrEqualTo(1);

        List<WebhookReceiver.Request> attempts = withId(webhookId);
        assertThat(attempts).extracting(WebhookReceiver.Request::answeredWith).containsExactly(500, 500, 200);
        Webhook verifier = new Webhook(subscription.getString("secret"));
        for (WebhookReceiver.Request attempt : attempts) {
            verifier.verify(attempt.body(), Map.of("webhook-id", List.of(attempt.header("webhook-id")),
                    "webhook-timestamp", List.of(attempt.header("webhook-timestamp")),
                    "webhook-signature", List.of(attempt.header("webhook-signature"))));
            assertThat(attempt.header("content-type")).startsWith("application/json");
            assertThat(attempt.body()).isEqualTo(attempts.get(0).body());
            assertThat(Long.parseLong(attempt.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(120L));
        }
        JsonNode body = json(attempts.get(0).body());
        assertThat(body.path("type").asText()).isEqualTo("recommendation.issued");
        assertThat(Instant.parse(body.path("timestamp").asText())).isBefore(Instant.now());
        assertThat(body.path("data").path("recommendationId").asText()).isEqualTo(Identifiers.stableId(owner, "job", "c-weak"));
        assertThat(body.path("data").path("contactId").asText()).isEqualTo("c-weak");

        JsonPath delivered = delivery(id, webhookId);
        assertThat(delivered.getInt("attempts")).isEqualTo(3);
        assertThat(delivered.getInt("lastStatusCode")).isEqualTo(200);
        assertThat(delivered.getString("nextAttemptAt")).isNull();
        assertThat(delivered.getString("deliveredAt")).isNotNull();
        assertThat(delivered.getList("history.statusCode", Integer.class)).containsExactly(500, 500, 200);
        List<Map<String, Object>> listed = asOperator().get("/v1/webhook-subscriptions/{id}/deliveries", id)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(listed).filteredOn(d -> webhookId.equals(d.get("webhookId"))).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("eventType", "recommendation.issued").containsEntry("attempts", 3).containsEntry("status", "SUCCEEDED")
                .containsEntry("lastStatusCode", 200).containsEntry("nextAttemptAt", null));

        // An operator sends it again: same webhook id, one more attempt.
        asOperator().post("/v1/webhook-subscriptions/{id}/deliveries/{webhookId}/redeliver", id, webhookId).then().statusCode(202);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(delivery(id, webhookId).getInt("attempts")).isEqualTo(4));
        assertThat(withId(webhookId)).hasSize(4);
        assertThat(delivery(id, webhookId).getString("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void goneDisablesTheSubscription() {
        String id = subscribe("/gone", "recommendation.issued").getString("id");
        String owner = newOwner();
        recommendWeakTie(owner);

        String webhookId = firstWebhookId("/gone", owner, "recommendation.issued");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath subscription = asOperator().get("/v1/webhook-subscriptions/{id}", id).then().statusCode(200).extract().jsonPath();
            assertThat(subscription.getBoolean("enabled")).isFalse();
            assertThat(subscription.getString("disabledReason")).contains("410");
            assertThat(subscription.getString("disabledAt")).isNotNull();
        });
        JsonPath delivery = delivery(id, webhookId);
        assertThat(delivery.getString("status")).isEqualTo("FAILED");
        assertThat(delivery.getInt("lastStatusCode")).isEqualTo(410);
        assertThat(delivery.getInt("attempts")).isEqualTo(1);
        assertThat(withId(webhookId)).hasSize(1);
        asOperator().post("/v1/webhook-subscriptions/{id}/deliveries/{webhookId}/redeliver", id, webhookId)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aRedirectIsAFailureAndTheLastAttemptFailsTheDelivery() {
        String id = subscribe("/redirect", "recommendation.issued").getString("id");
        String owner = newOwner();
        recommendWeakTie(owner);

        String webhookId = firstWebhookId("/redirect", owner, "recommendation.issued");
        // Four attempts in tests (three waits of one second), all answered 302.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(delivery(id, webhookId).getString("status")).isEqualTo("FAILED"));
        JsonPath delivery = delivery(id, webhookId);
        assertThat(delivery.getInt("attempts")).isEqualTo(4);
        assertThat(delivery.getInt("lastStatusCode")).isEqualTo(302);
        assertThat(delivery.getString("lastError")).contains("redirects are not followed");
        assertThat(delivery.getString("nextAttemptAt")).isNull();
        assertThat(delivery.getList("history.statusCode", Integer.class)).containsExactly(302, 302, 302, 302);
        assertThat(withId(webhookId)).extracting(WebhookReceiver.Request::path).containsOnly("/redirect").hasSize(4);
    }

    @Test
    void retryAfterIsHonouredAndATombstoneErasesTheContactsDeliveries() {
        String id = subscribe("/unavailable", "recommendation.issued").getString("id");
        String owner = newOwner();
        recommendWeakTie(owner);

        String webhookId = firstWebhookId("/unavailable", owner, "recommendation.issued");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(delivery(id, webhookId).getInt("attempts")).isEqualTo(1));
        JsonPath delivery = delivery(id, webhookId);
        assertThat(delivery.getString("status")).isEqualTo("PENDING");
        assertThat(delivery.getInt("lastStatusCode")).isEqualTo(503);
        // The schedule says one second; the receiver asked for an hour.
        assertThat(Instant.parse(delivery.getString("nextAttemptAt"))).isAfter(Instant.now().plus(Duration.ofMinutes(50)));

        events.sendTombstone(owner, "c-weak");
        await().atMost(PATIENCE).untilAsserted(() -> asOperator().get("/v1/webhook-subscriptions/{id}/deliveries/{w}", id, webhookId)
                .then().statusCode(404));
    }

    @Test
    void anOwnerErasureDeletesTheirDeliveriesAndAnnouncesTheWithdrawals() {
        String id = subscribe("/unavailable", "recommendation.issued", "recommendation.withdrawn").getString("id");
        String owner = newOwner();
        recommendWeakTie(owner);
        String issued = firstWebhookId("/unavailable", owner, "recommendation.issued");

        events.sendOwnerErased(owner);

        String withdrawn = firstWebhookId("/unavailable", owner, "recommendation.withdrawn");
        asOperator().get("/v1/webhook-subscriptions/{id}/deliveries/{w}", id, issued).then().statusCode(404);
        JsonNode data = json(received("/unavailable", owner, "recommendation.withdrawn").get(0).body()).path("data");
        assertThat(data.path("reason").asText()).isEqualTo("OWNER_ERASED");
        assertThat(data.path("contactId").asText()).isEqualTo("c-weak");
        asOperator().get("/v1/webhook-subscriptions/{id}/deliveries/{w}", id, withdrawn).then().statusCode(200)
                .body("eventType", equalTo("recommendation.withdrawn"));
    }

    @Test
    void aTieClassChangeIsDeliveredWithoutTheContactsDetails() {
        String id = subscribe("/ok", "tie.class-changed").getString("id");
        String owner = newOwner();
        TieUpdated weak = tie(owner, "c-1", "Carla Class", TieClass.STRONG, 0.8, Origin.COLLEAGUE, "Banking", Instant.now());
        events.sendTie(new TieUpdated(owner, weak.tie(), TieClass.WEAK, weak.contact()));

        String webhookId = firstWebhookId("/ok", owner, "tie.class-changed");
        WebhookReceiver.Request request = withId(webhookId).get(0);
        JsonNode data = json(request.body()).path("data");
        assertThat(data.path("contactId").asText()).isEqualTo("c-1");
        assertThat(data.path("previousTieClass").asText()).isEqualTo("WEAK");
        assertThat(data.path("tieClass").asText()).isEqualTo("STRONG");
        assertThat(request.body()).doesNotContain("Carla");
        await().atMost(PATIENCE).untilAsserted(() -> asOperator().get("/v1/webhook-subscriptions/{id}/deliveries/{w}", id, webhookId)
                .then().statusCode(200).body("status", equalTo("SUCCEEDED")).body("lastStatusCode", equalTo(204))
                .body("webhookId", startsWith("msg_")));
    }

    @Test
    void concurrentSendersNeverSendTheSameAttemptTwice() throws Exception {
        subscribe("/ok", "tie.class-changed");
        String owner = newOwner();
        int changes = 30;
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            // Four more senders poll without pause beside the scheduled one, as other instances would.
            for (int i = 0; i < 4; i++) {
                senders.submit(() -> {
                    while (running.get()) {
                        if (dispatcher.dispatch().await().atMost(Duration.ofSeconds(30)) == 0) {
                            // Nothing was due: a short pause between claims, so that four threads racing for rows do not
                            // spin on the database while nothing is there (the race is between claims, not within one).
                            Thread.sleep(5);
                        }
                    }
                    return null;
                });
            }
            for (int i = 0; i < changes; i++) {
                TieUpdated update = tie(owner, "c-" + i, "Contact " + i, TieClass.DORMANT, 0.1, Origin.EVENT, "Retail", Instant.now());
                events.sendTie(new TieUpdated(owner, update.tie(), TieClass.WEAK, update.contact()));
            }
            await().atMost(PATIENCE).until(() -> received("/ok", owner, "tie.class-changed").stream()
                    .map(r -> r.header("webhook-id")).distinct().count() == changes);
        } finally {
            running.set(false);
            senders.shutdown();
            assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(received("/ok", owner, "tie.class-changed")).hasSize(changes);
    }
}
