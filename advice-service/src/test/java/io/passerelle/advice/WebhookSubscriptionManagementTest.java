package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.JOB_SEARCH_IN_FINTECH;
import static io.passerelle.advice.AdviceTestSupport.PATIENCE;
import static io.passerelle.advice.AdviceTestSupport.jdbc;
import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.AdviceTestSupport.putObjective;
import static io.passerelle.advice.TestEvents.tie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.passerelle.advice.messaging.WebhookSecretSealing;
import io.passerelle.advice.webhook.WebhookSecret;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Managing webhook subscriptions on the real stack: secret rotation (two signatures during the
 * overlap, checked by the Standard Webhooks library), the owner filter, the test message,
 * re-enabling after a 410, secrets sealed at rest (and rows from before sealing), and destinations
 * refused on private addresses at creation and before each attempt. The receiver listens on
 * loopback, which the tests allow (advice.webhooks.allowed-destination-ranges).
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class WebhookSubscriptionManagementTest extends WebhookReceiverTestBase {
    @Inject
    WebhookSecretSealing sealing;

    private JsonPath subscribe(Map<String, Object> body) {
        JsonPath created = asOperator().contentType(ContentType.JSON).body(body)
                .when().post("/v1/webhook-subscriptions")
                .then().statusCode(201).extract().jsonPath();
        subscriptions.add(created.getString("id"));
        return created;
    }

    /** A subscription to recommendation.issued for one owner only, so that other owners' events stay out. */
    private JsonPath subscribeFor(String path, String owner) {
        return subscribe(Map.of("url", receiver.url(path), "eventTypes", List.of("recommendation.issued"), "ownerIds", List.of(owner)));
    }

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

    private static List<WebhookReceiver.Request> received(String path, String owner) {
        return receiver.requests().stream().filter(r -> r.path().equals(path))
                .filter(r -> json(r.body()).path("data").path("ownerId").asText().equals(owner)).toList();
    }

    private static WebhookReceiver.Request firstReceived(String path, String owner) {
        await().atMost(PATIENCE).until(() -> !received(path, owner).isEmpty());
        return received(path, owner).get(0);
    }

    private static List<WebhookReceiver.Request> withId(String webhookId) {
        return receiver.requests().stream().filter(r -> webhookId.equals(r.header("webhook-id"))).toList();
    }

    private static Map<String, List<String>> headers(WebhookReceiver.Request request) {
        return Map.of("webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")));
    }

    private static JsonPath subscription(String id) {
        return asOperator().get("/v1/webhook-subscriptions/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath delivery(String subscriptionId, String webhookId) {
        return asOperator().get("/v1/webhook-subscriptions/{id}/deliveries/{webhookId}", subscriptionId, webhookId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void update(String sql, Object... values) throws SQLException {
        try (Connection connection = jdbc(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static Map<String, String> storedRow(String id) throws SQLException {
        try (Connection connection = jdbc(); PreparedStatement statement = connection.prepareStatement(
                "SELECT secret, secret_key_id, previous_secret, previous_secret_key_id FROM webhook_subscriptions WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                Map<String, String> row = new HashMap<>();
                for (String column : List.of("secret", "secret_key_id", "previous_secret", "previous_secret_key_id")) {
                    row.put(column, rows.getString(column));
                }
                return row;
            }
        }
    }

    @Test
    void duringTheOverlapDeliveriesCarryBothSignaturesAndAfterItOnlyTheNewOne() throws Exception {
        String owner = newOwner();
        JsonPath created = subscribeFor("/ok", owner);
        String id = created.getString("id");
        String oldSecret = created.getString("secret");

        JsonPath rotated = asOperator().post("/v1/webhook-subscriptions/{id}/rotate-secret", id)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        String newSecret = rotated.getString("secret");
        assertThat(newSecret).startsWith(WebhookSecret.PREFIX).isNotEqualTo(oldSecret);
        assertThat(Instant.parse(rotated.getString("previousSecretExpiresAt")))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(subscription(id).getString("secret")).isEqualTo(newSecret);
        assertThat(storedRow(id).get("previous_secret")).isNotNull().doesNotContain(oldSecret.substring(WebhookSecret.PREFIX.length()));

        recommendWeakTie(owner);
        WebhookReceiver.Request during = firstReceived("/ok", owner);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2).allSatisfy(signature -> assertThat(signature).startsWith("v1,"));
        // Receivers that still have the old secret, and those that have the new one, both accept it.
        new Webhook(newSecret).verify(during.body(), headers(during));
        new Webhook(oldSecret).verify(during.body(), headers(during));

        // The overlap ends (moved to the past rather than waited for): the next attempt is signed with the new secret alone.
        update("UPDATE webhook_subscriptions SET previous_secret_expires_at = now() - interval '1 second' WHERE id = ?", id);
        assertThat(subscription(id).getString("previousSecretExpiresAt")).isNull();
        String webhookId = during.header("webhook-id");
        asOperator().post("/v1/webhook-subscriptions/{id}/deliveries/{webhookId}/redeliver", id, webhookId).then().statusCode(202);
        await().atMost(PATIENCE).until(() -> withId(webhookId).size() == 2);
        WebhookReceiver.Request after = withId(webhookId).get(1);
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        new Webhook(newSecret).verify(after.body(), headers(after));
        assertThatThrownBy(() -> new Webhook(oldSecret).verify(after.body(), headers(after))).isInstanceOf(WebhookVerificationException.class);

        // The hourly sealing pass forgets the expired previous secret.
        sealing.sealAll().await().atMost(PATIENCE);
        assertThat(storedRow(id).get("previous_secret")).isNull();
        asOperator().post("/v1/webhook-subscriptions/{id}/rotate-secret", "no-such-subscription").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSubscriptionNamingOwnersReceivesOnlyTheirEvents() throws Exception {
        String mine = newOwner();
        String other = newOwner();
        JsonPath filtered = subscribeFor("/mine", mine);
        assertThat(filtered.getList("ownerIds", String.class)).containsExactly(mine);
        // Without ownerIds, every owner: the positive control that the other owner's event was enqueued at all.
        JsonPath everyone = subscribe(Map.of("url", receiver.url("/everyone"), "eventTypes", List.of("recommendation.issued")));
        assertThat(everyone.getList("ownerIds")).isNull();

        recommendWeakTie(other);
        recommendWeakTie(mine);
        firstReceived("/everyone", other);
        firstReceived("/mine", mine);

        // A delivery is enqueued in the transaction that issues the recommendation: none exists for the other owner.
        try (Connection connection = jdbc(); PreparedStatement statement = connection.prepareStatement(
                "SELECT owner_id FROM webhook_deliveries WHERE subscription_id = ?")) {
            statement.setString(1, filtered.getString("id"));
            List<String> owners = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    owners.add(rows.getString(1));
                }
            }
            assertThat(owners).isNotEmpty().containsOnly(mine);
        }
        assertThat(received("/mine", other)).isEmpty();

        asOperator().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/ok"), "eventTypes", List.of("recommendation.issued"), "ownerIds", List.of("o 1")))
                .when().post("/v1/webhook-subscriptions")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("ownerIds[0]"));
    }

    @Test
    void theTestMessageIsSignedSentAndItsOutcomeAnswered() throws Exception {
        String owner = newOwner();
        JsonPath created = subscribeFor("/ok", owner);
        String id = created.getString("id");

        JsonPath outcome = asOperator().post("/v1/webhook-subscriptions/{id}/test", id)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(outcome.getBoolean("delivered")).isTrue();
        assertThat(outcome.getInt("statusCode")).isEqualTo(204);
        assertThat(outcome.getString("error")).isNull();
        String webhookId = outcome.getString("webhookId");
        assertThat(webhookId).matches("msg_[0-9a-f]{32}");
        WebhookReceiver.Request request = withId(webhookId).get(0);
        JsonNode body = json(request.body());
        assertThat(body.path("type").asText()).isEqualTo("webhook.test");
        assertThat(body.path("data").path("subscriptionId").asText()).isEqualTo(id);
        new Webhook(created.getString("secret")).verify(request.body(), headers(request));
        // Not a delivery: nothing listed, nothing retried.
        assertThat(asOperator().get("/v1/webhook-subscriptions/{id}/deliveries", id).then().statusCode(200).extract().jsonPath()
                .getList("$")).isEmpty();

        // A receiver that refuses is reported, and a 410 to a test does not disable the subscription.
        String gone = subscribeFor("/gone", owner).getString("id");
        JsonPath refused = asOperator().post("/v1/webhook-subscriptions/{id}/test", gone).then().statusCode(200).extract().jsonPath();
        assertThat(refused.getBoolean("delivered")).isFalse();
        assertThat(refused.getInt("statusCode")).isEqualTo(410);
        assertThat(refused.getString("error")).contains("410");
        assertThat(subscription(gone).getBoolean("enabled")).isTrue();
        asOperator().post("/v1/webhook-subscriptions/{id}/test", "no-such-subscription").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSubscriptionDisabledByGoneIsEnabledAgainAndDeliversAgain() {
        String owner = newOwner();
        String id = subscribeFor("/gone-once", owner).getString("id");
        recommendWeakTie(owner);
        String webhookId = firstReceived("/gone-once", owner).header("webhook-id");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subscription(id).getBoolean("enabled")).isFalse());
        asOperator().post("/v1/webhook-subscriptions/{id}/deliveries/{webhookId}/redeliver", id, webhookId).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("/enable"));

        JsonPath enabled = asOperator().post("/v1/webhook-subscriptions/{id}/enable", id)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(enabled.getBoolean("enabled")).isTrue();
        assertThat(enabled.getString("disabledReason")).isNull();
        assertThat(enabled.getString("disabledAt")).isNull();
        assertThat(enabled.getString("secret")).isNull();
        // Enabling an enabled subscription changes nothing.
        asOperator().post("/v1/webhook-subscriptions/{id}/enable", id).then().statusCode(200).body("enabled", equalTo(true));

        asOperator().post("/v1/webhook-subscriptions/{id}/deliveries/{webhookId}/redeliver", id, webhookId).then().statusCode(202);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(delivery(id, webhookId).getString("status")).isEqualTo("SUCCEEDED"));
        assertThat(delivery(id, webhookId).getList("history.statusCode", Integer.class)).containsExactly(410, 204);
        assertThat(subscription(id).getBoolean("enabled")).isTrue();
        asOperator().post("/v1/webhook-subscriptions/{id}/enable", "no-such-subscription").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void privateAndSpecialPurposeDestinationsAreRefusedAtCreationNamingTheUrl() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hooks", "https://192.168.1.20/hooks",
                "http://172.16.5.4:8080/h", "http://0.0.0.0:8080/h", "http://[fd00::1]/h", "http://[fe80::1]/h",
                "http://[::ffff:10.0.0.1]/h", "http://100.64.0.1/h")) {
            asOperator().contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of("recommendation.issued")))
                    .when().post("/v1/webhook-subscriptions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("private or special-purpose"));
        }
        // Loopback is allowed in tests (advice.webhooks.allowed-destination-ranges=127.0.0.0/8,::1), by literal and by name.
        subscribe(Map.of("url", receiver.url("/ok"), "eventTypes", List.of("recommendation.issued"), "ownerIds", List.of("o-none")));
        subscribe(Map.of("url", receiver.url("/ok").replace("127.0.0.1", "localhost"), "eventTypes", List.of("recommendation.issued"),
                "ownerIds", List.of("o-none")));
    }

    @Test
    void aDestinationThatNowLeadsToAPrivateAddressIsNotCalled() throws Exception {
        String owner = newOwner();
        String id = subscribeFor("/ok", owner).getString("id");
        // What a DNS change after creation would do: the subscription now leads to a private address.
        update("UPDATE webhook_subscriptions SET url = 'http://10.0.0.1:9/hooks' WHERE id = ?", id);

        recommendWeakTie(owner);
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<Map<String, Object>> listed = asOperator().get("/v1/webhook-subscriptions/{id}/deliveries", id)
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(listed).isNotEmpty();
            assertThat((String) listed.get(0).get("lastError")).startsWith("not sent: the destination 10.0.0.1 is a private");
        });
        JsonPath outcome = asOperator().post("/v1/webhook-subscriptions/{id}/test", id).then().statusCode(200).extract().jsonPath();
        assertThat(outcome.getBoolean("delivered")).isFalse();
        assertThat(outcome.getString("error")).startsWith("not sent: the destination 10.0.0.1");
        assertThat((Object) outcome.get("statusCode")).isNull();
    }

    @Test
    void secretsAreSealedAtRestAndRowsFromBeforeAreReadThenSealed() throws Exception {
        String owner = newOwner();
        JsonPath created = subscribeFor("/ok", owner);
        String id = created.getString("id");
        String secret = created.getString("secret");
        Map<String, String> stored = storedRow(id);
        assertThat(stored.get("secret_key_id")).matches("k[0-9a-f]{16}");
        assertThat(stored.get("secret")).doesNotContain(secret.substring(WebhookSecret.PREFIX.length())).doesNotStartWith(WebhookSecret.PREFIX);

        // A row as V3 wrote it: the secret in clear, no key id.
        String legacySecret = WebhookSecret.generate(new SecureRandom());
        update("UPDATE webhook_subscriptions SET secret = ?, secret_key_id = NULL WHERE id = ?", legacySecret, id);
        assertThat(subscription(id).getString("secret")).isEqualTo(legacySecret);
        String webhookId = asOperator().post("/v1/webhook-subscriptions/{id}/test", id).then().statusCode(200)
                .body("delivered", equalTo(true)).extract().jsonPath().getString("webhookId");
        WebhookReceiver.Request request = withId(webhookId).get(0);
        new Webhook(legacySecret).verify(request.body(), headers(request));

        assertThat(sealing.sealAll().await().atMost(PATIENCE)).isGreaterThanOrEqualTo(1);
        Map<String, String> sealed = storedRow(id);
        assertThat(sealed.get("secret_key_id")).isEqualTo(stored.get("secret_key_id"));
        assertThat(sealed.get("secret")).isNotEqualTo(legacySecret).doesNotContain(legacySecret.substring(WebhookSecret.PREFIX.length()));
        assertThat(subscription(id).getString("secret")).isEqualTo(legacySecret);
    }
}
