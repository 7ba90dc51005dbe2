package io.passerelle.graph.service;

import io.passerelle.graph.config.DiagnosticsConfig;
import io.passerelle.graph.repository.DiagnosticsStore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Recomputes in the background the cached diagnostics whose network changed, once it has been quiet
 * for a moment (a burst of changes, an import, is diagnosed once), so that an owner who asked for
 * them once finds them current at the next request instead of waiting for a computation. Owners who
 * never asked cost nothing. Entries are claimed for a lease, so that several instances share the work.
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

    @Scheduled(identity = "diagnostics-refresh", every = "${passerelle.graph.diagnostics.refresh.every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.refresh().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return refreshStale()
                .onFailure().invoke(failure -> Log.warnf("Diagnostics refresh failed, the next run goes on: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Claims the stale entries due now and recomputes them one after the other; answers how many were recomputed. */
    public Uni<Integer> refreshStale() {
        DiagnosticsConfig.Refresh refresh = config.refresh();
        return cache.claimStale(refresh.quiet(), refresh.maxAge(), refresh.lease(), refresh.batchSize())
                .chain(owners -> Multi.createFrom().iterable(owners)
                        .onItem().transformToUniAndConcatenate(owner -> diagnostics.refresh(owner)
                                .onFailure().invoke(failure -> Log.warnf("Refreshing the diagnostics of %s failed: %s", owner, failure.toString()))
                                .onFailure().recoverWithNull()
                                .call(() -> cache.release(owner)))
                        .collect().asList()
                        .invoke(done -> {
                            if (!done.isEmpty()) {
                                Log.debugf("Refreshed the diagnostics of %d owners", done.size());
                            }
                        })
                        .map(done -> done.size()));
    }
}
