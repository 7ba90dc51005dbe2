package io.passerelle.runtime.messaging.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every batch consumer of this service is doing: going on, or retrying since some instant
 * because the database or the broker does not answer. Readiness reports the retries
 * ({@link ConsumersReadinessCheck}); liveness does not, since a consumer that retries recovers by
 * itself once its dependencies are back.
 */
@ApplicationScoped
public class ConsumerHealth {
    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();

    /** A consumer retrying since {@code since}, {@code attempts} attempts failed, the last for {@code reason}. */
    public record Stall(Instant since, long attempts, String reason) {
    }

    /** The consumer's last attempt failed for a transient reason and will be retried. */
    public void failed(String consumer, String reason) {
        Instant now = Instant.now();
        stalls.merge(consumer, new Stall(now, 1, reason), (old, fresh) -> new Stall(old.since(), old.attempts() + 1, reason));
    }

    /** The consumer's last attempt succeeded. */
    public void succeeded(String consumer) {
        stalls.remove(consumer);
    }

    public Optional<Stall> stall(String consumer) {
        return Optional.ofNullable(stalls.get(consumer));
    }

    /** Every consumer that is retrying, by name. */
    public Map<String, Stall> stalls() {
        return new TreeMap<>(stalls);
    }
}
