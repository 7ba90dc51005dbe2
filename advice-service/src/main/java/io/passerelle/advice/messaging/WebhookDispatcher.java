package io.passerelle.advice.messaging;

import io.passerelle.advice.metrics.AdviceMetrics;
import io.passerelle.advice.config.AdviceConfig;
import io.passerelle.advice.repository.WebhookDeliveryRepository;
import io.passerelle.advice.repository.WebhookDeliveryRepository.ClaimedDelivery;
import io.passerelle.advice.webhook.AttemptResult;
import io.passerelle.advice.webhook.DeliveryPolicy;
import io.passerelle.advice.webhook.RetrySchedule;
import io.passerelle.contracts.Identifiers;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends due webhook deliveries. Each poll claims a batch with {@code FOR UPDATE SKIP LOCKED} and a
 * lease ({@code locked_until}, longer than the send timeout), sends the attempts concurrently, and
 * records each outcome only while its claim still holds: several instances share the work and never
 * send the same attempt twice, and a crashed sender's claim expires with its lease.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSender sender;
    private final AdviceConfig.Webhooks settings;
    private final DeliveryPolicy policy;
    private final AdviceMetrics metrics;

    public WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookSender sender, AdviceConfig config, AdviceMetrics metrics) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.settings = config.webhooks();
        this.policy = new DeliveryPolicy(new RetrySchedule(settings.retry().schedule(), settings.retry().jitter()),
                settings.retry().maxRetryAfter());
        this.metrics = metrics;
    }

    // Skipped once shutdown began: the database pool may be closed already, and a run would only log its failure.
    @Scheduled(every = "${advice.webhooks.poll-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return dispatch().chain(sent -> sent >= settings.batchSize() ? poll() : Uni.createFrom().voidItem())
                .onFailure().invoke(e -> Log.warnf("Sending webhooks failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Claims and sends one batch of due deliveries; the number claimed. */
    public Uni<Integer> dispatch() {
        String token = Identifiers.randomId();
        return deliveries.claim(settings.batchSize(), settings.lease(), token).chain(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Multi.createFrom().iterable(claimed)
                    .onItem().transformToUniAndMerge(delivery -> attempt(delivery, token))
                    .collect().asList()
                    .map(List::size);
        });
    }

    private Uni<Boolean> attempt(ClaimedDelivery delivery, String token) {
        Instant started = Instant.now();
        int attempt = delivery.attempts() + 1;
        return sender.send(delivery, started.getEpochSecond()).chain(result -> {
            Instant finished = Instant.now();
            DeliveryPolicy.Decision decision = policy.decide(attempt, result, finished.truncatedTo(ChronoUnit.MILLIS),
                    () -> ThreadLocalRandom.current().nextDouble());
            metrics.webhookAttempt(decision.status().name().toLowerCase());
            if (decision.disableSubscription()) {
                Log.infof("Webhook subscription %s answered 410 Gone: disabling it", delivery.subscriptionId());
            }
            return deliveries.complete(delivery, token, attempt, result, decision, started.truncatedTo(ChronoUnit.MILLIS),
                    finished.toEpochMilli() - started.toEpochMilli());
        }).onFailure().recoverWithItem(failure -> {
            // The lease runs out and the attempt is made again: better twice than never.
            Log.warnf("Recording webhook %s attempt %d failed: %s", delivery.webhookId(), attempt, failure.toString());
            return false;
        });
    }

    /** Finished deliveries are kept a while for inspection, then purged. */
    // Skipped once shutdown began: the database pool may be closed already, and a run would only log its failure.
    @Scheduled(every = "1h", delayed = "1m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        return deliveries.purge(settings.retention()).replaceWithVoid().onFailure().recoverWithNull().replaceWithVoid();
    }
}
