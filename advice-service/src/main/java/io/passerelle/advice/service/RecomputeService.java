package io.passerelle.advice.service;

import io.passerelle.advice.Objective;
import io.passerelle.advice.config.AdviceConfig;
import io.passerelle.advice.issuance.IssuanceState;
import io.passerelle.advice.issuance.Reconciliation;
import io.passerelle.advice.issuance.RecommendationReconciler;
import io.passerelle.advice.issuance.WithdrawalReason;
import io.passerelle.advice.metrics.AdviceMetrics;
import io.passerelle.advice.ranking.CoolDownPolicy;
import io.passerelle.advice.ranking.RankableTie;
import io.passerelle.advice.ranking.RankingRequest;
import io.passerelle.advice.ranking.WeakTieRanker;
import io.passerelle.advice.repository.RankingInputRepository;
import io.passerelle.advice.repository.RecommendationLedger;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.runtime.tracing.TraceContext;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recomputes an owner's recommendations for every objective and records what changed, with its
 * events, in one transaction. Recomputes of the same owner are serialised by a transaction-scoped
 * advisory lock, so that two instances (or the worker and an objective's PUT) never issue the same
 * version twice.
 */
@ApplicationScoped
public class RecomputeService {
    private final Pool pool;
    private final RankingInputRepository inputs;
    private final RecommendationLedger ledger;
    private final WeakTieRanker ranker;
    private final CoolDownPolicy coolDown;
    private final AdviceConfig config;
    private final RecommendationReconciler reconciler = new RecommendationReconciler();
    private final AdviceMetrics metrics;

    public RecomputeService(Pool pool, RankingInputRepository inputs, RecommendationLedger ledger, WeakTieRanker ranker,
                            CoolDownPolicy coolDown, AdviceConfig config, AdviceMetrics metrics) {
        this.metrics = metrics;
        this.pool = pool;
        this.inputs = inputs;
        this.ledger = ledger;
        this.ranker = ranker;
        this.coolDown = coolDown;
        this.config = config;
    }

    /** Recomputes the owner now, in a transaction of its own. */
    public Uni<Void> recompute(String ownerId) {
        return pool.withTransaction(connection -> recompute(connection, ownerId));
    }

    /** Recomputes the owner in the caller's transaction, in the trace of the request being served. */
    public Uni<Void> recompute(SqlConnection connection, String ownerId) {
        return recompute(connection, ownerId, TraceContext.current());
    }

    /**
     * Recomputes the owner in the caller's transaction; the events and webhooks it issues carry
     * {@code traceparent} (the trace of the change that made the owner due; null for none).
     */
    public Uni<Void> recompute(SqlConnection connection, String ownerId, String traceparent) {
        return Uni.createFrom().deferred(() -> {
            var timing = metrics.startRecompute();
            return recomputeTimed(connection, ownerId, traceparent).onTermination().invoke(() -> metrics.recomputed(timing));
        });
    }

    private Uni<Void> recomputeTimed(SqlConnection connection, String ownerId, String traceparent) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return lock(connection, ownerId)
                .chain(() -> Uni.combine().all().unis(
                        inputs.objectivesOf(connection, ownerId),
                        inputs.tiesOf(connection, ownerId),
                        inputs.profileOf(connection, ownerId),
                        inputs.feedbackOf(connection, ownerId, now, coolDown.longest())).asTuple())
                .chain(loaded -> {
                    List<Objective> objectives = loaded.getItem1();
                    List<RankableTie> ties = loaded.getItem2();
                    OwnerProfile profile = loaded.getItem3().orElse(null);
                    List<CoolDownPolicy.Feedback> feedback = loaded.getItem4();
                    Set<String> contacts = ties.stream().map(RankableTie::contactId).collect(Collectors.toCollection(HashSet::new));
                    return Multi.createFrom().iterable(objectives)
                            .onItem().transformToUniAndConcatenate(objective -> ledger.states(connection, ownerId, objective.objectiveId())
                                    .chain(states -> {
                                        Set<String> resting = coolDown.coolingDown(objective.objectiveId(), feedback, now);
                                        var ranked = ranker.rank(new RankingRequest(ownerId, objective, profile, ties,
                                                config.recompute().keptPerObjective(), now, resting));
                                        Reconciliation changes = reconciler.reconcile(ownerId, objective.objectiveId(), objective.type(),
                                                states, ranked, contacts, resting, now);
                                        if (!changes.changesNothingPublished()) {
                                            Log.debugf("Owner %s objective %s: %d issued, %d withdrawn", ownerId, objective.objectiveId(),
                                                    changes.issued().size(), changes.withdrawn().size());
                                        }
                                        return ledger.record(connection, changes, now, traceparent);
                                    }))
                            .collect().last().replaceWithVoid();
                });
    }

    /** Deletes an objective and withdraws its recommendations in one transaction; false if there was no such objective. */
    public Uni<Boolean> deleteObjective(String ownerId, String objectiveId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return pool.withTransaction(connection -> lock(connection, ownerId)
                .chain(() -> connection.preparedQuery("DELETE FROM objectives WHERE owner_id = $1 AND objective_id = $2 RETURNING type")
                        .execute(Tuple.of(ownerId, objectiveId)))
                .chain(deleted -> {
                    if (deleted.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    ObjectiveType type = ObjectiveType.valueOf(deleted.iterator().next().getString("type"));
                    return ledger.states(connection, ownerId, objectiveId)
                            .map(states -> reconciler.withdrawAll(ownerId, objectiveId, type, states, WithdrawalReason.OBJECTIVE_DELETED))
                            .chain(withdrawal -> ledger.record(connection, withdrawal, now))
                            .chain(() -> ledger.forgetRun(connection, ownerId, objectiveId))
                            .replaceWith(true);
                }));
    }

    /** Marks the owner due now, for the worker's next poll, in the trace of the request being served. */
    public Uni<Void> markDueSoon(String ownerId) {
        return markDueNow(pool, List.of(ownerId));
    }

    /** Marks the owners due now, for the worker's next poll, in the trace of the request being served. */
    public static Uni<Void> markDueNow(io.vertx.mutiny.sqlclient.SqlClient client, List<String> ownerIds) {
        String traceparent = TraceContext.current();
        Map<String, String> causes = new TreeMap<>();
        ownerIds.forEach(owner -> causes.put(owner, traceparent));
        return markDue(client, causes, 0, 0);
    }

    /**
     * Marks the owners (keys) for a recompute {@code delayMillis} after this change, a due time each later
     * change pushes back, but never beyond {@code maxWaitMillis} after the first change not yet recomputed
     * (an earlier due time is kept when this change asks for none later: {@code delayMillis} 0). Each value is
     * the {@code traceparent} of the change that makes the owner due (or null), under which the recompute
     * then issues its events.
     */
    public static Uni<Void> markDue(io.vertx.mutiny.sqlclient.SqlClient client, Map<String, String> traceparentsByOwner,
            long delayMillis, long maxWaitMillis) {
        if (traceparentsByOwner.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, String> sorted = new TreeMap<>(traceparentsByOwner);
        return client.preparedQuery(MARK_DUE).execute(Tuple.of(sorted.keySet().toArray(String[]::new), delayMillis,
                        sorted.values().toArray(String[]::new), Math.max(delayMillis, maxWaitMillis)))
                .replaceWithVoid();
    }

    /**
     * Upserts due owners; DO UPDATE (not DO NOTHING) takes the row lock, so it waits for a recompute in progress
     * (which deletes the row: the change then opens a new window). A change's due time ($2 after it) replaces a
     * sooner one, a trailing debounce, up to $4 after the row's first change; a change due at once never delays
     * one due sooner. The latest traced change gives the recompute its trace.
     */
    public static final String MARK_DUE = """
            INSERT INTO owner_recompute (owner_id, due_at, traceparent, first_marked_at)
            SELECT o.owner_id, now() + ($2::bigint * interval '1 millisecond'), o.traceparent, now()
            FROM UNNEST($1::text[], $3::text[]) AS o(owner_id, traceparent)
            ON CONFLICT (owner_id) DO UPDATE SET
                due_at = CASE WHEN $2::bigint = 0 THEN LEAST(owner_recompute.due_at, EXCLUDED.due_at)
                              ELSE LEAST(GREATEST(owner_recompute.due_at, EXCLUDED.due_at),
                                         owner_recompute.first_marked_at + ($4::bigint * interval '1 millisecond')) END,
                traceparent = COALESCE(EXCLUDED.traceparent, owner_recompute.traceparent)""";

    private static Uni<Void> lock(SqlConnection connection, String ownerId) {
        return connection.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('advice-recompute'), hashtext($1))")
                .execute(Tuple.of(ownerId)).replaceWithVoid();
    }
}
