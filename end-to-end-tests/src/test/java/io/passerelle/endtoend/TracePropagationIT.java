package io.passerelle.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.localstack.ServiceProcess;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One event followed from the HTTP request to the webhook by its W3C trace id: an interaction posted
 * with a {@code traceparent} header is on {@code passerelle.interactions.v1} under that trace, so is
 * the tie update graph-service publishes for it, the recommendation advice-service issues (through
 * its outbox), and the webhook request that announces it. Two owners are written at the same time
 * under two traces, so that graph-service's batches mix both: each tie and recommendation must carry
 * the trace of its own cause, not the batch's.
 */
class TracePropagationIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("trace-propagation");

    /** A webhook request as the receiver got it. */
    private record Received(String traceparent, String body) {
    }

    @Test
    void theTraceOfAnInteractionFollowsItToTheTieTheRecommendationAndTheWebhook() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/webhooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("traceparent"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            ServiceProcess graph = system.service("graph-service");
            ServiceProcess advice = system.service("advice-service");
            ServiceProcess ingestion = system.service("ingestion-service");
            given().auth().oauth2(LocalTokenIssuer.local().operator()).baseUri(advice.baseUri().toString()).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks",
                            "eventTypes", List.of("recommendation.issued")))
                    .post("/v1/webhook-subscriptions").then().statusCode(201);

            Owner first = new Owner("traced-owner-1", newTraceId());
            Owner second = new Owner("traced-owner-2", newTraceId());
            for (Owner owner : List.of(first, second)) {
                given().baseUri(advice.baseUri().toString()).contentType(ContentType.JSON).body("""
                        {"type":"JOB_SEARCH","language":"en","targets":{"sectors":["Software"],"roles":["Talent acquisition lead"]}}""")
                        .put("/v1/owners/{owner}/objectives/{objective}", owner.id(), "next-job").then().statusCode(200);
            }
            // Interleaved, so that graph-service's batches hold records of both traces.
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (Owner owner : List.of(first, second)) {
                ingest(ingestion, owner).body("""
                        {"displayName":"Wendy Weak","company":"Shopify","role":"Talent acquisition lead","sector":"Software",
                         "origin":"EVENT","source":"LINKEDIN","location":{"city":"Montreal","country":"CA"}}""")
                        .put("/v1/owners/{owner}/contacts/{contact}", owner.id(), "wendy").then().statusCode(202);
            }
            for (Owner owner : List.of(first, second)) {
                owner.interactionEventId = ingest(ingestion, owner).body("{\"contactId\":\"wendy\",\"occurredAt\":\""
                                + now.minus(Duration.ofDays(40)) + "\",\"channel\":\"PUBLIC_COMMENT\",\"direction\":\"INBOUND\",\"source\":\"MANUAL\"}")
                        .post("/v1/owners/{owner}/interactions", owner.id()).then().statusCode(202).extract().jsonPath().getString("eventId");
            }

            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> recommendations = system.kafka().readAll(Topics.RECOMMENDATIONS);
                for (Owner owner : List.of(first, second)) {
                    assertThat(recommendations).filteredOn(r -> owner.id().equals(r.key()))
                            .filteredOn(r -> EventTypes.RECOMMENDATION_ISSUED.equals(KafkaFixtures.header(r, "ce_type")))
                            .as("recommendations issued for %s", owner.id()).isNotEmpty();
                }
                assertThat(received).hasSizeGreaterThanOrEqualTo(2);
            });

            List<ConsumerRecord<String, String>> interactions = system.kafka().readAll(Topics.INTERACTIONS);
            List<ConsumerRecord<String, String>> ties = system.kafka().readAll(Topics.TIES);
            List<ConsumerRecord<String, String>> recommendations = system.kafka().readAll(Topics.RECOMMENDATIONS);
            for (Owner owner : List.of(first, second)) {
                assertThat(interactions).filteredOn(r -> owner.interactionEventId.equals(KafkaFixtures.header(r, "ce_id")))
                        .as("the interaction record of %s", owner.id())
                        .singleElement().satisfies(r -> assertThat(traceIdOf(r)).isEqualTo(owner.traceId()));
                assertThat(ties).filteredOn(r -> Topics.tieKey(owner.id(), "wendy").equals(r.key()))
                        .as("the tie records of %s", owner.id())
                        .isNotEmpty().allSatisfy(r -> assertThat(traceIdOf(r)).isEqualTo(owner.traceId()));
                assertThat(recommendations).filteredOn(r -> owner.id().equals(r.key()))
                        .as("the recommendation records of %s", owner.id())
                        .isNotEmpty().allSatisfy(r -> assertThat(traceIdOf(r)).isEqualTo(owner.traceId()));
                assertThat(received).filteredOn(r -> r.body().contains("\"" + owner.id() + "\""))
                        .as("the webhooks about %s", owner.id())
                        .isNotEmpty().allSatisfy(r -> assertThat(traceIdOf(r.traceparent())).isEqualTo(owner.traceId()));
            }
        } finally {
            receiver.stop(0);
        }
    }

    /** An owner written under a trace of its own. */
    private static final class Owner {
        private final String id;
        private final String traceId;
        private String interactionEventId;

        Owner(String id, String traceId) {
            this.id = id;
            this.traceId = traceId;
        }

        String id() {
            return id;
        }

        String traceId() {
            return traceId;
        }

        /** A sampled W3C traceparent in this owner's trace, as the platform's instrumented backend would send. */
        String traceparent() {
            return "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        }
    }

    private static RequestSpecification ingest(ServiceProcess ingestion, Owner owner) {
        return given().baseUri(ingestion.baseUri().toString()).contentType(ContentType.JSON).header("traceparent", owner.traceparent());
    }

    private static String traceIdOf(ConsumerRecord<String, String> record) {
        return traceIdOf(KafkaFixtures.header(record, "traceparent"));
    }

    // traceparent = version "-" trace-id "-" parent-id "-" flags
    private static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 ? parts[1] : null;
    }

    private static String newTraceId() {
        return HexFormat.of().formatHex(randomBytes(16));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
