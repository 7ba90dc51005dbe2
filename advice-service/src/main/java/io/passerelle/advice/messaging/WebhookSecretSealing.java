package io.passerelle.advice.messaging;

import io.passerelle.advice.repository.WebhookSubscriptionRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Seals, shortly after start and then every hour, the subscription secrets still in clear (written
 * before V7) or sealed under a retired key, and forgets previous secrets whose rotation overlap has
 * ended. Until it has run, those rows are read as they are: nothing waits for it.
 */
@ApplicationScoped
public class WebhookSecretSealing {
    private final WebhookSubscriptionRepository subscriptions;

    public WebhookSecretSealing(WebhookSubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    // Skipped once shutdown began: the database pool may be closed already, and a run would only log its failure.
    @Scheduled(every = "1h", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sealAll().onFailure().invoke(e -> Log.warnf("Sealing webhook secrets failed, will retry within the hour: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Seals what needs it; the number of subscriptions changed. */
    public Uni<Integer> sealAll() {
        return subscriptions.sealAll().invoke(changed -> {
            if (changed > 0) {
                Log.infof("Sealed the secrets of %d webhook subscriptions under the current key", changed);
            }
        });
    }
}
