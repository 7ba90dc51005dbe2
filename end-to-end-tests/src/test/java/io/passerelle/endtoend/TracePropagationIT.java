package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.passerelle.client.advice.model.Objective;
import io.passerelle.client.advice.model.ObjectiveType;
import io.passerelle.client.advice.model.Targets;
import io.passerelle.client.advice.model.WebhookSubscriptionRequest;
import io.passerelle.client.ingestion.ApiResponse;
import io.passerelle.client.ingestion.model.Channel;
import io.passerelle.client.ingestion.model.Contact;
import io.passerelle.client.ingestion.model.Direction;
import io.passerelle.client.ingestion.model.EventAccepted;
import io.passerelle.client.ingestion.model.Interaction;
import io.passerelle.client.ingestion.model.InteractionAccepted;
import io.passerelle.client.ingestion.model.Location;
import io.passerelle.client.ingestion.model.Origin;
import io.passerelle.client.ingestion.model.Source;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.localstack.ServiceProcess;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
            ServiceApis.Ingestion ingestionApi = system.ingestionApi(ingestion);
            ServiceApis.Advice adviceApi = system.adviceApi(advice);
            assertThat(system.adviceApiAsOperator(advice).webhooks().createWebhookSubscriptionWithHttpInfo(new WebhookSubscriptionRequest()
                    .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks")
                    .eventTypes(List.of("recommendation.issued"))).getStatusCode()).isEqualTo(201);

            Owner first = new Owner("traced-owner-1", newTraceId());
            Owner second = new Owner("traced-owner-2", newTraceId());
            for (Owner owner : List.of(first, second)) {
                assertThat(adviceApi.objectives().putObjectiveWithHttpInfo("next-job", owner.id(), new Objective()
                        .type(ObjectiveType.JOB_SEARCH).language("en")
                        .targets(new Targets().sectors(List.of("Software")).roles(List.of("Talent acquisition lead")))).getStatusCode())
                        .isEqualTo(200);
            }
            // Interleaved, so that graph-service's batches hold records of both traces.
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (Owner owner : List.of(first, second)) {
                ApiResponse<EventAccepted> accepted = ingestionApi.contacts().putContactWithHttpInfo("wendy", owner.id(), new Contact()
                        .displayName("Wendy Weak").company("Shopify").role("Talent acquisition lead").sector("Software")
                        .origin(Origin.EVENT).source(Source.LINKEDIN).location(new Location().city("Montreal").country("CA")),
                        owner.traceHeader());
                assertThat(accepted.getStatusCode()).isEqualTo(202);
            }
            for (Owner owner : List.of(first, second)) {
                ApiResponse<InteractionAccepted> accepted = ingestionApi.interactions().recordInteractionWithHttpInfo(owner.id(), new Interaction()
                        .contactId("wendy").occurredAt(now.minus(Duration.ofDays(40)).atOffset(ZoneOffset.UTC))
                        .channel(Channel.PUBLIC_COMMENT).direction(Direction.INBOUND).source(Source.MANUAL), owner.traceHeader());
                assertThat(accepted.getStatusCode()).isEqualTo(202);
                owner.interactionEventId = accepted.getData().getEventId();
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

        /** The request's extra headers: its traceparent. */
        Map<String, String> traceHeader() {
            return Map.of("traceparent", traceparent());
        }
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
