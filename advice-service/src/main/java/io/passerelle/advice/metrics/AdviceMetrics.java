package io.passerelle.advice.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.passerelle.contracts.model.ObjectiveType;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * advice-service's own meters (Prometheus names and meanings in the README, "Metrics"):
 * recommendations issued and withdrawn per objective type, recompute latency, and webhook attempts
 * by the state they left their delivery in. The backlogs are {@link BacklogGauges}'.
 */
@ApplicationScoped
public class AdviceMetrics {
    private final MeterRegistry registry;
    private final Timer recompute;
    private final Map<ObjectiveType, Counter> issued = new EnumMap<>(ObjectiveType.class);
    private final Map<ObjectiveType, Counter> withdrawn = new EnumMap<>(ObjectiveType.class);

    public AdviceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.recompute = Timer.builder("passerelle.recompute")
                .description("Time to recompute one owner's recommendations for every objective (the count is the number of recomputes)")
                .register(registry);
        for (ObjectiveType type : ObjectiveType.values()) {
            String tag = type.name().toLowerCase();
            issued.put(type, Counter.builder("passerelle.recommendations.issued").tag("objective_type", tag)
                    .description("Recommendations issued (or issued again in a new version), counted once their transaction committed")
                    .register(registry));
            withdrawn.put(type, Counter.builder("passerelle.recommendations.withdrawn").tag("objective_type", tag)
                    .description("Recommendations withdrawn, for any reason, counted once their transaction committed")
                    .register(registry));
        }
    }

    public Timer.Sample startRecompute() {
        return Timer.start(registry);
    }

    public void recomputed(Timer.Sample sample) {
        sample.stop(recompute);
    }

    /**
     * Counts issued and withdrawn recommendations once the connection's transaction commits, so that a
     * rolled back and retried transaction (a deadlock, a database outage) counts once; without a
     * transaction, at once.
     */
    public void afterCommit(SqlConnection connection, ObjectiveType type, int issuedCount, int withdrawnCount) {
        if (issuedCount == 0 && withdrawnCount == 0) {
            return;
        }
        Runnable count = () -> {
            issued.get(type).increment(issuedCount);
            withdrawn.get(type).increment(withdrawnCount);
        };
        Transaction transaction = connection.transaction();
        if (transaction == null) {
            count.run();
        } else {
            transaction.completion().subscribe().with(committed -> count.run(), rolledBack -> {
            });
        }
    }

    /** One webhook attempt, by the state it left its delivery in ({@code succeeded}, {@code pending}, {@code failed}, {@code cancelled}). */
    public void webhookAttempt(String outcome) {
        Counter.builder("passerelle.webhook.deliveries").tag("outcome", outcome)
                .description("Webhook attempts, by the state they left their delivery in").register(registry).increment();
    }
}
