package io.passerelle.advice.messaging;

import io.passerelle.advice.config.AdviceConfig;
import io.passerelle.advice.service.RecomputeService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Recomputes the owners whose ties or profile changed, once their debounce window has passed: a
 * burst of changes for one owner leads to one recompute, not one per change. Each owner is claimed
 * with {@code FOR UPDATE SKIP LOCKED} in the transaction that recomputes it, so several instances
 * share the work and an owner is never recomputed twice at once; the claim is released (the row
 * deleted) only when the recompute commits.
 */
@ApplicationScoped
public class RecomputeWorker {
    static final String CLAIM = """
            SELECT owner_id, traceparent FROM owner_recompute WHERE due_at <= now() ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""";

    private final Pool pool;
    private final RecomputeService recompute;
    private final AdviceConfig.Recompute settings;

    public RecomputeWorker(Pool pool, RecomputeService recompute, AdviceConfig config) {
        this.pool = pool;
        this.recompute = recompute;
        this.settings = config.recompute();
    }

    // Skipped once shutdown began: the database pool may be closed already, and a run would only log its failure.
    @Scheduled(every = "${advice.recompute.poll-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return next(settings.batchSize());
    }

    private Uni<Void> next(int remaining) {
        if (remaining <= 0) {
            return Uni.createFrom().voidItem();
        }
        return recomputeOne().chain(done -> done ? next(remaining - 1) : Uni.createFrom().voidItem());
    }

    /** Recomputes one due owner; false when none is due. */
    Uni<Boolean> recomputeOne() {
        String[] claimed = new String[1];
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM).execute()
                        .chain(rows -> {
                            Optional<String> owner = rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0));
                            if (owner.isEmpty()) {
                                return Uni.createFrom().item(false);
                            }
                            claimed[0] = owner.get();
                            String traceparent = rows.iterator().next().getString("traceparent");
                            return recompute.recompute(connection, owner.get(), traceparent)
                                    .chain(() -> connection.preparedQuery("DELETE FROM owner_recompute WHERE owner_id = $1")
                                            .execute(Tuple.of(owner.get())))
                                    .replaceWith(true);
                        }))
                .onFailure().recoverWithUni(failure -> {
                    if (claimed[0] == null) {
                        Log.warnf("Claiming an owner to recompute failed: %s", failure.toString());
                        return Uni.createFrom().item(false);
                    }
                    Log.warnf(failure, "Recomputing owner %s failed; retrying in %s", claimed[0], settings.retryDelay());
                    // A new window: changes meanwhile push the retry back as any others, not forward.
                    return pool.preparedQuery("""
                            UPDATE owner_recompute SET due_at = now() + ($2::bigint * interval '1 millisecond'), first_marked_at = now()
                            WHERE owner_id = $1""")
                            .execute(Tuple.of(claimed[0], settings.retryDelay().toMillis()))
                            .replaceWith(true)
                            .onFailure().recoverWithItem(false);
                });
    }
}
