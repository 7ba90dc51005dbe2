package io.passerelle.graph.service;

import io.passerelle.graph.config.DiagnosticsConfig;
import io.passerelle.graph.repository.DiagnosticsStore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Recomputes in the background the diagnostics of every owner whose network changed, once it has
 * been quiet for a moment (a burst of changes, an import, is diagnosed once), so that a request,
 * even an owner's first, finds them current instead of waiting for a computation. Owners are
 * claimed for a lease, so that several instances share the work; one instance computes one owner at
 * a time, and goes on claiming while it finds full batches, so that a backlog (after a replay, say)
 * is worked through without waiting for the next run.
 */
@ApplicationScoped
public class DiagnosticsRefresh {
    private final DiagnosticsStore cache;
    private final DiagnosticsService diagnostics;
    private final DiagnosticsConfig config;

    public DiagnosticsRefresh(DiagnosticsStore cache, DiagnosticsService diagnostics, DiagnosticsConfig config) {
        this.cache = cache;
        this.diagnostics = diagnostics;
        this.config = config;
    }

    // Skipped once shutdown began: the database pool may be closed already, and a run would only log its failure.
    @Scheduled(identity = "diagnostics-refresh", every = "${passerelle.graph.diagnostics.refresh.every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        if (!config.refresh().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return refreshStale()
                .onFailure().invoke(failure -> Log.warnf("Diagnostics refresh failed, the next run goes on: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Claims the owners due now, batch after batch while batches are full, and recomputes them; answers how many were claimed. */
    public Uni<Integer> refreshStale() {
        int batchSize = config.refresh().batchSize();
        return Multi.createBy().repeating().uni(this::refreshBatch)
                .whilst(claimed -> claimed == batchSize)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> refreshBatch() {
        DiagnosticsConfig.Refresh refresh = config.refresh();
        return cache.claimStale(refresh.quiet(), refresh.maxAge(), refresh.lease(), refresh.batchSize())
                .call(owners -> Multi.createFrom().iterable(owners)
                        .onItem().transformToUniAndConcatenate(this::refreshClaimed)
                        .collect().asList()
                        .invoke(refreshed -> Log.debugf("Refreshed the diagnostics of %d of %d owners claimed", refreshed.size(), owners.size())))
                .map(List::size);
    }

    /**
     * Recomputes one claimed owner and gives it back. A failure keeps the claim until its lease ends:
     * an owner that cannot be diagnosed now is tried again then, not at every run.
     */
    private Uni<String> refreshClaimed(String owner) {
        return diagnostics.refresh(owner)
                .call(() -> cache.release(owner))
                .replaceWith(owner)
                .onFailure().invoke(failure -> Log.warnf("Refreshing the diagnostics of %s failed, tried again once its claim lapses: %s",
                        owner, failure.toString()))
                .onFailure().recoverWithNull();
    }
}
