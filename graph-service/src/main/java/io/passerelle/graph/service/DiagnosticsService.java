package io.passerelle.graph.service;

import io.passerelle.graph.config.DiagnosticsConfig;
import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.diagnostics.DiagnosticsChange;
import io.passerelle.graph.diagnostics.DiagnosticsPoint;
import io.passerelle.graph.diagnostics.NetworkDiagnostics;
import io.passerelle.graph.repository.DiagnosticsHistoryStore;
import io.passerelle.graph.repository.DiagnosticsHistoryStore.PointRange;
import io.passerelle.graph.repository.DiagnosticsStore;
import io.passerelle.graph.repository.NetworkStore;
import io.passerelle.graph.repository.NetworkStore.NetworkSnapshot;
import io.passerelle.runtime.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An owner's diagnostics, answered from the cache ({@code owner_diagnostics}) when they were computed
 * from the current version of the owner's network, otherwise computed and stored, and answered as
 * the cache then holds them: when another computation of the same version was stored first, its
 * entry is the answer, so that one version always gives one document. The
 * version changes in the same transaction as any change the diagnostics read (V3's triggers on ties,
 * contacts and owners, whichever writes them: projection, sweep, erasure, replay), so a cached answer
 * is never stale. A computation reads the stored tie classes and scales (the projection writes them
 * with every change and the sweep moves the classes that change with time) and the contacts'
 * diagnosed attributes in one snapshot, diagnosing each contact as it is read; its
 * {@code computedAt} says when it was computed.
 *
 * <p>Every stored computation whose main figures changed is a point of the owner's history
 * ({@link DiagnosticsStore#store}). The change since 30 and 90 days is not cached: it depends on the
 * instant of the request as much as on the network (a point ages past 30 days while the network does
 * not change), so {@link #current} works it out at each request from the answer and the two points in
 * force then, read by one indexed query.
 */
@ApplicationScoped
public class DiagnosticsService {
    /** The most points a history answer holds: the latest ones when more match. */
    public static final int HISTORY_LIMIT = 1000;

    private final NetworkStore network;
    private final DiagnosticsStore cache;
    private final DiagnosticsHistoryStore history;
    /** Computations running on this instance by owner and network version: concurrent misses share one. */
    private final Map<String, Uni<Optional<Diagnostics>>> running = new ConcurrentHashMap<>();

    private final double minimumMutualDataShare;

    public DiagnosticsService(NetworkStore network, DiagnosticsStore cache, DiagnosticsHistoryStore history, DiagnosticsConfig config) {
        this.network = network;
        this.cache = cache;
        this.history = history;
        this.minimumMutualDataShare = config.brokerage().minimumMutualDataShare();
    }

    /** The diagnostics as answered: {@link #diagnose}, with their change since 30 and 90 days as of now. */
    public Uni<Diagnostics> current(String ownerId) {
        return diagnose(ownerId).chain(diagnostics -> {
            Instant now = Instant.now();
            return history.inForceAt(ownerId, List.of(DiagnosticsChange.comparedAsOf(now, DiagnosticsChange.SHORT_WINDOW),
                            DiagnosticsChange.comparedAsOf(now, DiagnosticsChange.LONG_WINDOW)))
                    .map(inForce -> diagnostics.withChange(DiagnosticsChange.of(DiagnosticsPoint.of(diagnostics), inForce.get(0), inForce.get(1))));
        });
    }

    /**
     * The owner's history points computed from {@code from} to {@code to} (both included, null for no
     * bound), oldest first, at most {@link #HISTORY_LIMIT} (the latest ones, {@code truncated} then).
     */
    public Uni<PointRange> history(String ownerId, Instant from, Instant to) {
        return history.points(ownerId, from, to, HISTORY_LIMIT).map(points -> points.orElseThrow(() -> unknown(ownerId)));
    }

    public Uni<Diagnostics> diagnose(String ownerId) {
        return cache.lookup(ownerId).chain(found -> {
            DiagnosticsStore.Lookup lookup = found.orElseThrow(() -> unknown(ownerId));
            if (lookup.current() != null) {
                return Uni.createFrom().item(lookup.current());
            }
            return shared(ownerId, lookup.version())
                    .map(computed -> computed.orElseThrow(() -> unknown(ownerId)));
        });
    }

    /**
     * Computes the owner's diagnostics from its network now and caches them; empty when the owner is
     * unknown. Answers what the cache holds for the version computed from: when another computation
     * of the same version (a request on another instance, the background refresh) was stored first,
     * that one, not this one, so that every answer for one version is the same document. Only when
     * the network changed, or the owner was erased, before any computation of this version was
     * stored does it answer its own.
     */
    public Uni<Optional<Diagnostics>> refresh(String ownerId) {
        // Each member is counted as its row is decoded; what needs them all (brokerage) is finished after.
        return network.snapshot(ownerId, profile -> new NetworkDiagnostics.Accumulator(profile, minimumMutualDataShare)).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<Diagnostics>empty());
            }
            NetworkSnapshot<NetworkDiagnostics.Accumulator> snapshot = found.get();
            // Sorting and walking hundreds of thousands of ties among alters takes tens of milliseconds: not on the event loop.
            // computedAt to the microsecond the database keeps: the history's point has the same instant as the cached entry.
            return Uni.createFrom().item(() -> snapshot.members().result(ownerId, Instant.now().truncatedTo(ChronoUnit.MICROS)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(diagnostics -> snapshot.version() == null
                            ? Uni.createFrom().item(diagnostics)
                            : cache.store(ownerId, snapshot.version(), diagnostics)
                                    .map(kept -> {
                                        Log.debugf("Diagnostics of %s computed from version %d (%s)", ownerId, snapshot.version(),
                                                kept.isEmpty() ? "not cached: the network changed meanwhile"
                                                        : kept.get() == diagnostics ? "cached" : "the version was cached already: answering that entry");
                                        return kept.orElse(diagnostics);
                                    }))
                    .map(Optional::of);
        });
    }

    private Uni<Optional<Diagnostics>> shared(String ownerId, Long version) {
        String key = ownerId + "@" + version;
        return running.computeIfAbsent(key, k -> refresh(ownerId)
                .onTermination().invoke(() -> running.remove(k))
                .memoize().indefinitely());
    }

    private static ProblemException unknown(String ownerId) {
        return ProblemException.notFound("No owner " + ownerId + ": an owner is known once one of its events has been received.");
    }
}
