package io.passerelle.graph.messaging;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.graph.config.GraphConfig;
import io.passerelle.graph.projection.ProjectionOutcome;
import io.passerelle.graph.projection.TieKey;
import io.passerelle.runtime.messaging.ChannelRecordSender;
import io.passerelle.runtime.messaging.CloudEventRecords;
import io.passerelle.runtime.tracing.ConsumedTraces;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes a batch's tie changes on passerelle.ties.v1: tombstones for erased ties, then one
 * {@code passerelle.tie.updated} per changed tie, keyed {@code ownerId/contactId}. Completes only
 * once the broker has acknowledged every record, so that the caller can then commit.
 *
 * <p>The records go straight to the {@code ties} channel's producer ({@link ChannelRecordSender}): a
 * batch of hundreds of changes through the emitter, one reactive message and producer span each, cost
 * more than the rest of the projection. Their values are written as UTF-8 JSON bytes (the channel's
 * {@code value.serializer} is Kafka's {@code ByteArraySerializer}), without a String per record. Each
 * record carries the {@code traceparent} of the event that last changed the tie.
 */
@ApplicationScoped
public class TieUpdatePublisher {
    private final ChannelRecordSender<byte[]> ties;
    private final GraphConfig config;
    private final ConsumedTraces traces;

    /**
     * @param channel the {@code ties} channel's emitter, unused: injecting it wires the channel, which
     *     makes the connector create the producer the records are sent with
     */
    public TieUpdatePublisher(@Channel("ties") MutinyEmitter<byte[]> channel, KafkaClientService clients, GraphConfig config,
            ConsumedTraces traces) {
        this.ties = ChannelRecordSender.of(clients, "ties");
        this.config = config;
        this.traces = traces;
    }

    public Uni<Void> publish(ProjectionOutcome outcome) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(outcome.tombstones().size() + outcome.changedTies().size());
        outcome.tombstones().forEach(key -> records.add(CloudEventRecords.tombstone(ties.topic(), key.recordKey())));
        outcome.changedTies().forEach(change -> records.add(record(change)));
        return ties.sendAll(records);
    }

    ProducerRecord<String, byte[]> record(ProjectionOutcome.TieChange change) {
        TieKey key = change.key();
        // The same state of the same tie always gets the same id: a batch retried after a failed commit
        // republishes under the ids of its first attempt, and consumers skip what they already applied.
        String id = Identifiers.stableId(key.ownerId(), key.contactId(), change.causeEventId());
        TieUpdated data = new TieUpdated(key.ownerId(), change.tie(), change.previousTieClass(), change.contact());
        // In the trace of the event that last changed the tie (a replay or the sweep has none).
        return CloudEventRecords.ofBytes(ties.topic(), key.recordKey(), id, EventTypes.TIE_UPDATED, config.eventSource(), key.recordKey(),
                data, traces.traceparentOf(change.causeEventId()));
    }
}
