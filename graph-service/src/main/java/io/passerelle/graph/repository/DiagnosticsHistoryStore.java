package io.passerelle.graph.repository;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.diagnostics.DiagnosticsPoint;
import io.passerelle.graph.diagnostics.DiagnosticsPoint.BrokerageFigures;
import io.passerelle.graph.diagnostics.HistoryThinning.Stage;
import io.passerelle.graph.diagnostics.HistoryThinning.StoredPoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history of each owner's diagnostics ({@code diagnostics_history}, V10): points written with the
 * cache entry they come from, read by time range and as of an instant, thinned as they age.
 */
@ApplicationScoped
public class DiagnosticsHistoryStore {
    private static final String POINT_COLUMNS = """
            h.id, h.computed_at, h.contacts, h.strong, h.weak, h.dormant, h.nascent, h.alter_ego_index,
            h.neighbourhood, h.city, h.department, h.region, h.country, h.europe, h.world, h.unknown_scale,
            h.brokerage_constraint, h.brokerage_effective_size, h.brokerage_efficiency
            """;

    private final Pool pool;

    public DiagnosticsHistoryStore(Pool pool) {
        this.pool = pool;
    }

    /** Points of a known owner, oldest first; {@code truncated} when more matched than were answered (the oldest left out). */
    public record PointRange(List<DiagnosticsPoint> points, boolean truncated) {
    }

    /**
     * Records the point unless its figures are those of the owner's last point, on the connection of
     * the transaction that stored the cache entry it comes from: that transaction holds the owner's
     * version row, so no other point of the owner is recorded meanwhile. True when recorded.
     */
    public Uni<Boolean> recordIfChanged(SqlConnection connection, String ownerId, DiagnosticsPoint point) {
        return connection.preparedQuery("SELECT " + POINT_COLUMNS + """
                         FROM diagnostics_history h WHERE h.owner_id = $1 ORDER BY h.computed_at DESC, h.id DESC LIMIT 1""")
                .execute(Tuple.of(ownerId))
                .chain(rows -> {
                    if (rows.size() > 0 && point.sameFiguresAs(point(rows.iterator().next()))) {
                        return Uni.createFrom().item(false);
                    }
                    return insert(connection, ownerId, point).replaceWith(true);
                });
    }

    /** Writes a point as given, whatever the owner's last one (also for points of the past, in tests). */
    public Uni<Void> insert(SqlConnection connection, String ownerId, DiagnosticsPoint point) {
        BrokerageFigures brokerage = point.brokerageFigures();
        return connection.preparedQuery("""
                        INSERT INTO diagnostics_history (owner_id, computed_at, contacts, strong, weak, dormant, nascent, alter_ego_index,
                                                         neighbourhood, city, department, region, country, europe, world, unknown_scale,
                                                         brokerage_constraint, brokerage_effective_size, brokerage_efficiency)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)""")
                .execute(Tuple.from(Arrays.asList(ownerId, ProjectionStore.utc(point.computedAt()), point.contacts(),
                        point.count(TieClass.STRONG), point.count(TieClass.WEAK), point.count(TieClass.DORMANT), point.count(TieClass.NASCENT),
                        point.alterEgoIndex(),
                        point.count(GeographicScale.NEIGHBOURHOOD), point.count(GeographicScale.CITY), point.count(GeographicScale.DEPARTMENT),
                        point.count(GeographicScale.REGION), point.count(GeographicScale.COUNTRY), point.count(GeographicScale.EUROPE),
                        point.count(GeographicScale.WORLD), point.count(GeographicScale.UNKNOWN),
                        brokerage.constraint(), brokerage.effectiveSize(), brokerage.efficiency())))
                .replaceWithVoid();
    }

    /**
     * The points of the owner computed from {@code from} to {@code to} (both included, either null for
     * no bound), at most {@code limit}, the latest ones when more match, answered oldest first; empty
     * when the owner is unknown.
     */
    public Uni<Optional<PointRange>> points(String ownerId, Instant from, Instant to, int limit) {
        return pool.preparedQuery("SELECT o.owner_id AS known, " + POINT_COLUMNS + """
                         FROM owners o
                        LEFT JOIN LATERAL (
                            SELECT * FROM diagnostics_history p
                            WHERE p.owner_id = o.owner_id
                              AND p.computed_at >= coalesce($2::timestamptz, '-infinity'::timestamptz)
                              AND p.computed_at <= coalesce($3::timestamptz, 'infinity'::timestamptz)
                            ORDER BY p.computed_at DESC, p.id DESC
                            LIMIT $4) h ON true
                        WHERE o.owner_id = $1""")
                .execute(Tuple.from(Arrays.asList(ownerId, ProjectionStore.utc(from), ProjectionStore.utc(to), limit + 1)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.<PointRange>empty();
                    }
                    List<DiagnosticsPoint> points = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        if (row.getLong("id") != null) {
                            points.add(point(row));
                        }
                    }
                    boolean truncated = points.size() > limit;
                    List<DiagnosticsPoint> answered = new ArrayList<>(truncated ? points.subList(0, limit) : points);
                    Collections.reverse(answered);
                    return Optional.of(new PointRange(List.copyOf(answered), truncated));
                });
    }

    /**
     * For each instant, the owner's point in force then: the newest computed at or before it, null
     * when none is that old. In the order of {@code instants}.
     */
    public Uni<List<DiagnosticsPoint>> inForceAt(String ownerId, List<Instant> instants) {
        OffsetDateTime[] asOf = instants.stream().map(ProjectionStore::utc).toArray(OffsetDateTime[]::new);
        return pool.preparedQuery("SELECT a.n, " + POINT_COLUMNS + """
                         FROM unnest($2::timestamptz[]) WITH ORDINALITY AS a(instant, n)
                        JOIN LATERAL (
                            SELECT * FROM diagnostics_history p
                            WHERE p.owner_id = $1 AND p.computed_at <= a.instant
                            ORDER BY p.computed_at DESC, p.id DESC
                            LIMIT 1) h ON true""")
                .execute(Tuple.of(ownerId, asOf))
                .map(rows -> {
                    List<DiagnosticsPoint> inForce = new ArrayList<>(Collections.nCopies(instants.size(), null));
                    rows.forEach(row -> inForce.set(row.getLong("n").intValue() - 1, point(row)));
                    return inForce;
                });
    }

    /**
     * Up to {@code limit} owners with points the thinning must judge: points still kept as recent but
     * computed before {@code dailyBefore}, points kept as daily but computed before
     * {@code weeklyBefore}. Found among the oldest such points (ten per owner wanted, through the
     * partial indexes of V10), so that a batch reads a bounded number of rows whatever the backlog.
     */
    public Uni<List<String>> ownersToThin(SqlConnection connection, Instant dailyBefore, Instant weeklyBefore, int limit) {
        return connection.preparedQuery("""
                        SELECT DISTINCT owner_id FROM (
                            (SELECT owner_id FROM diagnostics_history WHERE kept_as = 0 AND computed_at < $1 ORDER BY computed_at LIMIT $4)
                            UNION ALL
                            (SELECT owner_id FROM diagnostics_history WHERE kept_as = 1 AND computed_at < $2 ORDER BY computed_at LIMIT $4)
                        ) AS due
                        LIMIT $3""")
                .execute(Tuple.of(ProjectionStore.utc(dailyBefore), ProjectionStore.utc(weeklyBefore), limit, 10 * limit))
                .map(rows -> {
                    List<String> owners = new ArrayList<>(rows.size());
                    rows.forEach(row -> owners.add(row.getString("owner_id")));
                    return owners;
                });
    }

    /** Every point of these owners, by owner, as the thinning judges them. */
    public Uni<Map<String, List<StoredPoint>>> storedPoints(SqlConnection connection, Collection<String> ownerIds) {
        return connection.preparedQuery("""
                        SELECT owner_id, id, computed_at, kept_as FROM diagnostics_history
                        WHERE owner_id = ANY($1::text[]) ORDER BY owner_id, computed_at, id""")
                .execute(Tuple.of(ownerIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<StoredPoint>> byOwner = new LinkedHashMap<>();
                    rows.forEach(row -> byOwner.computeIfAbsent(row.getString("owner_id"), owner -> new ArrayList<>())
                            .add(new StoredPoint(row.getLong("id"), row.getOffsetDateTime("computed_at").toInstant(),
                                    Stage.values()[row.getShort("kept_as")])));
                    return byOwner;
                });
    }

    /** Deletes the points with these ids; the number deleted. */
    public Uni<Integer> delete(SqlConnection connection, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery("DELETE FROM diagnostics_history WHERE id = ANY($1::int8[])")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> rows.rowCount());
    }

    /** Sets the stage of kept points. */
    public Uni<Void> restage(SqlConnection connection, Map<Long, Stage> stages) {
        if (stages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        UPDATE diagnostics_history h SET kept_as = s.kept_as
                        FROM unnest($1::int8[], $2::int2[]) AS s(id, kept_as) WHERE h.id = s.id""")
                .execute(Tuple.of(stages.keySet().toArray(Long[]::new),
                        stages.values().stream().map(stage -> (short) stage.ordinal()).toArray(Short[]::new)))
                .replaceWithVoid();
    }

    private static DiagnosticsPoint point(Row row) {
        Map<TieClass, Integer> byClass = new EnumMap<>(TieClass.class);
        byClass.put(TieClass.STRONG, row.getInteger("strong"));
        byClass.put(TieClass.WEAK, row.getInteger("weak"));
        byClass.put(TieClass.DORMANT, row.getInteger("dormant"));
        byClass.put(TieClass.NASCENT, row.getInteger("nascent"));
        Map<GeographicScale, Integer> byScale = new EnumMap<>(GeographicScale.class);
        byScale.put(GeographicScale.NEIGHBOURHOOD, row.getInteger("neighbourhood"));
        byScale.put(GeographicScale.CITY, row.getInteger("city"));
        byScale.put(GeographicScale.DEPARTMENT, row.getInteger("department"));
        byScale.put(GeographicScale.REGION, row.getInteger("region"));
        byScale.put(GeographicScale.COUNTRY, row.getInteger("country"));
        byScale.put(GeographicScale.EUROPE, row.getInteger("europe"));
        byScale.put(GeographicScale.WORLD, row.getInteger("world"));
        byScale.put(GeographicScale.UNKNOWN, row.getInteger("unknown_scale"));
        return DiagnosticsPoint.of(row.getOffsetDateTime("computed_at").toInstant(), row.getInteger("contacts"), byClass,
                row.getDouble("alter_ego_index"), byScale, new BrokerageFigures(row.getDouble("brokerage_constraint"),
                        row.getDouble("brokerage_effective_size"), row.getDouble("brokerage_efficiency")));
    }
}
