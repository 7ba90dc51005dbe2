package io.passerelle.runtime.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.passerelle.runtime.messaging.DeadLetterPublisher;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes the {@link BatchConsumer} of a channel; a service's {@code @Incoming} method hands it each
 * polled batch. Transactions run on the service's reactive PostgreSQL pool.
 */
@ApplicationScoped
public class BatchConsumers {
    private final Pool pool;
    private final DeadLetterPublisher deadLetters;
    private final ConsumerSettings settings;
    private final MeterRegistry registry;
    private final ConsumerHealth health;
    private final List<String> channels = new CopyOnWriteArrayList<>();

    public BatchConsumers(Pool pool, DeadLetterPublisher deadLetters, ConsumerSettings settings, MeterRegistry registry,
            ConsumerHealth health) {
        this.pool = pool;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.registry = registry;
        this.health = health;
    }

    /** The consumer of the incoming {@code channel} (its name in metrics, health and logs). */
    public <E> BatchConsumer<E> create(String channel, EventBatchHandler<E> handler) {
        channels.add(channel);
        return new BatchConsumer<>(channel, handler, pool::withTransaction, ProcessedEvents::record, deadLetters, settings,
                new ConsumerMetrics(registry, channel), health);
    }

    /** The channels of the consumers made so far. */
    public List<String> channels() {
        return List.copyOf(channels);
    }
}
