package io.passerelle.advice.messaging;

import io.passerelle.advice.repository.ProjectionWriter;
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
 * Consumes tie snapshots ({@code passerelle.ties.v1}) and owner events ({@code passerelle.owners.v1})
 * in batches into the tables the ranking reads, with the shared idempotent {@link BatchConsumer}:
 * {@link InboundEventDecoder} reads each record, {@link ProjectionWriter} writes a batch's net
 * effect in the consumer's transaction; deduplication, retries, isolation of refused events and
 * dead letters are the consumer's.
 */
@ApplicationScoped
public class AdviceInputsConsumer implements EventBatchHandler<ProjectionChange> {
    static final String CHANNEL = "advice-inputs";

    private final InboundEventDecoder decoder = new InboundEventDecoder();
    private final ProjectionWriter writer;
    private final BatchConsumer<ProjectionChange> consumer;
    private final ConsumedTraces traces;

    public AdviceInputsConsumer(ProjectionWriter writer, BatchConsumers consumers, ConsumedTraces traces) {
        this.writer = writer;
        this.consumer = consumers.create(CHANNEL, this);
        this.traces = traces;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        // The recompute, recommendation and webhook an owner's change leads to carry its trace (ProjectionWriter).
        return traces.during(records, () -> consumer.consume(records));
    }

    @Override
    public Decoded<ProjectionChange> decode(ReceivedEvent record) {
        return decoder.decode(record);
    }

    @Override
    public Uni<Void> apply(SqlConnection transaction, List<ProjectionChange> changes) {
        return writer.write(transaction, changes);
    }
}
