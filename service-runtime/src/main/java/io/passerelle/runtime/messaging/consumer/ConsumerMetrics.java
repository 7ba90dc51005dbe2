package io.passerelle.runtime.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of one consumer (Prometheus names and meanings in service-runtime's README), shared by
 * every service's consumer through {@link BatchConsumer}, so that graph-service and advice-service
 * count the same things the same way. Events are counted per {@code topic} and {@code consumer}
 * (the channel): events applied, duplicates skipped, dead letters by cause, and event age (now minus
 * the record's CloudEvents {@code time}: how far behind the consumer is). Retries and batch duration
 * are per {@code consumer} only, since one polled batch mixes the channel's topics.
 */
final class ConsumerMetrics {
    /**
     * Bucket bounds of the event-age histogram: from "live" to "hours behind", few enough to keep a
     * series count per topic small, and matching the bounds the alerts use (deploy/kubernetes/components/alerts).
     */
    static final Duration[] EVENT_AGE_BUCKETS = {
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(6)};

    private final MeterRegistry registry;
    private final String consumer;
    private final Counter retries;
    private final Timer batchDuration;
    private final Map<String, TopicMeters> topics = new ConcurrentHashMap<>();

    ConsumerMetrics(MeterRegistry registry, String consumer) {
        this.registry = registry;
        this.consumer = consumer;
        retries = Counter.builder("passerelle.consumer.retries").tag("consumer", consumer)
                .description("Attempts to apply a batch, or to send a dead letter, that failed for a transient reason and were retried")
                .register(registry);
        batchDuration = Timer.builder("passerelle.consumer.batch.duration").tag("consumer", consumer)
                .description("Time to apply a polled batch, retries and dead letters included").register(registry);
    }

    /** The meters of one topic of this consumer, registered on first use. */
    private final class TopicMeters {
        final Counter applied;
        final Counter duplicates;
        final Counter unreadable;
        final Counter refused;
        final Timer eventAge;

        TopicMeters(String topic) {
            applied = Counter.builder("passerelle.consumer.events.applied").tag("consumer", consumer).tag("topic", topic)
                    .description("Events applied for the first time").register(registry);
            duplicates = Counter.builder("passerelle.consumer.duplicates").tag("consumer", consumer).tag("topic", topic)
                    .description("Events skipped because their id was already applied (redelivery, or repeated in a batch)")
                    .register(registry);
            unreadable = deadLettered(topic, "unreadable");
            refused = deadLettered(topic, "refused");
            eventAge = Timer.builder("passerelle.consumer.event.age").tag("consumer", consumer).tag("topic", topic)
                    .description("Time between an event's CloudEvents time and its consumption")
                    .serviceLevelObjectives(EVENT_AGE_BUCKETS).register(registry);
        }

        private Counter deadLettered(String topic, String cause) {
            return Counter.builder("passerelle.consumer.dead.lettered").tag("consumer", consumer).tag("topic", topic).tag("cause", cause)
                    .description("Records sent to <topic>.dlq: unreadable, or refused by the database").register(registry);
        }
    }

    private TopicMeters topic(String topic) {
        return topics.computeIfAbsent(topic == null ? "" : topic, TopicMeters::new);
    }

    /** Counts what a committed transaction applied and skipped, per topic. */
    void applied(BatchConsumer.Applied applied) {
        applied.appliedPerTopic().forEach((topic, count) -> topic(topic).applied.increment(count));
        applied.duplicatesPerTopic().forEach((topic, count) -> topic(topic).duplicates.increment(count));
    }

    void duplicates(String topic, int count) {
        topic(topic).duplicates.increment(count);
    }

    void deadLettered(String topic, boolean unreadableRecord) {
        TopicMeters meters = topic(topic);
        (unreadableRecord ? meters.unreadable : meters.refused).increment();
    }

    void retried() {
        retries.increment();
    }

    void batch(Duration duration) {
        batchDuration.record(duration);
    }

    void eventAge(String topic, Duration age) {
        // A producer clock ahead of ours gives a negative age: nothing to measure.
        if (!age.isNegative()) {
            topic(topic).eventAge.record(age);
        }
    }
}
