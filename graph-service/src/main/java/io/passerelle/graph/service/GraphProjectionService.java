package io.passerelle.graph.service;

import io.passerelle.graph.config.GraphConfig;
import io.passerelle.graph.messaging.TieUpdatePublisher;
import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.graph.projection.LoadPlan;
import io.passerelle.graph.projection.ProjectionBatch;
import io.passerelle.graph.projection.ProjectionOutcome;
import io.passerelle.graph.repository.ProjectionStore;
import io.passerelle.tie.TieStrengthModel;
import io.passerelle.graph.messaging.IngestedEventReader;
import io.passerelle.runtime.database.Pipelined;
import io.passerelle.runtime.messaging.ReceivedEvent;
import io.passerelle.runtime.messaging.consumer.Decoded;
import io.passerelle.runtime.messaging.consumer.EventBatchHandler;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads and applies the ingestion events for the shared batch consumer: a batch is applied in the
 * consumer's transaction, in record order; the rows are written and the tie changes published
 * before the commit, so that a failed commit is retried and republishes the same state (at least
 * once, under the same event ids).
 */
@ApplicationScoped
public class GraphProjectionService implements EventBatchHandler<IngestedEvent> {
    private final ProjectionStore store;
    private final TieUpdatePublisher publisher;
    private final TieStrengthModel model;
    private final GraphConfig config;
    private final IngestedEventReader reader;

    public GraphProjectionService(ProjectionStore store, TieUpdatePublisher publisher, TieStrengthModel model, GraphConfig config,
            IngestedEventReader reader) {
        this.store = store;
        this.publisher = publisher;
        this.model = model;
        this.config = config;
        this.reader = reader;
    }

    @Override
    public Decoded<IngestedEvent> decode(ReceivedEvent record) {
        return reader.read(record);
    }

    /**
     * Waits while a replay switches projections, then locks the batch's owners: batches of
     * different topics about the same owner, on other instances, queue instead of interleaving.
     * Both statements are sent together and run in that order ({@link Pipelined}).
     */
    @Override
    public Uni<Void> lock(SqlConnection transaction, List<IngestedEvent> events) {
        return Pipelined.inOrder(List.of(store.holdReplayFence(transaction), store.lockOwners(transaction, ownersOf(events, event -> true))));
    }

    @Override
    public Uni<Void> apply(SqlConnection transaction, List<IngestedEvent> events) {
        return project(transaction, events, true);
    }

    /**
     * The same reading and applying, publishing nothing: for a rebuild of the projection that is not
     * served yet (a replay job publishes every tie once it has switched the rebuild in).
     *
     * <p>It takes the live owner locks only of the owners its batch erases. The owner locks order the batches that write the
     * same rows; the rebuild's tables are its own, and the live locks of every owner of its batch would hold the live
     * batches of those owners back for each of the rebuild's transactions. Its lanes, which write the same rebuild tables
     * side by side, lock their batches' owners among themselves ({@link ProjectionStore#lockRebuildOwners}). The erasure markers are not its
     * own: it writes them in public, where live batches write them under their owners' locks, so it takes
     * those owners' locks too (in the same order, {@link ProjectionStore#lockOwners}) rather than upsert
     * the same rows as a live batch in another order. It waits for no replay fence: the only holder of
     * the replay lock is its own job's switch.
     */
    public EventBatchHandler<IngestedEvent> withoutPublishing() {
        GraphProjectionService live = this;
        return new EventBatchHandler<>() {
            @Override
            public Decoded<IngestedEvent> decode(ReceivedEvent record) {
                return live.decode(record);
            }

            @Override
            public Uni<Void> lock(SqlConnection transaction, List<IngestedEvent> events) {
                // The rebuild's own owner locks first, then the live ones of the owners it erases: every lane in that order.
                Uni<Void> rebuildOwners = store.lockRebuildOwners(transaction, ownersOf(events, event -> true));
                Set<String> erased = ownersOf(events, IngestedEvent::erases);
                return erased.isEmpty() ? rebuildOwners
                        : Pipelined.inOrder(List.of(rebuildOwners, store.lockOwners(transaction, erased)));
            }

            @Override
            public Uni<Void> apply(SqlConnection transaction, List<IngestedEvent> events) {
                return live.project(transaction, events, false);
            }
        };
    }

    /** The owners of the events that pass the filter, in the order of the batch. */
    private static Set<String> ownersOf(List<IngestedEvent> events, Predicate<IngestedEvent> filter) {
        Set<String> owners = new LinkedHashSet<>();
        events.stream().filter(filter).forEach(event -> owners.add(event.ownerId()));
        return owners;
    }

    private Uni<Void> project(SqlConnection connection, List<IngestedEvent> events, boolean publish) {
        LoadPlan plan = LoadPlan.of(events);
        // The three reads are sent together (the client pipelines them on the transaction's connection): one wait, not three.
        return Uni.combine().all().unis(store.loadOwners(connection, plan.owners()), store.loadTies(connection, plan),
                        store.loadErasureMarkers(connection, plan.owners()))
                .with((owners, ties, markers) -> new ProjectionBatch(model, owners, ties, markers))
                .chain(batch -> {
                    Instant now = Instant.now();
                    ProjectionOutcome outcome = batch.applyAll(events).outcome(now, config.strengthEpsilon());
                    if (!outcome.heldBackEventIds().isEmpty()) {
                        Log.debugf("Held back %d events recorded before an erasure of their owner or contact",
                                outcome.heldBackEventIds().size());
                    }
                    return store.write(connection, outcome, now)
                            .chain(() -> publish ? publisher.publish(outcome) : Uni.createFrom().voidItem())
                            .invoke(() -> Log.debugf("Applied %d events: %d ties published, %d tombstones",
                                    events.size(), outcome.changedTies().size(), outcome.tombstones().size()));
                });
    }
}
