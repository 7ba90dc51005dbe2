package io.passerelle.graph.service;

import io.passerelle.graph.config.GraphConfig;
import io.passerelle.graph.messaging.TieUpdatePublisher;
import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.graph.projection.LoadPlan;
import io.passerelle.graph.projection.ProjectionBatch;
import io.passerelle.graph.projection.ProjectionOutcome;
import io.passerelle.graph.repository.ProjectionStore;
import io.passerelle.graph.tie.TieStrengthModel;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies a batch of ingestion events to the graph in one transaction: records the event ids,
 * keeps only the new events, applies them in record order, writes the rows, and publishes the tie
 * changes before committing, so that a failed commit is retried and republishes the same state
 * (at least once, under the same event ids).
 */
@ApplicationScoped
public class GraphProjectionService {
    private final Pool pool;
    private final ProjectionStore store;
    private final TieUpdatePublisher publisher;
    private final TieStrengthModel model;
    private final GraphConfig config;

    public GraphProjectionService(Pool pool, ProjectionStore store, TieUpdatePublisher publisher, TieStrengthModel model,
            GraphConfig config) {
        this.pool = pool;
        this.store = store;
        this.publisher = publisher;
        this.model = model;
        this.config = config;
    }

    /** An event the database refuses whatever the attempt (its data breaks a constraint or a type): it cannot be applied. */
    public record Refusal(IngestedEvent event, String reason) {
    }

    /**
     * Applies the events and answers those that can never be applied. A transient failure (database
     * or broker unavailable) is retried with back-off, never skipped. When the database refuses the
     * batch's data, the events are applied one at a time, in order, so that only the offending event
     * is refused and the others still land.
     */
    public Uni<List<Refusal>> apply(List<IngestedEvent> events) {
        return apply(events, pool::withTransaction, true);
    }

    /**
     * Applies the events in transactions on the given connection (the replay's, which holds the
     * replay lock), with the same refusal handling; a transient failure fails the returned Uni
     * instead of being retried, since the connection itself may be what failed.
     */
    public Uni<List<Refusal>> applyOn(SqlConnection connection, List<IngestedEvent> events) {
        Transactions onConnection = work -> connection.begin()
                .chain(transaction -> work.apply(connection)
                        .call(transaction::commit)
                        .onFailure().call(failure -> transaction.rollback().onFailure().recoverWithNull()));
        return apply(events, onConnection, false);
    }

    /**
     * Applies the events within the transaction the caller holds open on the connection, and publishes
     * nothing: for a rebuild of the projection that is not served yet (a replay job publishes every tie
     * once it has switched the rebuild in). No retry and no splitting: a failure fails the returned Uni
     * as it is, and the caller, whose transaction it is, rolls back (to a savepoint) and decides, e.g.
     * with {@link #refusesData}.
     */
    public Uni<Void> applyWithoutPublishing(SqlConnection connection, List<IngestedEvent> events) {
        List<IngestedEvent> unique = firstOfEachId(events);
        return unique.isEmpty() ? Uni.createFrom().voidItem() : applyIn(connection, unique, outcome -> Uni.createFrom().voidItem());
    }

    /** Runs some work in one transaction. */
    @FunctionalInterface
    interface Transactions {
        Uni<Void> run(Function<SqlConnection, Uni<Void>> work);
    }

    private Uni<List<Refusal>> apply(List<IngestedEvent> events, Transactions transactions, boolean retryTransient) {
        List<IngestedEvent> unique = firstOfEachId(events);
        if (unique.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Uni<Void> attempt = Uni.createFrom().deferred(() -> transactions.run(connection -> applyIn(connection, unique, publisher::publish)));
        if (retryTransient) {
            attempt = attempt
                    .onFailure(failure -> !refusesData(failure))
                    .invoke(failure -> Log.warnf("Applying a batch of %d events failed; retrying: %s", unique.size(), failure.toString()))
                    .onFailure(failure -> !refusesData(failure)).retry()
                    .withBackOff(config.retry().initialBackoff(), config.retry().maxBackoff())
                    .indefinitely();
        }
        return attempt
                .replaceWith(List.<Refusal>of())
                .onFailure(GraphProjectionService::refusesData).recoverWithUni(failure -> unique.size() == 1
                        ? Uni.createFrom().item(List.of(new Refusal(unique.get(0), "the database refused the event: " + failure.getMessage())))
                        : oneByOne(unique, transactions, retryTransient));
    }

    private Uni<List<Refusal>> oneByOne(List<IngestedEvent> events, Transactions transactions, boolean retryTransient) {
        Log.warnf("The database refused a batch of %d events; applying them one by one", events.size());
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> apply(List.of(event), transactions, retryTransient))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /**
     * Whether the database rejected the data itself (SQLSTATE classes 22 data exception, 23 integrity
     * violation, 54 limit exceeded): retrying cannot help. Anything else, such as a lost connection,
     * is transient.
     */
    static boolean refusesData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null) {
                String sqlClass = pg.getSqlState().substring(0, Math.min(2, pg.getSqlState().length()));
                return sqlClass.equals("22") || sqlClass.equals("23") || sqlClass.equals("54");
            }
        }
        return false;
    }

    private Uni<Void> applyIn(SqlConnection connection, List<IngestedEvent> events, Function<ProjectionOutcome, Uni<Void>> publish) {
        Set<String> owners = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>(events.size());
        for (IngestedEvent event : events) {
            owners.add(event.ownerId());
            ids.add(event.eventId());
        }
        return store.holdReplayFence(connection)
                .chain(() -> store.lockOwners(connection, owners))
                .chain(() -> store.markProcessed(connection, ids))
                .chain(fresh -> {
                    List<IngestedEvent> news = events.stream().filter(event -> fresh.contains(event.eventId())).toList();
                    if (news.size() < events.size()) {
                        Log.debugf("Skipping %d events already applied", events.size() - news.size());
                    }
                    return news.isEmpty() ? Uni.createFrom().voidItem() : project(connection, news, publish);
                });
    }

    private Uni<Void> project(SqlConnection connection, List<IngestedEvent> events, Function<ProjectionOutcome, Uni<Void>> publish) {
        LoadPlan plan = LoadPlan.of(events);
        return store.loadOwners(connection, plan.owners())
                .chain(owners -> store.loadTies(connection, plan)
                        .chain(ties -> store.loadErasureMarkers(connection, plan.owners())
                                .map(markers -> new ProjectionBatch(model, owners, ties, markers))))
                .chain(batch -> {
                    Instant now = Instant.now();
                    ProjectionOutcome outcome = batch.applyAll(events).outcome(now, config.strengthEpsilon());
                    if (!outcome.heldBackEventIds().isEmpty()) {
                        Log.debugf("Held back %d events recorded before an erasure of their owner or contact",
                                outcome.heldBackEventIds().size());
                    }
                    return store.write(connection, outcome, now)
                            .chain(() -> publish.apply(outcome))
                            .invoke(() -> Log.debugf("Applied %d events: %d ties published, %d tombstones",
                                    events.size(), outcome.changedTies().size(), outcome.tombstones().size()));
                });
    }

    private static List<IngestedEvent> firstOfEachId(List<IngestedEvent> events) {
        Set<String> seen = new HashSet<>();
        List<IngestedEvent> unique = new ArrayList<>(events.size());
        for (IngestedEvent event : events) {
            if (seen.add(event.eventId())) {
                unique.add(event);
            }
        }
        return unique;
    }
}
