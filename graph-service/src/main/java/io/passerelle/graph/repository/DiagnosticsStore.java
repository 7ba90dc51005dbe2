package io.passerelle.graph.repository;

import io.passerelle.contracts.json.EventJson;
import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.diagnostics.DiagnosticsPoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The diagnostics cached per owner ({@code owner_diagnostics}, V3), tagged with the network version
 * they were computed from; the version ({@code network_versions}) changes, by trigger, in the same
 * transaction as anything the diagnostics read, and says which owners wait for a refresh (V5). A
 * stored entry whose main figures changed is also a point of the owner's history (V10).
 */
@ApplicationScoped
public class DiagnosticsStore {
    private final Pool pool;
    private final DiagnosticsHistoryStore history;

    public DiagnosticsStore(Pool pool, DiagnosticsHistoryStore history) {
        this.pool = pool;
        this.history = history;
    }

    /**
     * A known owner: the current version of its network (null until a writer stamped one) and its
     * cached diagnostics when they were computed from that version (null otherwise).
     */
    public record Lookup(String ownerId, Long version, Diagnostics current) {
    }

    /** Empty when the owner is unknown. */
    public Uni<Optional<Lookup>> lookup(String ownerId) {
        return pool.preparedQuery("""
                        SELECT o.owner_id, v.version, d.diagnostics
                        FROM owners o
                        LEFT JOIN network_versions v ON v.owner_id = o.owner_id
                        LEFT JOIN owner_diagnostics d ON d.owner_id = o.owner_id AND d.network_version = v.version
                        WHERE o.owner_id = $1""")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.<Lookup>empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Lookup(ownerId, row.getLong("version"),
                            ProjectionStore.read(row.getString("diagnostics"), Diagnostics.class)));
                });
    }

    /**
     * Stores diagnostics computed from network version {@code version}, unless the network changed
     * since (they would never be answered), the owner was erased, or another computation of the same
     * version was stored first, and marks the version diagnosed. Answers the diagnostics the cache
     * holds for that version once the write is done: the given ones when they were stored, those of
     * the computation stored first otherwise (so that every answer for one version is the same
     * document, and {@code computedAt} does not move while the network does not); empty when the
     * cache holds none for that version (the network changed, or the owner was erased, before any
     * computation of it was stored).
     *
     * <p>The version row is updated first, so it is held until the end: a writer changing the network
     * meanwhile waits, then moves the version past this entry; an erasure deletes the row first, so it
     * either waits for this entry and then deletes it, or has committed and this statement writes
     * nothing. Two writes of the same version queue on that row, so the second one's conflict is with
     * a committed entry, which the read that follows finds.
     *
     * <p>A stored entry adds its point to the owner's history, in the same transaction, when its main
     * figures differ from the last point's ({@link DiagnosticsHistoryStore#recordIfChanged}): the version
     * row held until the commit orders the points of one owner, and an erasure, which deletes that row
     * first, deletes the point with the entry.
     */
    public Uni<Optional<Diagnostics>> store(String ownerId, long version, Diagnostics diagnostics) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        WITH diagnosed AS (
                            UPDATE network_versions SET diagnosed_version = version, stale_since = NULL
                            WHERE owner_id = $1 AND version = $2
                            RETURNING owner_id, version)
                        INSERT INTO owner_diagnostics (owner_id, network_version, diagnostics, computed_at)
                        SELECT owner_id, version, $3, $4 FROM diagnosed
                        ON CONFLICT (owner_id) DO UPDATE SET
                            network_version = EXCLUDED.network_version, diagnostics = EXCLUDED.diagnostics,
                            computed_at = EXCLUDED.computed_at
                        WHERE owner_diagnostics.network_version <> EXCLUDED.network_version""")
                .execute(Tuple.of(ownerId, version, EventJson.write(diagnostics.withChange(null)), ProjectionStore.utc(diagnostics.computedAt())))
                .chain(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : history.recordIfChanged(connection, ownerId, DiagnosticsPoint.of(diagnostics)).replaceWith(true)))
                .chain(stored -> stored
                        ? Uni.createFrom().item(Optional.of(diagnostics))
                        : cached(ownerId, version));
    }

    /** The diagnostics cached for the owner's network version {@code version}, if those are the ones cached. */
    public Uni<Optional<Diagnostics>> cached(String ownerId, long version) {
        return pool.preparedQuery("SELECT diagnostics FROM owner_diagnostics WHERE owner_id = $1 AND network_version = $2")
                .execute(Tuple.of(ownerId, version))
                .map(rows -> rows.size() == 0
                        ? Optional.<Diagnostics>empty()
                        : Optional.of(ProjectionStore.read(rows.iterator().next().getString("diagnostics"), Diagnostics.class)));
    }

    /**
     * Claims up to {@code limit} owners whose network changed since it was last diagnosed (or that
     * never was), once the network has been quiet for {@code quiet} (a burst of changes is diagnosed
     * once) or has been waiting for {@code maxAge} (a network that never rests is still refreshed);
     * the longest waiting first. A claim lasts {@code lease}: other instances skip the owner
     * meanwhile, and take it over if this one died. Owners a writer is changing right now are skipped
     * (their rows are locked): they are not quiet.
     */
    public Uni<List<String>> claimStale(Duration quiet, Duration maxAge, Duration lease, int limit) {
        return pool.preparedQuery("""
                        UPDATE network_versions v SET refresh_claimed_until = now() + $3 * interval '1 millisecond'
                        WHERE v.owner_id IN (
                            SELECT s.owner_id
                            FROM network_versions s
                            WHERE s.diagnosed_version IS DISTINCT FROM s.version
                              AND (s.refresh_claimed_until IS NULL OR s.refresh_claimed_until < now())
                              AND (s.changed_at <= now() - $1 * interval '1 millisecond'
                                   OR s.stale_since <= now() - $2 * interval '1 millisecond')
                            ORDER BY s.changed_at
                            LIMIT $4
                            FOR UPDATE SKIP LOCKED)
                        RETURNING v.owner_id""")
                .execute(Tuple.of(quiet.toMillis(), maxAge.toMillis(), lease.toMillis(), limit))
                .map(rows -> {
                    List<String> owners = new ArrayList<>(rows.size());
                    rows.forEach(row -> owners.add(row.getString("owner_id")));
                    return owners;
                });
    }

    /** Gives a claimed owner back, refreshed or not, so that it is taken again as soon as it is due rather than after the lease. */
    public Uni<Void> release(String ownerId) {
        return pool.preparedQuery("UPDATE network_versions SET refresh_claimed_until = NULL WHERE owner_id = $1 AND refresh_claimed_until IS NOT NULL")
                .execute(Tuple.of(ownerId))
                .replaceWithVoid();
    }
}
