package io.passerelle.graph.repository;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.projection.TieKey;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStatistics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The projection a replay rebuilds beside the live one: tables of the same shape in the schema
 * {@value #SCHEMA} ({@code replay_copy_table}, V7), written by the unchanged projection code through
 * the connection's search path ({@link #writeIntoRebuild}), and switched into public in one
 * transaction ({@link #switchIn}). Every statement runs on the caller's connection, in its transaction.
 */
@ApplicationScoped
public class RebuildStore {
    /** The schema of the rebuild; one replay job at a time uses it. */
    public static final String SCHEMA = "graph_rebuild";
    /** The tables a replay rebuilds; erasure_markers, network_versions, owner_diagnostics and diagnostics_history stay where they are. */
    public static final List<String> TABLES = List.of("owners", "contacts", "ties", "processed_events");

    private final ProjectionStore projection;

    public RebuildStore(ProjectionStore projection) {
        this.projection = projection;
    }

    /** A tie of the new projection to publish, with what its description needs (its peak as rebuilt) and the class it had before the switch. */
    public record RebuiltTie(TieKey key, TieStatistics statistics, Contact contact, OwnerProfile owner, Instant updatedAt,
            String lastEventId, TieClass classBeforeSwitch, TiePeak peak) {
    }

    /**
     * Empty tables of the live projection's shape, in a schema of their own, with their key constraints
     * but none of their other indexes ({@link #buildIndexes}); whatever a failed job left there is dropped first.
     */
    public Uni<Void> create(SqlConnection connection) {
        return run(connection, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE")
                .chain(() -> run(connection, "CREATE SCHEMA " + SCHEMA))
                .chain(() -> connection.preparedQuery("SELECT replay_copy_table($1, t) FROM unnest($2::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n")
                        .execute(Tuple.of(SCHEMA, TABLES.toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** Whether the rebuild's tables are all there (they are created with the job's RUNNING state, in one transaction). */
    public Uni<Boolean> exists(SqlConnection connection) {
        return connection.preparedQuery("SELECT count(*) AS n FROM pg_tables WHERE schemaname = $1 AND tablename = ANY($2::text[])")
                .execute(Tuple.of(SCHEMA, TABLES.toArray(String[]::new)))
                .map(rows -> rows.iterator().next().getLong("n") == TABLES.size());
    }

    /**
     * Makes the rest of the transaction resolve the projection's tables to the rebuild's: the projection
     * code, unchanged, then writes there, and still reads erasure_markers (which a replay must respect)
     * from public. The rebuild's tables have no trigger, so nothing it writes touches network_versions.
     * The caller must have checked {@link #exists} in the same transaction: without those tables the
     * names would resolve to public's.
     */
    public Uni<Void> writeIntoRebuild(SqlConnection connection) {
        return run(connection, "SET LOCAL search_path TO " + SCHEMA + ", public");
    }

    /**
     * Builds the indexes of the live tables that back no constraint on the rebuild's ({@code replay_copy_indexes},
     * V13): once, after the bulk of the records, rather than row by row (those a table already has are left alone).
     */
    public Uni<Void> buildIndexes(SqlConnection connection) {
        return connection.preparedQuery("SELECT replay_copy_indexes($1, t) FROM unnest($2::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n")
                .execute(Tuple.of(SCHEMA, TABLES.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Gives the planner statistics about the rebuilt tables before they serve. */
    public Uni<Void> analyze(SqlConnection connection) {
        return run(connection, "ANALYZE " + String.join(", ", TABLES.stream().map(table -> SCHEMA + "." + table).toList()));
    }

    /** The projection tables whose live shape (columns, constraints, indexes) differs from the rebuild's: a migration ran meanwhile. */
    public Uni<List<String>> tablesOfAnotherShape(SqlConnection connection) {
        return connection.preparedQuery("""
                        SELECT t FROM unnest($2::text[]) AS u(t)
                        WHERE replay_table_shape('public', t) IS DISTINCT FROM replay_table_shape($1, t)""")
                .execute(Tuple.of(SCHEMA, TABLES.toArray(String[]::new)))
                .map(rows -> {
                    List<String> tables = new ArrayList<>();
                    rows.forEach(row -> tables.add(row.getString("t")));
                    return tables;
                });
    }

    /**
     * Puts the rebuild in the place of the live projection, in the caller's transaction, which must hold
     * the replay lock exclusively (no projection transaction runs, and the sweep skips its runs):
     * <ol>
     * <li>keeps the keys and classes of the live ties ({@code retired_ties}), for the publication that
     * follows: the class consumers knew, and the ties to tombstone;</li>
     * <li>bumps every owner's network version (cached diagnostics are recomputed) and drops the versions,
     * cached diagnostics and diagnostics history of owners the rebuild does not know;</li>
     * <li>locks the live tables, waiting at most {@code lockTimeout} for their readers (who queue behind
     * it meanwhile), drops them and moves the rebuild's into public, under the same names;</li>
     * <li>installs the network-version triggers on them ({@code install_network_triggers}, V7).</li>
     * </ol>
     * Readers see the former projection until the commit and the new one after it; prepared statements
     * resolve the names again once the tables changed.
     */
    public Uni<Void> switchIn(SqlConnection connection, Duration lockTimeout) {
        String liveTables = String.join(", ", TABLES.stream().map(table -> "public." + table).toList());
        Uni<Void> chain = run(connection, "CREATE TABLE " + SCHEMA + ".retired_ties AS SELECT owner_id, contact_id, tie_class FROM public.ties")
                .chain(() -> run(connection, "ALTER TABLE " + SCHEMA + ".retired_ties ADD PRIMARY KEY (owner_id, contact_id)"))
                .chain(() -> run(connection, "SELECT bump_network_versions(ARRAY(SELECT owner_id FROM " + SCHEMA + ".owners))"))
                // The version row goes before the cached entry (V3: a cache write holds the version row).
                .chain(() -> run(connection, "DELETE FROM public.network_versions v WHERE NOT EXISTS (SELECT 1 FROM " + SCHEMA
                        + ".owners o WHERE o.owner_id = v.owner_id)"))
                .chain(() -> run(connection, "DELETE FROM public.owner_diagnostics d WHERE NOT EXISTS (SELECT 1 FROM " + SCHEMA
                        + ".owners o WHERE o.owner_id = d.owner_id)"))
                .chain(() -> run(connection, "DELETE FROM public.diagnostics_history h WHERE NOT EXISTS (SELECT 1 FROM " + SCHEMA
                        + ".owners o WHERE o.owner_id = h.owner_id)"))
                .chain(() -> run(connection, "SET LOCAL lock_timeout = " + Math.max(1, lockTimeout.toMillis())))
                // In the order the readers read them (owners before ties), so that a reader holding one never waits for this.
                .chain(() -> run(connection, "LOCK TABLE " + liveTables + " IN ACCESS EXCLUSIVE MODE"))
                .chain(() -> run(connection, "DROP TABLE " + liveTables));
        for (String table : TABLES) {
            chain = chain.chain(() -> run(connection, "ALTER TABLE " + SCHEMA + "." + table + " SET SCHEMA public"));
        }
        return chain.chain(() -> run(connection, "SELECT install_network_triggers()"));
    }

    /** What is left of the rebuild's schema once the job is over (or failed): dropped. */
    public Uni<Void> drop(SqlConnection connection) {
        return run(connection, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    /**
     * The contacts and former classes of a page of ties, each looked up by its key (the owners and contact
     * ids as two arrays), for the rebuild's schema {@code %s}. Joined to the page in one statement, the
     * planner merged contacts and retired_ties in key order from their first row up to the page, for every
     * page: the publication grew with the square of the ties. A subquery per key cannot be merged or hashed.
     */
    public static final String CONTACTS_AND_FORMER_CLASSES = """
            SELECT k.o AS owner_id, k.i AS contact_id,
                   (SELECT c.contact::text FROM public.contacts c WHERE c.owner_id = k.o AND c.contact_id = k.i) AS contact,
                   (SELECT r.tie_class FROM %s.retired_ties r WHERE r.owner_id = k.o AND r.contact_id = k.i) AS class_before
            FROM unnest($1::text[], $2::text[]) AS k(o, i)""";

    /**
     * The next ties of the live projection after {@code (ownerId, contactId)} in key order, up to and including
     * {@code (untilOwnerId, untilContactId)} (no bound when {@code untilOwnerId} is null): a page of one lane of the
     * publication, with the class each tie had before the switch (null for a tie that is new). The rows are locked for share until
     * the caller's transaction ends: a projection batch or a sweep changing one of them waits (and
     * publishes after the caller), and one that changed it first has committed (and published) before
     * the caller reads it, so the last record of each key on the ties topic stays the tie's latest state.
     * The page's contacts, former classes and owners' profiles are then read by key, in later statements:
     * a contact that changes meanwhile changes its tie, which waits for the lock, and a profile committed
     * meanwhile is the owner's current one. Each owner's profile is read and parsed once for the page,
     * not once per tie (a page holds hundreds of one owner's ties).
     */
    public Uni<List<RebuiltTie>> tiesAfter(SqlConnection connection, String ownerId, String contactId, String untilOwnerId,
            String untilContactId, int limit) {
        Uni<RowSet<Row>> pageRows = untilOwnerId == null
                ? connection.preparedQuery(LAST_LANE_PAGE).execute(Tuple.of(ownerId, contactId, limit))
                : connection.preparedQuery(LANE_PAGE).execute(Tuple.of(ownerId, contactId, limit, untilOwnerId, untilContactId));
        return pageRows
                .chain(page -> {
                    if (page.size() == 0) {
                        return Uni.createFrom().item(List.<RebuiltTie>of());
                    }
                    String[] owners = new String[page.size()];
                    String[] contacts = new String[page.size()];
                    int i = 0;
                    for (Row row : page) {
                        owners[i] = row.getString("owner_id");
                        contacts[i++] = row.getString("contact_id");
                    }
                    Uni<Map<TieKey, Row>> details = connection.preparedQuery(CONTACTS_AND_FORMER_CLASSES.formatted(SCHEMA))
                            .execute(Tuple.of(owners, contacts))
                            .map(rows -> {
                                Map<TieKey, Row> byKey = new HashMap<>();
                                rows.forEach(row -> byKey.put(new TieKey(row.getString("owner_id"), row.getString("contact_id")), row));
                                return byKey;
                            });
                    // No search path is set when publishing: owners is public's.
                    Uni<Map<String, OwnerProfile>> profiles = projection.loadOwners(connection, new LinkedHashSet<>(List.of(owners)))
                            .map(stored -> {
                                Map<String, OwnerProfile> byOwner = new HashMap<>();
                                stored.forEach(owner -> byOwner.put(owner.ownerId(), owner.profile()));
                                return byOwner;
                            });
                    return details.chain(byKey -> profiles.map(byOwner -> {
                        List<RebuiltTie> ties = new ArrayList<>(page.size());
                        for (Row row : page) {
                            TieKey key = new TieKey(row.getString("owner_id"), row.getString("contact_id"));
                            Row detail = byKey.get(key);
                            String before = detail.getString("class_before");
                            ties.add(new RebuiltTie(key,
                                    StatisticsJson.read(row.getString("statistics")),
                                    ProjectionStore.read(detail.getString("contact"), Contact.class),
                                    byOwner.get(key.ownerId()),
                                    row.getOffsetDateTime("updated_at").toInstant(),
                                    row.getString("last_event_id"),
                                    before == null ? null : TieClass.valueOf(before),
                                    ProjectionStore.peak(row)));
                        }
                        return ties;
                    }));
                });
    }

    /** A page of ties to publish: at most {@code $3} after {@code ($1, $2)} in key order, {@code %s} bounding it or not, locked for share. */
    private static final String PAGE = """
            SELECT owner_id, contact_id, statistics::text AS statistics, updated_at, last_event_id,
                   peak_strength, peak_strength_at
            FROM public.ties WHERE (owner_id, contact_id) > ($1, $2) %s
            ORDER BY owner_id, contact_id LIMIT $3
            FOR SHARE""";

    /** The page of a lane up to and including {@code ($4, $5)}; read through the primary key's range, whatever the lane. */
    public static final String LANE_PAGE = PAGE.formatted("AND (owner_id, contact_id) <= ($4, $5)");

    /** The page of the last lane, which has no bound. */
    private static final String LAST_LANE_PAGE = PAGE.formatted("");

    /**
     * Where to split the live ties after {@code (ownerId, contactId)} into at most {@code lanes} ranges of about as many
     * keys, none of fewer than {@code atLeast} keys: the last key of each range but the last, in key order (none for
     * a single range).
     */
    public Uni<List<String[]>> laneBoundaries(SqlConnection connection, String ownerId, String contactId, int lanes, int atLeast) {
        return connection.preparedQuery("SELECT count(*) AS n FROM public.ties WHERE (owner_id, contact_id) > ($1, $2)")
                .execute(Tuple.of(ownerId, contactId))
                .chain(counted -> {
                    long keys = counted.iterator().next().getLong("n");
                    int ranges = (int) Math.max(1, Math.min(lanes, keys / Math.max(1, atLeast)));
                    Uni<List<String[]>> boundaries = Uni.createFrom().item(new ArrayList<>());
                    for (int range = 1; range < ranges; range++) {
                        long offset = keys * range / ranges - 1;
                        boundaries = boundaries.chain(found -> connection.preparedQuery("""
                                        SELECT owner_id, contact_id FROM public.ties WHERE (owner_id, contact_id) > ($1, $2)
                                        ORDER BY owner_id, contact_id OFFSET $3 LIMIT 1""")
                                .execute(Tuple.of(ownerId, contactId, offset))
                                .map(rows -> {
                                    rows.forEach(row -> found.add(new String[] {row.getString("owner_id"), row.getString("contact_id")}));
                                    return found;
                                }));
                    }
                    return boundaries;
                });
    }

    /** The next keys, after {@code (ownerId, contactId)}, of the ties that were live before the switch. */
    public Uni<List<TieKey>> retiredAfter(SqlConnection connection, String ownerId, String contactId, int limit) {
        return connection.preparedQuery("""
                        SELECT owner_id, contact_id FROM %s.retired_ties
                        WHERE (owner_id, contact_id) > ($1, $2) ORDER BY owner_id, contact_id LIMIT $3""".formatted(SCHEMA))
                .execute(Tuple.of(ownerId, contactId, limit))
                .map(RebuildStore::keys);
    }

    /** Those of the keys that are not ties of the live projection (now: the caller holds their owners' locks). */
    public Uni<List<TieKey>> notLive(SqlConnection connection, List<TieKey> keys) {
        return connection.preparedQuery("""
                        SELECT u.owner_id, u.contact_id FROM unnest($1::text[], $2::text[]) AS u(owner_id, contact_id)
                        WHERE NOT EXISTS (SELECT 1 FROM public.ties t WHERE t.owner_id = u.owner_id AND t.contact_id = u.contact_id)
                        ORDER BY u.owner_id, u.contact_id""")
                .execute(Tuple.of(keys.stream().map(TieKey::ownerId).toArray(String[]::new),
                        keys.stream().map(TieKey::contactId).toArray(String[]::new)))
                .map(RebuildStore::keys);
    }

    private static List<TieKey> keys(RowSet<Row> rows) {
        List<TieKey> keys = new ArrayList<>(rows.size());
        rows.forEach(row -> keys.add(new TieKey(row.getString("owner_id"), row.getString("contact_id"))));
        return keys;
    }

    private static Uni<Void> run(SqlConnection connection, String sql) {
        return connection.query(sql).execute().replaceWithVoid();
    }
}
