package io.passerelle.graph.messaging;

import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.graph.service.GraphProjectionService;
import io.passerelle.runtime.messaging.consumer.BatchConsumer;
import io.passerelle.runtime.messaging.consumer.BatchConsumers;
import io.passerelle.runtime.tracing.ConsumedTraces;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the owners, contacts and interactions topics in batches with the shared idempotent
 * {@link BatchConsumer}: {@link GraphProjectionService} reads each record and applies a batch in one
 * transaction; deduplication, retries, isolation of refused events and dead letters are the
 * consumer's.
 */
@ApplicationScoped
public class IngestedEventConsumer {
    static final String CHANNEL = "ingested-events";

    private final BatchConsumer<IngestedEvent> consumer;
    private final ConsumedTraces traces;

    public IngestedEventConsumer(BatchConsumers consumers, GraphProjectionService projection, ConsumedTraces traces) {
        this.consumer = consumers.create(CHANNEL, projection);
        this.traces = traces;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        // Each tie update then carries the trace of the event that caused it (TieUpdatePublisher).
        return traces.during(records, () -> consumer.consume(records));
    }

    /** The consumer itself, for a replay that reads the topics with a Kafka consumer of its own. */
    public BatchConsumer<IngestedEvent> consumer() {
        return consumer;
    }
}
