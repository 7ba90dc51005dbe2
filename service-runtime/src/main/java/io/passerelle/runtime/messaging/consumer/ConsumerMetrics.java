package io.passerelle.runtime.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The meters of one consumer, tagged {@code consumer=<channel>} (Prometheus names in service-runtime's
 * README): events applied, duplicates skipped, dead letters by cause, retries, batch duration, and
 * event age (now minus the CloudEvents {@code time} of the record), which is how far behind the
 * projection is.
 */
final class ConsumerMetrics {
    private final Counter applied;
    private final Counter duplicates;
    private final Counter unreadable;
    private final Counter refused;
    private final Counter retries;
    private final Timer batchDuration;
    private final Timer eventAge;

    ConsumerMetrics(MeterRegistry registry, String consumer) {
        applied = Counter.builder("passerelle.consumer.events.applied").tag("consumer", consumer)
                .description("Events applied for the first time").register(registry);
        duplicates = Counter.builder("passerelle.consumer.events.duplicates").tag("consumer", consumer)
                .description("Events skipped because their id was already applied").register(registry);
        unreadable = Counter.builder("passerelle.consumer.events.dead.lettered").tag("consumer", consumer).tag("cause", "unreadable")
                .description("Records sent to the dead-letter topic").register(registry);
        refused = Counter.builder("passerelle.consumer.events.dead.lettered").tag("consumer", consumer).tag("cause", "refused")
                .description("Records sent to the dead-letter topic").register(registry);
        retries = Counter.builder("passerelle.consumer.retries").tag("consumer", consumer)
                .description("Attempts that failed for a transient reason and were retried").register(registry);
        batchDuration = Timer.builder("passerelle.consumer.batch.duration").tag("consumer", consumer)
                .description("Time to apply a polled batch, retries included").register(registry);
        eventAge = Timer.builder("passerelle.consumer.event.age").tag("consumer", consumer)
                .description("Time between an event's CloudEvents time and its consumption").register(registry);
    }

    void applied(int count, int duplicateCount) {
        applied.increment(count);
        duplicates.increment(duplicateCount);
    }

    void duplicates(int count) {
        duplicates.increment(count);
    }

    void deadLettered(boolean unreadableRecord) {
        (unreadableRecord ? unreadable : refused).increment();
    }

    void retried() {
        retries.increment();
    }

    void batch(Duration duration) {
        batchDuration.record(duration);
    }

    void eventAge(Duration age) {
        if (!age.isNegative()) {
            eventAge.record(age);
        }
    }
}
