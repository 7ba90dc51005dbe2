package io.passerelle.runtime.messaging.consumer;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * How long applied event ids must be remembered: the configured window, or the retention of the
 * consumed topics if longer, since a consumer that starts over from the earliest offset (its
 * committed offsets lost, or a new consumer group) reads again every record the topics still hold,
 * and must recognise each one. A topic kept for ever means ids are kept for ever.
 */
public final class IdempotencyWindow {
    private IdempotencyWindow() {
    }

    /**
     * @param configured the configured window
     * @param topicRetentions the {@code retention.ms} of each consumed topic, negative for "for ever"
     * @return the window in force, empty when ids must never be purged
     */
    public static Optional<Duration> of(Duration configured, Collection<Long> topicRetentions) {
        Duration window = configured;
        for (long retentionMillis : topicRetentions) {
            if (retentionMillis < 0) {
                return Optional.empty();
            }
            Duration retention = Duration.ofMillis(retentionMillis);
            if (retention.compareTo(window) > 0) {
                window = retention;
            }
        }
        return Optional.of(window);
    }
}
