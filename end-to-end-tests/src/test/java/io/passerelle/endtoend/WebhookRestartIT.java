package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.passerelle.client.advice.ApiResponse;
import io.passerelle.client.advice.model.DeliveryStatus;
import io.passerelle.client.advice.model.Objective;
import io.passerelle.client.advice.model.ObjectiveType;
import io.passerelle.client.advice.model.Targets;
import io.passerelle.client.advice.model.WebhookSubscription;
import io.passerelle.client.advice.model.WebhookSubscriptionRequest;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import io.passerelle.localstack.ServiceProcess;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A webhook delivery outlives a restart of the packaged advice-service: the receiver fails while the
 * service stops and starts again, then accepts, and gets the delivery with its original webhook-id.
 */
class WebhookRestartIT {
    private static final String OWNER = "webhook-owner";

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("webhook-restart");

    /** One request as the receiver got it, with the status it answered. */
    private record Received(String webhookId, String body, int status) {
    }

    @Test
    void aPendingDeliveryIsSentAfterARestartWithItsOriginalWebhookId() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicBoolean accepting = new AtomicBoolean(false);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/webhooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = accepting.get() ? 200 : 503;
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            // Retries every second, so the delivery is still pending at the restart and sent soon after it.
            ServiceProcess advice = system.service("advice-service", Map.of(
                    "ADVICE_WEBHOOKS_RETRY_SCHEDULE", String.join(",", Collections.nCopies(60, "1s")),
                    "ADVICE_WEBHOOKS_RETRY_JITTER", "0"));
            // Subscriptions and deliveries are operators' business; objectives the platform's.
            ServiceApis.Advice asOperator = system.adviceApiAsOperator(advice);
            ApiResponse<WebhookSubscription> created = asOperator.webhooks().createWebhookSubscriptionWithHttpInfo(new WebhookSubscriptionRequest()
                    .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks")
                    .eventTypes(List.of("recommendation.issued")));
            assertThat(created.getStatusCode()).isEqualTo(201);
            String subscription = created.getData().getId();
            assertThat(created.getHeaders().get("Location")).as("Location").singleElement()
                    .satisfies(location -> assertThat(location).endsWith("/v1/webhook-subscriptions/" + subscription));
            assertThat(created.getData().getSecret()).as("the secret, given at creation").isNotBlank();
            assertThat(system.adviceApi(advice).objectives().putObjectiveWithHttpInfo("job", OWNER, new Objective()
                    .type(ObjectiveType.JOB_SEARCH).targets(new Targets().sectors(List.of("Fintech"))).language("en")).getStatusCode())
                    .isEqualTo(200);
            system.kafka().sendEvent(Topics.TIES, Topics.tieKey(OWNER, "wendy"), Identifiers.randomId(), EventTypes.TIE_UPDATED,
                    weakTie("wendy")).get();

            await().atMost(Duration.ofSeconds(90)).until(() -> !received.isEmpty());
            String webhookId = received.get(0).webhookId();
            assertThat(received.get(0).body()).contains("recommendation.issued", "wendy");
            assertThat(asOperator.webhooks().getWebhookDelivery(subscription, webhookId).getStatus()).isEqualTo(DeliveryStatus.PENDING);

            advice.close();
            int failedBeforeRestart = received.size();
            advice.restart();
            accepting.set(true);

            await().atMost(Duration.ofSeconds(90)).until(() -> received.stream().anyMatch(r -> r.status() == 200));
            List<Received> accepted = received.stream().filter(r -> r.status() == 200).toList();
            assertThat(accepted).singleElement().satisfies(r -> {
                assertThat(r.webhookId()).isEqualTo(webhookId);
                assertThat(r.body()).isEqualTo(received.get(0).body());
            });
            assertThat(failedBeforeRestart).isPositive();
            assertThat(received).extracting(Received::webhookId).containsOnly(webhookId);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(asOperator.webhooks()
                    .getWebhookDelivery(subscription, webhookId).getStatus()).isEqualTo(DeliveryStatus.SUCCEEDED));
        } finally {
            receiver.stop(0);
        }
    }

    private static TieUpdated weakTie(String contactId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Tie tie = new Tie(contactId, "Wendy Weak", 0.35, TieClass.WEAK, new TieDimensions(0.3, 0.3, 0.4, 0.5, 0.3, 0.2, 0.5, 0.2),
                GeographicScale.CITY, Origin.EVENT, 4, now.minus(Duration.ofDays(300)), now.minus(Duration.ofDays(20)), 2,
                0.35, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(20)), List.of("Met at an event."), now);
        Contact contact = new Contact("Wendy Weak", List.of(), "Lydia", "Engineer", "Fintech", List.of(), List.of(), null,
                Origin.EVENT, List.of(), null, null, null, List.of(), List.of());
        return new TieUpdated(OWNER, tie, null, contact);
    }
}
