package io.passerelle.graph.service;

import io.passerelle.graph.config.DiagnosticsConfig;
import io.passerelle.graph.diagnostics.HistoryThinning;
import io.passerelle.graph.diagnostics.HistoryThinning.Plan;
import io.passerelle.graph.diagnostics.HistoryThinning.Stage;
import io.passerelle.graph.repository.DiagnosticsHistoryStore;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thins the diagnostics' history as it ages (the rule is {@link HistoryThinning}'s): each run takes
 * the owners with points that aged past their stage, a batch at a time, reads all of their points,
 * deletes those the rule does not keep and records how far the others were judged, in one transaction
 * per batch. Several instances may run it: the same judgement applied twice deletes nothing more.
 */
@Startup
@ApplicationScoped
public class DiagnosticsHistoryThinning {
    private final Pool pool;
    private final DiagnosticsHistoryStore store;
    private final DiagnosticsConfig config;
    private final HistoryThinning rule;

    /** Fails the start when the configured durations make no rule, rather than every run later. */
    public DiagnosticsHistoryThinning(Pool pool, DiagnosticsHistoryStore store, DiagnosticsConfig config) {
        this.pool = pool;
        this.store = store;
        this.config = config;
        this.rule = new HistoryThinning(config.history().keepEveryPointFor(), config.history().keepDailyPointsFor());
    }

    /** What a run did. */
    public record Outcome(int owners, int deleted) {
        Outcome plus(Outcome other) {
            return new Outcome(owners + other.owners, deleted + other.deleted);
        }
    }

    // Skipped once shutdown began: the database pool may be closed already, and a run would only log its failure.
    @Scheduled(identity = "diagnostics-history-thinning", every = "${passerelle.graph.diagnostics.history.thinning.every:1h}",
            delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        if (!config.history().thinning().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return thin(Instant.now())
                .invoke(outcome -> {
                    if (outcome.deleted() > 0) {
                        Log.infof("Thinned the diagnostics history of %d owners: %d points deleted", outcome.owners(), outcome.deleted());
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("Thinning the diagnostics history failed, the next run goes on: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Thins the history as of {@code now}, batch after batch, until no owner is due or {@code max-batches} were done. */
    public Uni<Outcome> thin(Instant now) {
        return thinFrom(now, 0, new Outcome(0, 0));
    }

    private Uni<Outcome> thinFrom(Instant now, int batch, Outcome soFar) {
        DiagnosticsConfig.History.Thinning thinning = config.history().thinning();
        if (batch >= thinning.maxBatches()) {
            return Uni.createFrom().item(soFar);
        }
        return pool.withTransaction(connection -> thinBatch(connection, now, thinning.batchSize()))
                .chain(outcome -> outcome.owners() == 0
                        ? Uni.createFrom().item(soFar)
                        : thinFrom(now, batch + 1, soFar.plus(outcome)));
    }

    private Uni<Outcome> thinBatch(SqlConnection connection, Instant now, int batchSize) {
        return store.ownersToThin(connection, rule.dailyBefore(now), rule.weeklyBefore(now), batchSize)
                .chain(owners -> owners.isEmpty()
                        ? Uni.createFrom().item(new Outcome(0, 0))
                        : store.storedPoints(connection, owners).chain(points -> {
                            List<Long> deleted = new ArrayList<>();
                            Map<Long, Stage> restaged = new LinkedHashMap<>();
                            points.values().forEach(ownerPoints -> {
                                Plan plan = rule.plan(ownerPoints, now);
                                deleted.addAll(plan.deleted());
                                restaged.putAll(plan.restaged());
                            });
                            return store.delete(connection, deleted)
                                    .call(() -> store.restage(connection, restaged))
                                    .map(count -> new Outcome(owners.size(), count));
                        }));
    }
}
