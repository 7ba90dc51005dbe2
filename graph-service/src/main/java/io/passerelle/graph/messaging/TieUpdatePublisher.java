package io.passerelle.graph.messaging;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.graph.config.GraphConfig;
import io.passerelle.graph.projection.ProjectionOutcome;
import io.passerelle.graph.projection.TieKey;
import io.passerelle.runtime.messaging.CloudEventMessages;
import io.passerelle.runtime.tracing.ConsumedTraces;
import io.passerelle.runtime.tracing.TraceContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes a batch's tie changes on passerelle.ties.v1: tombstones for erased ties, then one
 * {@code passerelle.tie.updated} per changed tie, keyed {@code ownerId/contactId}. Completes only
 * once the broker has acknowledged every record, so that the caller can then commit.
 */
@ApplicationScoped
public class TieUpdatePublisher {
    private final MutinyEmitter<String> ties;
    private final GraphConfig config;
    private final ConsumedTraces traces;

    public TieUpdatePublisher(@Channel("ties") MutinyEmitter<String> ties, GraphConfig config, ConsumedTraces traces) {
        this.ties = ties;
        this.config = config;
        this.traces = traces;
    }

    public Uni<Void> publish(ProjectionOutcome outcome) {
        List<Message<String>> messages = new ArrayList<>(outcome.tombstones().size() + outcome.changedTies().size());
        outcome.tombstones().forEach(key -> messages.add(CloudEventMessages.tombstone(key.recordKey())));
        outcome.changedTies().forEach(change -> messages.add(message(change)));
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Sends are started in list order (the producer keeps that order per key) and awaited together.
        return Multi.createFrom().iterable(messages)
                .onItem().transformToUni(ties::sendMessage).merge(config.publishConcurrency())
                .collect().last()
                .replaceWithVoid();
    }

    Message<String> message(ProjectionOutcome.TieChange change) {
        TieKey key = change.key();
        // The same state of the same tie always gets the same id: a batch retried after a failed commit
        // republishes under the ids of its first attempt, and consumers skip what they already applied.
        String id = Identifiers.stableId(key.ownerId(), key.contactId(), change.causeEventId());
        TieUpdated data = new TieUpdated(key.ownerId(), change.tie(), change.previousTieClass(), change.contact());
        Message<String> message = CloudEventMessages.of(key.recordKey(), id, EventTypes.TIE_UPDATED, config.eventSource(), key.recordKey(),
                data);
        // In the trace of the event that last changed the tie (a replay or the sweep has none: the record is traced as sent).
        return TraceContext.continuing(message, traces.traceparentOf(change.causeEventId()));
    }
}
