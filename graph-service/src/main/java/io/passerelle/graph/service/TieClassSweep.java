package io.passerelle.graph.service;

import io.passerelle.contracts.model.Tie;
import io.passerelle.graph.config.GraphConfig;
import io.passerelle.graph.messaging.TieUpdatePublisher;
import io.passerelle.graph.projection.ProjectionOutcome;
import io.passerelle.graph.repository.ProjectionStore;
import io.passerelle.graph.repository.TieSweepStore;
import io.passerelle.graph.repository.TieSweepStore.DueTie;
import io.passerelle.graph.repository.TieSweepStore.SweptTie;
import io.passerelle.tie.TieAssessment;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStrengthModel;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the class changes that time alone causes (a STRONG tie fading to WEAK, a silent tie
 * turning DORMANT), which no event would otherwise announce. Every tie row carries the instant its
 * class next changes with time ({@code class_changes_at}); each run claims the due ties page by page
 * ({@code FOR UPDATE SKIP LOCKED}, so that several instances share the work without doing it twice),
 * re-evaluates them as of now, publishes {@code passerelle.tie.updated} for each class that moved and
 * stores the new class and next instant, publishing before the commit as the projection does.
 *
 * <p>The same runs keep the stored strengths fresh for the tie listing, which reads a page through an
 * index in the stored order instead of scoring every tie of the owner on each request: a tie whose
 * score is older than {@code sweep.rescore-after} is claimed too, re-scored as of now and stored
 * without a publication (its class did not move). A listed strength is therefore at most
 * {@code rescore-after} plus one sweep interval old (README, "Tie reads").
 */
@ApplicationScoped
public class TieClassSweep {
    private final Pool pool;
    private final TieSweepStore store;
    private final ProjectionStore projectionStore;
    private final TieUpdatePublisher publisher;
    private final TieStrengthModel model;
    private final GraphConfig config;

    public TieClassSweep(Pool pool, TieSweepStore store, ProjectionStore projectionStore, TieUpdatePublisher publisher,
            TieStrengthModel model, GraphConfig config) {
        this.pool = pool;
        this.store = store;
        this.projectionStore = projectionStore;
        this.publisher = publisher;
        this.model = model;
        this.config = config;
    }

    /** What one page did. */
    public record PageResult(int claimed, int published) {
    }

    // Skipped once shutdown began: the database pool may be closed already, and a run would only log its failure.
    @Scheduled(identity = "tie-class-sweep", every = "${passerelle.graph.sweep.every:60s}", delayed = "${passerelle.graph.sweep.initial-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        if (!config.sweep().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return sweep()
                .invoke(published -> {
                    if (published > 0) {
                        Log.infof("Sweep published %d class changes", published);
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("Sweep failed, the next run goes on: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Sweeps until no due tie is left or {@code maxPages} pages were done; answers the number of class changes published. */
    public Uni<Integer> sweep() {
        return sweepFrom(0, 0);
    }

    private Uni<Integer> sweepFrom(int page, int publishedSoFar) {
        if (page >= config.sweep().maxPages()) {
            return Uni.createFrom().item(publishedSoFar);
        }
        return pool.withTransaction(this::sweepPage)
                .chain(result -> result.claimed() < config.sweep().pageSize()
                        ? Uni.createFrom().item(publishedSoFar + result.published())
                        : sweepFrom(page + 1, publishedSoFar + result.published()));
    }

    private Uni<PageResult> sweepPage(SqlConnection connection) {
        Instant now = Instant.now();
        // A replay holds the fence exclusively while it rebuilds: the sweep waits for the next run rather than block.
        return projectionStore.tryHoldReplayFence(connection).chain(held -> !held
                ? Uni.createFrom().item(new PageResult(0, 0))
                : store.claimDue(connection, now, now.minus(config.sweep().rescoreAfter()), config.sweep().pageSize()).chain(due -> {
                    List<SweptTie> swept = new ArrayList<>(due.size());
                    List<ProjectionOutcome.TieChange> changes = new ArrayList<>();
                    for (DueTie tie : due) {
                        TieAssessment assessment = model.assess(tie.statistics(), tie.contact(), tie.owner(), now);
                        boolean changed = assessment.tieClass() != tie.storedClass();
                        Instant next = model.nextClassChange(tie.statistics(), tie.contact(), tie.owner(), now);
                        swept.add(new SweptTie(tie.key(), assessment.strength(), assessment.tieClass(), next, changed));
                        if (changed) {
                            // Without a recorded peak (a row older than V9), the description takes the strength as of the last interaction.
                            Tie described = model.describe(tie.key().contactId(), tie.statistics(), tie.contact(), assessment,
                                    tie.peak() == null ? TiePeak.NONE : tie.peak(), now);
                            // The cause names the stored state and the new class: a retried page republishes under the same id.
                            String cause = tie.lastEventId() + "/" + assessment.tieClass();
                            changes.add(new ProjectionOutcome.TieChange(tie.key(), tie.statistics(), tie.contact(), assessment,
                                    described, tie.storedClass(), cause, next));
                        }
                    }
                    ProjectionOutcome outcome = new ProjectionOutcome(List.of(), List.of(), List.of(), List.of(), changes, List.of());
                    return publisher.publish(outcome)
                            .chain(() -> store.update(connection, swept, now))
                            .replaceWith(new PageResult(due.size(), changes.size()));
                }));
    }
}
