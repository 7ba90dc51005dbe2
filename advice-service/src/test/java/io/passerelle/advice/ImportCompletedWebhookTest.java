package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.PATIENCE;
import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.DeadLetters.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ImportCompleted;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.metrics.MetricsScrape;
import io.passerelle.runtime.messaging.DeadLetterPublisher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code import.completed} webhooks end to end inside the service: ingestion-service's
 * {@code passerelle.import.completed} records produced to the real broker as ingestion-service produces
 * them, consumed by advice-service's own consumer group, delivered to a real HTTP receiver on loopback
 * and checked with the published Standard Webhooks library.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ImportCompletedWebhookTest extends WebhookReceiverTestBase {
    private static final String CONSUMER = "import-completions";
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";


    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private JsonPath subscribe(String path, List<String> eventTypes, List<String> ownerIds) {
        Map<String, Object> body = new HashMap<>(Map.of("url", receiver.url(path), "eventTypes", eventTypes));
        if (ownerIds != null) {
            body.put("ownerIds", ownerIds);
        }
        JsonPath created = asOperator().contentType(ContentType.JSON).body(body)
                .when().post("/v1/webhook-subscriptions")
                .then().statusCode(201).extract().jsonPath();
        subscriptions.add(created.getString("id"));
        return created;
    }

    private static ImportCompleted completion(String ownerId) {
        Instant finished = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new ImportCompleted(Identifiers.randomId(), ownerId, "linkedin-connections", 148, 2, 5, 40_960, finished.minusSeconds(7),
                finished);
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.read(body, JsonNode.class);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The import.completed requests the receiver got on that path about that import. */
    private static List<WebhookReceiver.Request> received(String path, String importId) {
        return receiver.requests().stream().filter(r -> r.path().equals(path))
                .filter(r -> json(r.body()).path("type").asText().equals("import.completed"))
                .filter(r -> json(r.body()).path("data").path("importId").asText().equals(importId)).toList();
    }

    /** The subscription's import.completed deliveries, as an operator lists them. */
    private static List<Map<String, Object>> importDeliveries(String subscriptionId) {
        List<Map<String, Object>> listed = asOperator().get("/v1/webhook-subscriptions/{id}/deliveries?limit=200", subscriptionId)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return listed.stream().filter(d -> "import.completed".equals(d.get("eventType"))).toList();
    }

    private double consumerCount(MetricsScrape scrape, String name, String... labels) {
        List<String> all = new ArrayList<>(List.of("consumer", CONSUMER, "topic", Topics.IMPORTS));
        all.addAll(List.of(labels));
        return scrape.sum(name, all.toArray(String[]::new));
    }

    @Test
    void aCompletedImportIsDeliveredSignedWithWhatTheEventSaysAndWhereToReadTheJob() throws Exception {
        JsonPath subscription = subscribe("/ok", List.of("import.completed"), null);
        String owner = newOwner();
        ImportCompleted completed = completion(owner);

        events.sendImportCompleted(completed, Identifiers.stableId("import-completed", completed.importId()),
                "00-" + TRACE_ID + "-b7ad6b7169203331-01");

        await().atMost(PATIENCE).until(() -> !received("/ok", completed.importId()).isEmpty());
        WebhookReceiver.Request request = received("/ok", completed.importId()).get(0);
        new Webhook(subscription.getString("secret")).verify(request.body(), Map.of(
                "webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature"))));
        assertThat(request.header("content-type")).startsWith("application/json");
        // The delivery joins the trace the record came in.
        assertThat(request.header("traceparent")).contains(TRACE_ID);
        JsonNode body = json(request.body());
        assertThat(body.path("type").asText()).isEqualTo("import.completed");
        assertThat(Instant.parse(body.path("timestamp").asText())).isEqualTo(completed.finishedAt());
        JsonNode expected = json("""
                {"importId": "%s", "ownerId": "%s", "format": "linkedin-connections", "state": "COMPLETED",
                 "accepted": 148, "rejectedCount": 2, "warningCount": 5, "bytesTotal": 40960,
                 "startedAt": "%s", "finishedAt": "%s", "location": "/v1/owners/%s/imports/%s"}"""
                .formatted(completed.importId(), owner, completed.startedAt(), completed.finishedAt(), owner, completed.importId()));
        assertThat(body.path("data")).isEqualTo(expected);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(importDeliveries(subscription.getString("id")))
                .filteredOn(d -> request.header("webhook-id").equals(d.get("webhookId"))).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "SUCCEEDED")));
    }

    @Test
    void theSameEventReadTwiceIsDeliveredOnce() {
        String id = subscribe("/ok", List.of("import.completed"), null).getString("id");
        String owner = newOwner();
        ImportCompleted completed = completion(owner);
        String eventId = Identifiers.stableId("import-completed", completed.importId());
        ImportCompleted later = completion(owner);
        MetricsScrape before = MetricsScrape.of(metrics);

        events.sendImportCompleted(completed, eventId, null);
        events.sendImportCompleted(completed, eventId, null);
        // Same key, same partition: once the later import is delivered, both copies of the first were consumed.
        events.sendImportCompleted(later, Identifiers.stableId("import-completed", later.importId()), null);

        await().atMost(PATIENCE).until(() -> !received("/ok", later.importId()).isEmpty());
        await().atMost(PATIENCE).until(() -> !received("/ok", completed.importId()).isEmpty());
        String webhookId = received("/ok", completed.importId()).get(0).header("webhook-id");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(importDeliveries(id))
                .filteredOn(d -> webhookId.equals(d.get("webhookId"))).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "SUCCEEDED").containsEntry("attempts", 1)));
        assertThat(received("/ok", completed.importId())).hasSize(1);
        assertThat(importDeliveries(id)).extracting(d -> d.get("webhookId")).doesNotHaveDuplicates();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(consumerCount(MetricsScrape.of(metrics),
                "passerelle_consumer_duplicates_total") - consumerCount(before, "passerelle_consumer_duplicates_total")).isEqualTo(1));
    }

    @Test
    void aSubscriptionForOtherOwnersOrOtherTypesGetsNothing() {
        String everyOwner = subscribe("/ok", List.of("import.completed"), null).getString("id");
        String otherOwner = subscribe("/ok", List.of("import.completed"), List.of(newOwner())).getString("id");
        String otherTypes = subscribe("/ok", List.of("recommendation.issued", "recommendation.withdrawn", "tie.class-changed"), null)
                .getString("id");
        String owner = newOwner();
        String thisOwner = subscribe("/ok", List.of("import.completed"), List.of(owner)).getString("id");
        ImportCompleted completed = completion(owner);

        events.sendImportCompleted(completed, Identifiers.stableId("import-completed", completed.importId()), null);

        // Every subscription's delivery is enqueued by one statement: once one exists, all there will be do.
        await().atMost(PATIENCE).until(() -> !importDeliveries(everyOwner).isEmpty());
        assertThat(importDeliveries(thisOwner)).hasSize(1);
        assertThat(importDeliveries(otherOwner)).isEmpty();
        assertThat(importDeliveries(otherTypes)).isEmpty();
        await().atMost(PATIENCE).until(() -> received("/ok", completed.importId()).size() == 2);
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheConsumerGoesOn() {
        subscribe("/ok", List.of("import.completed"), null);
        String owner = newOwner();
        ImportCompleted after = completion(owner);
        MetricsScrape before = MetricsScrape.of(metrics);

        events.sendRaw(Topics.IMPORTS, null, owner, "{this is not json", Identifiers.randomId(), EventTypes.IMPORT_COMPLETED);
        events.sendImportCompleted(after, Identifiers.stableId("import-completed", after.importId()), null);

        await().atMost(PATIENCE).until(() -> !received("/ok", after.importId()).isEmpty());
        ConsumerRecord<String, String> deadLetter = DeadLetters.withKey(Topics.deadLetterOf(Topics.IMPORTS), owner);
        assertThat(deadLetter.value()).isEqualTo("{this is not json");
        assertThat(header(deadLetter, DeadLetterPublisher.REASON)).startsWith("bad JSON for ImportCompleted");
        assertThat(header(deadLetter, DeadLetterPublisher.TOPIC)).isEqualTo(Topics.IMPORTS);
        assertThat(header(deadLetter, "ce_type")).isEqualTo(EventTypes.IMPORT_COMPLETED);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(consumerCount(MetricsScrape.of(metrics),
                "passerelle_consumer_dead_lettered_total", "cause", "unreadable")
                - consumerCount(before, "passerelle_consumer_dead_lettered_total", "cause", "unreadable")).isEqualTo(1));
    }

    @Test
    void anOwnerErasureDeletesTheirPendingImportDeliveries() {
        // The receiver answers 503 with Retry-After: 3600, so the delivery stays pending after its first attempt.
        String id = subscribe("/unavailable", List.of("import.completed"), null).getString("id");
        String owner = newOwner();
        ImportCompleted completed = completion(owner);
        events.sendImportCompleted(completed, Identifiers.stableId("import-completed", completed.importId()), null);
        await().atMost(PATIENCE).until(() -> !received("/unavailable", completed.importId()).isEmpty());
        String webhookId = received("/unavailable", completed.importId()).get(0).header("webhook-id");
        await().atMost(PATIENCE).untilAsserted(() -> asOperator().get("/v1/webhook-subscriptions/{id}/deliveries/{w}", id, webhookId)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("lastStatusCode", org.hamcrest.Matchers.equalTo(503)));

        events.sendOwnerErased(owner);

        await().atMost(PATIENCE).untilAsserted(() -> asOperator().get("/v1/webhook-subscriptions/{id}/deliveries/{w}", id, webhookId)
                .then().statusCode(404));
    }
}
