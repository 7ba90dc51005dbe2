package io.passerelle.advice.messaging;

import io.passerelle.advice.repository.WebhookDeliveryRepository;
import io.passerelle.advice.webhook.WebhookEvent;
import io.passerelle.runtime.messaging.ReceivedEvent;
import io.passerelle.runtime.messaging.consumer.BatchConsumer;
import io.passerelle.runtime.messaging.consumer.BatchConsumers;
import io.passerelle.runtime.messaging.consumer.Decoded;
import io.passerelle.runtime.messaging.consumer.EventBatchHandler;
import io.passerelle.runtime.tracing.ConsumedTraces;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes ingestion-service's import completions ({@code passerelle.imports.v1}) in a consumer group of
 * its own, so that neither a backlog of ties nor a rebalance of that group holds them up, and enqueues one
 * {@code import.completed} webhook delivery per enabled subscription that takes that type and admits the
 * owner, with the shared idempotent {@link BatchConsumer}: the deliveries are written in the transaction
 * that records the event ids, so a redelivered or replayed record is skipped, and its webhook id (derived
 * from the subscription and the event id) could not be enqueued twice anyway; unreadable records go to
 * {@code passerelle.imports.v1.dlq}.
 */
@ApplicationScoped
public class ImportCompletionsConsumer implements EventBatchHandler<WebhookEvent> {
    static final String CHANNEL = "import-completions";

    private final InboundEventDecoder decoder = new InboundEventDecoder();
    private final BatchConsumer<WebhookEvent> consumer;
    private final ConsumedTraces traces;

    public ImportCompletionsConsumer(BatchConsumers consumers, ConsumedTraces traces) {
        this.consumer = consumers.create(CHANNEL, this);
        this.traces = traces;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        // Each delivery carries the trace of its own record, when the record has one, as the other consumers' deliveries do.
        return traces.during(records, () -> consumer.consume(records));
    }

    @Override
    public Decoded<WebhookEvent> decode(ReceivedEvent record) {
        return decoder.decodeImportCompletion(record);
    }

    @Override
    public Uni<Void> apply(SqlConnection transaction, List<WebhookEvent> events) {
        return WebhookDeliveryRepository.enqueue(transaction, events, event -> traces.traceparentOf(event.eventId()));
    }
}
