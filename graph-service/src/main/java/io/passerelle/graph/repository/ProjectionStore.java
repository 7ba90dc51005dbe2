package io.passerelle.graph.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.projection.ErasureMarker;
import io.passerelle.graph.projection.ErasureMarkers;
import io.passerelle.graph.projection.LoadPlan;
import io.passerelle.graph.projection.ProjectionBatch.StoredOwner;
import io.passerelle.graph.projection.ProjectionOutcome;
import io.passerelle.graph.projection.StoredTie;
import io.passerelle.graph.projection.TieKey;
import io.passerelle.tie.TiePeak;
import io.passerelle.runtime.database.Pipelined;
import io.passerelle.tie.TieStatistics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The write side of the projection: multi-row statements over arrays ({@code unnest}) through the
 * reactive client, each run on the connection of the caller's transaction.
 */
@ApplicationScoped
public class ProjectionStore {

    /** The advisory lock a replay holds exclusively while it rebuilds the projection; every writer holds it shared. */
    public static final long REPLAY_LOCK = 0x7061737365726cL;

    /**
     * Waits while a replay rebuilds the projection (it holds {@link #REPLAY_LOCK} exclusively), then
     * holds the lock shared until the transaction ends, so that no replay starts under this batch.
     */
    public Uni<Void> holdReplayFence(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_advisory_xact_lock_shared($1)")
                .execute(Tuple.of(REPLAY_LOCK))
                .replaceWithVoid();
    }

    /** Like {@link #holdReplayFence} but does not wait: false while a replay runs. */
    public Uni<Boolean> tryHoldReplayFence(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_try_advisory_xact_lock_shared($1) AS held")
                .execute(Tuple.of(REPLAY_LOCK))
                .map(rows -> rows.iterator().next().getBoolean("held"));
    }

    /**
     * Serialises the batches that touch the same owner across instances (consumers of different
     * topics may hold the same owner's partitions): a transaction-scoped advisory lock per owner,
     * taken in a fixed order so that two batches cannot deadlock.
     */
    public Uni<Void> lockOwners(SqlConnection connection, Collection<String> ownerIds) {
        return lockOwners(connection, ownerIds, LIVE_OWNER_LOCKS);
    }

    /**
     * Serialises the rebuild's lanes (a replay applies the topics' partitions in several transactions side by side) on the
     * owners they write: the same per-owner locks as {@link #lockOwners}, but keyed apart (another seed of the hash), so that
     * they never hold back the live batches of those owners, whose rows are other tables. When the ingestion topics have
     * as many partitions each, an owner's records are all in one lane and these locks are never waited for.
     */
    public Uni<Void> lockRebuildOwners(SqlConnection connection, Collection<String> ownerIds) {
        return lockOwners(connection, ownerIds, REBUILD_OWNER_LOCKS);
    }

    /** The seeds of the owner locks' hash: one set of locks per seed, which never wait for each other. */
    private static final long LIVE_OWNER_LOCKS = 0;
    private static final long REBUILD_OWNER_LOCKS = 1;

    /** Each owner's transaction-scoped advisory lock among the locks of {@code seed}, in the order of the ids. */
    private static Uni<Void> lockOwners(SqlConnection connection, Collection<String> ownerIds, long seed) {
        return connection.preparedQuery("""
                        SELECT pg_advisory_xact_lock(hashtextextended(o, $2))
                        FROM (SELECT DISTINCT o FROM unnest($1::text[]) AS t(o) ORDER BY o) AS owners""")
                .execute(Tuple.of(ownerIds.toArray(String[]::new), seed))
                .replaceWithVoid();
    }

    /**
     * The owners of a batch ($1, distinct ids), each looked up by key. Not {@code WHERE owner_id = ANY($1)}: once the
     * statement's plan is generic and the table small (a few thousand owners whose rows are no longer
     * rewritten by every batch), PostgreSQL scans the table and compares each row with every id of the
     * array, one by one: 12 ms a batch of 280 owners among 2,000, more than the batch's tie reads. Public
     * for the test of its plan.
     */
    public static final String BATCH_OWNERS = """
            SELECT o.owner_id, o.profile::text AS profile
            FROM unnest($1::text[]) AS k(owner_id) JOIN owners o ON o.owner_id = k.owner_id""";

    /** The erasure markers (whole owners' and contacts') of a batch's owners ($1, their distinct hashes), looked up the same way. */
    public static final String BATCH_ERASURE_MARKERS = """
            SELECT m.owner_hash, m.contact_hash, m.erased_as_of
            FROM unnest($1::text[]) AS k(owner_hash) JOIN erasure_markers m ON m.owner_hash = k.owner_hash""";

    public Uni<List<StoredOwner>> loadOwners(SqlConnection connection, Collection<String> ownerIds) {
        return connection.preparedQuery(BATCH_OWNERS)
                .execute(Tuple.of(ownerIds.toArray(String[]::new)))
                .map(rows -> list(rows, row -> new StoredOwner(row.getString("owner_id"),
                        read(row.getString("profile"), OwnerProfile.class))));
    }

    /** The erasure markers of these owners (the whole owner's and its contacts'), looked up by hash. */
    public Uni<ErasureMarkers> loadErasureMarkers(SqlConnection connection, Collection<String> ownerIds) {
        return connection.preparedQuery(BATCH_ERASURE_MARKERS)
                .execute(Tuple.of(ownerIds.stream().map(ErasureMarkers::ownerHash).toArray(String[]::new)))
                .map(rows -> ErasureMarkers.of(list(rows, row -> new ErasureMarker(row.getString("owner_hash"),
                        row.getString("contact_hash"), row.getOffsetDateTime("erased_as_of").toInstant()))));
    }

    public Uni<List<StoredTie>> loadTies(SqlConnection connection, LoadPlan plan) {
        String[] owners = new String[plan.ties().size()];
        String[] contacts = new String[plan.ties().size()];
        int i = 0;
        for (TieKey key : plan.ties()) {
            owners[i] = key.ownerId();
            contacts[i++] = key.contactId();
        }
        Uni<List<StoredTie>> named = connection.preparedQuery(NAMED_TIES)
                .execute(Tuple.of(plan.ownersWithAllTies().toArray(String[]::new), owners, contacts))
                .map(ProjectionStore::storedTies);
        if (plan.mentionsOf().isEmpty()) {
            return named;
        }
        // Only when a contact is erased: the owner's contacts that list it among their mutual contacts.
        return named.chain(loaded -> connection.preparedQuery(TIE_COLUMNS + """
                        JOIN unnest($1::text[], $2::text[]) AS m(o, k)
                          ON c.owner_id = m.o AND c.contact -> 'mutualContactIds' @> jsonb_build_array(m.k)
                        WHERE t.owner_id = ANY($1::text[])""")
                .execute(Tuple.of(plan.mentionsOf().stream().map(TieKey::ownerId).toArray(String[]::new),
                        plan.mentionsOf().stream().map(TieKey::contactId).toArray(String[]::new)))
                .map(rows -> {
                    Set<TieKey> seen = new HashSet<>();
                    List<StoredTie> all = new ArrayList<>(loaded);
                    loaded.forEach(tie -> seen.add(tie.key()));
                    storedTies(rows).stream().filter(tie -> seen.add(tie.key())).forEach(all::add);
                    return all;
                }));
    }

    private static final String TIE_SELECT = """
            SELECT t.owner_id, t.contact_id, t.statistics::text AS statistics, c.contact::text AS contact,
                   t.tie_class, t.strength, t.geographic_scale, t.origin, t.peak_strength, t.peak_strength_at
            """;

    private static final String TIE_COLUMNS = TIE_SELECT + """
            FROM ties t
            LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
            """;

    /**
     * The ties a batch reads: every tie of the owners ($1) and the named (owner, contact) pairs ($2, $3)
     * of other owners. Two branches rather than one OR: with an OR between the owners and the pairs,
     * PostgreSQL can use no index and scans every tie of every owner for each batch, a cost that grows
     * with the projection. Public for the test of its plan.
     */
    public static final String NAMED_TIES = TIE_COLUMNS + """
            WHERE t.owner_id = ANY($1::text[])
            UNION ALL
            """ + TIE_SELECT + """
            FROM unnest($2::text[], $3::text[]) AS u(o, k)
            JOIN ties t ON t.owner_id = u.o AND t.contact_id = u.k
            LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
            WHERE NOT (u.o = ANY($1::text[]))""";

    private static List<StoredTie> storedTies(RowSet<Row> rows) {
        return list(rows, row -> new StoredTie(
                new TieKey(row.getString("owner_id"), row.getString("contact_id")),
                StatisticsJson.read(row.getString("statistics")),
                read(row.getString("contact"), Contact.class),
                TieClass.valueOf(row.getString("tie_class")),
                row.getDouble("strength"),
                GeographicScale.valueOf(row.getString("geographic_scale")),
                row.getString("origin") == null ? null : Origin.valueOf(row.getString("origin")),
                peak(row)));
    }

    /** The peak columns of a tie row (V9); null when the row was written before peaks were recorded. */
    static TiePeak peak(Row row) {
        Double strength = row.getDouble("peak_strength");
        if (strength == null) {
            return null;
        }
        OffsetDateTime at = row.getOffsetDateTime("peak_strength_at");
        return new TiePeak(strength, at == null ? null : at.toInstant());
    }

    /**
     * Deletes what the batch erased, then upserts what it created or changed, and writes its erasure markers: every
     * statement sent at once and run in this order ({@link Pipelined}), none needing another's answer.
     */
    public Uni<Void> write(SqlConnection connection, ProjectionOutcome outcome, Instant now) {
        List<Uni<?>> statements = new ArrayList<>();
        writeErasureMarkers(connection, outcome.erasureMarkers(), statements);
        deleteOwners(connection, outcome.erasedOwners(), statements);
        deleteTies(connection, outcome.erasedTies(), statements);
        upsertOwners(connection, outcome.owners(), now, statements);
        upsertContacts(connection, outcome.contacts(), now, statements);
        upsertTies(connection, outcome.changedTies(), now, statements);
        return Pipelined.inOrder(statements);
    }

    /**
     * Upserts the markers, keeping the later instant of a scope; an owner's marker makes the markers
     * of its contacts erased no later than it redundant, so they are deleted.
     */
    private void writeErasureMarkers(SqlConnection connection, List<ErasureMarker> markers, List<Uni<?>> statements) {
        if (markers.isEmpty()) {
            return;
        }
        Tuple rows = Tuple.of(
                markers.stream().map(ErasureMarker::ownerHash).toArray(String[]::new),
                markers.stream().map(ErasureMarker::contactHash).toArray(String[]::new),
                markers.stream().map(marker -> utc(marker.erasedAsOf())).toArray(OffsetDateTime[]::new));
        statements.add(connection.preparedQuery("""
                        INSERT INTO erasure_markers (owner_hash, contact_hash, erased_as_of)
                        SELECT o, c, a FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS u(o, c, a)
                        ON CONFLICT (owner_hash, (coalesce(contact_hash, ''))) DO UPDATE SET
                            erased_as_of = GREATEST(erasure_markers.erased_as_of, EXCLUDED.erased_as_of)""")
                .execute(rows));
        statements.add(connection.preparedQuery("""
                        DELETE FROM erasure_markers m
                        USING erasure_markers o
                        WHERE o.owner_hash = ANY($1::text[]) AND o.contact_hash IS NULL
                          AND m.owner_hash = o.owner_hash AND m.contact_hash IS NOT NULL AND m.erased_as_of <= o.erased_as_of""")
                .execute(Tuple.of(markers.stream().filter(ErasureMarker::coversWholeOwner)
                        .map(ErasureMarker::ownerHash).toArray(String[]::new))));
    }

    private void deleteOwners(SqlConnection connection, List<String> ownerIds, List<Uni<?>> statements) {
        if (ownerIds.isEmpty()) {
            return;
        }
        Tuple ids = Tuple.of(ownerIds.toArray(String[]::new));
        statements.add(connection.preparedQuery("DELETE FROM ties WHERE owner_id = ANY($1::text[])").execute(ids));
        statements.add(connection.preparedQuery("DELETE FROM contacts WHERE owner_id = ANY($1::text[])").execute(ids));
        statements.add(connection.preparedQuery("DELETE FROM owners WHERE owner_id = ANY($1::text[])").execute(ids));
    }

    private void deleteTies(SqlConnection connection, List<TieKey> keys, List<Uni<?>> statements) {
        if (keys.isEmpty()) {
            return;
        }
        Tuple pairs = Tuple.of(
                keys.stream().map(TieKey::ownerId).toArray(String[]::new),
                keys.stream().map(TieKey::contactId).toArray(String[]::new));
        String where = " WHERE (owner_id, contact_id) IN (SELECT o, k FROM unnest($1::text[], $2::text[]) AS u(o, k))";
        statements.add(connection.preparedQuery("DELETE FROM ties" + where).execute(pairs));
        statements.add(connection.preparedQuery("DELETE FROM contacts" + where).execute(pairs));
    }

    private void upsertOwners(SqlConnection connection, List<ProjectionOutcome.OwnerRow> rows, Instant now, List<Uni<?>> statements) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] ids = new String[n];
        String[] profiles = new String[n];
        String[] names = new String[n];
        String[] sectors = new String[n];
        String[] cities = new String[n];
        String[] countries = new String[n];
        for (int i = 0; i < n; i++) {
            ProjectionOutcome.OwnerRow row = rows.get(i);
            OwnerProfile profile = row.profile();
            Location location = profile == null ? null : profile.location();
            ids[i] = row.ownerId();
            profiles[i] = profile == null ? null : EventJson.write(profile);
            names[i] = profile == null ? null : profile.displayName();
            sectors[i] = profile == null ? null : profile.sector();
            cities[i] = location == null ? null : location.city();
            countries[i] = location == null ? null : location.country();
        }
        statements.add(connection.preparedQuery("""
                        INSERT INTO owners (owner_id, profile, display_name, sector, city, country, updated_at)
                        SELECT o, p::jsonb, n, s, c, k, $7
                        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(o, p, n, s, c, k)
                        ON CONFLICT (owner_id) DO UPDATE SET
                            profile = EXCLUDED.profile, display_name = EXCLUDED.display_name, sector = EXCLUDED.sector,
                            city = EXCLUDED.city, country = EXCLUDED.country, updated_at = EXCLUDED.updated_at""")
                .execute(Tuple.from(List.of(ids, profiles, names, sectors, cities, countries, utc(now)))));
    }

    private void upsertContacts(SqlConnection connection, List<ProjectionOutcome.ContactRow> rows, Instant now, List<Uni<?>> statements) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] owners = new String[n];
        String[] ids = new String[n];
        String[] contacts = new String[n];
        String[] names = new String[n];
        String[] origins = new String[n];
        String[] sectors = new String[n];
        String[] companies = new String[n];
        String[] cities = new String[n];
        String[] countries = new String[n];
        for (int i = 0; i < n; i++) {
            ProjectionOutcome.ContactRow row = rows.get(i);
            Contact contact = row.contact();
            Location location = contact.location();
            owners[i] = row.key().ownerId();
            ids[i] = row.key().contactId();
            contacts[i] = EventJson.write(contact);
            names[i] = contact.displayName();
            origins[i] = contact.origin() == null ? null : contact.origin().name();
            sectors[i] = contact.sector();
            companies[i] = contact.company();
            cities[i] = location == null ? null : location.city();
            countries[i] = location == null ? null : location.country();
        }
        statements.add(connection.preparedQuery("""
                        INSERT INTO contacts (owner_id, contact_id, contact, display_name, origin, sector, company, city, country, updated_at)
                        SELECT o, i, j::jsonb, n, g, s, m, c, k, $10
                        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                    $8::text[], $9::text[]) AS u(o, i, j, n, g, s, m, c, k)
                        ON CONFLICT (owner_id, contact_id) DO UPDATE SET
                            contact = EXCLUDED.contact, display_name = EXCLUDED.display_name, origin = EXCLUDED.origin,
                            sector = EXCLUDED.sector, company = EXCLUDED.company, city = EXCLUDED.city,
                            country = EXCLUDED.country, updated_at = EXCLUDED.updated_at""")
                .execute(Tuple.from(List.of(owners, ids, contacts, names, origins, sectors, companies, cities, countries, utc(now)))));
    }

    private void upsertTies(SqlConnection connection, List<ProjectionOutcome.TieChange> changes, Instant now, List<Uni<?>> statements) {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        String[] owners = new String[n];
        String[] ids = new String[n];
        String[] names = new String[n];
        String[] statistics = new String[n];
        Double[] strengths = new Double[n];
        String[] classes = new String[n];
        String[] scales = new String[n];
        String[] origins = new String[n];
        Long[] counts = new Long[n];
        OffsetDateTime[] firsts = new OffsetDateTime[n];
        OffsetDateTime[] lasts = new OffsetDateTime[n];
        Integer[] mutuals = new Integer[n];
        String[] causes = new String[n];
        OffsetDateTime[] classChanges = new OffsetDateTime[n];
        Double[] peaks = new Double[n];
        OffsetDateTime[] peaksAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            ProjectionOutcome.TieChange change = changes.get(i);
            owners[i] = change.key().ownerId();
            ids[i] = change.key().contactId();
            names[i] = change.tie().displayName();
            statistics[i] = StatisticsJson.write(change.statistics());
            strengths[i] = change.assessment().strength();
            classes[i] = change.assessment().tieClass().name();
            scales[i] = change.assessment().geographicScale().name();
            origins[i] = change.tie().origin() == null ? null : change.tie().origin().name();
            counts[i] = change.statistics().interactionCount();
            firsts[i] = utc(change.statistics().firstInteractionAt());
            lasts[i] = utc(change.statistics().lastInteractionAt());
            mutuals[i] = change.tie().mutualContacts();
            causes[i] = change.causeEventId();
            classChanges[i] = utc(change.classChangesAt());
            peaks[i] = change.tie().peakStrength();
            peaksAt[i] = utc(change.tie().peakStrengthAt());
        }
        statements.add(connection.preparedQuery("""
                        INSERT INTO ties (owner_id, contact_id, display_name, statistics, strength, tie_class, geographic_scale,
                                          origin, interaction_count, first_interaction_at, last_interaction_at, mutual_contacts,
                                          last_event_id, updated_at, class_changes_at, peak_strength, peak_strength_at, scored_at)
                        SELECT o, i, n, j::jsonb, s, c, g, r, k, f, l, m, e, $14, x, p, q, $14
                        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[],
                                    $8::text[], $9::int8[], $10::timestamptz[], $11::timestamptz[], $12::int4[], $13::text[],
                                    $15::timestamptz[], $16::float8[], $17::timestamptz[])
                             AS u(o, i, n, j, s, c, g, r, k, f, l, m, e, x, p, q)
                        ON CONFLICT (owner_id, contact_id) DO UPDATE SET
                            display_name = EXCLUDED.display_name, statistics = EXCLUDED.statistics, strength = EXCLUDED.strength,
                            tie_class = EXCLUDED.tie_class, geographic_scale = EXCLUDED.geographic_scale, origin = EXCLUDED.origin,
                            interaction_count = EXCLUDED.interaction_count, first_interaction_at = EXCLUDED.first_interaction_at,
                            last_interaction_at = EXCLUDED.last_interaction_at, mutual_contacts = EXCLUDED.mutual_contacts,
                            last_event_id = EXCLUDED.last_event_id, updated_at = EXCLUDED.updated_at,
                            class_changes_at = EXCLUDED.class_changes_at, peak_strength = EXCLUDED.peak_strength,
                            peak_strength_at = EXCLUDED.peak_strength_at, scored_at = EXCLUDED.scored_at""")
                .execute(Tuple.from(List.of(owners, ids, names, statistics, strengths, classes, scales, origins, counts,
                        firsts, lasts, mutuals, causes, utc(now), classChanges, peaks, peaksAt))));
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> list = new ArrayList<>(rows.size());
        rows.forEach(row -> list.add(mapper.apply(row)));
        return list;
    }

    static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.read(json, type);
        } catch (JsonProcessingException e) {
            // Only this service writes these columns: unreadable JSON is a bug, not bad input.
            throw new UncheckedIOException("Stored " + type.getSimpleName() + " cannot be read", e);
        }
    }

    /** The instant at UTC, without the zone rules that {@code Instant.atOffset} builds for every call. */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null
                : OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
