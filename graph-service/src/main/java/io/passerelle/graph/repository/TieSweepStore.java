package io.passerelle.graph.repository;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.projection.TieKey;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStatistics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the sweep that re-evaluates ties whose class changes with time alone, and those whose stored score grew stale. */
@ApplicationScoped
public class TieSweepStore {

    /** A tie whose scheduled class change is due, as stored, with what its assessment needs; {@code peak} null when not recorded (V9). */
    public record DueTie(TieKey key, TieStatistics statistics, Contact contact, OwnerProfile owner, TieClass storedClass,
            String lastEventId, TiePeak peak) {
    }

    /** The new state of a swept tie. */
    public record SweptTie(TieKey key, double strength, TieClass tieClass, Instant classChangesAt, boolean classChanged) {
    }

    /**
     * Claims up to {@code limit} due ties, locking their rows for the caller's transaction; rows another
     * instance holds are skipped, so that several instances share the work. Ties whose class changes
     * come first, the earliest first; the page is then filled with ties whose stored score was computed
     * as of {@code staleBefore} or earlier, the stalest first (each query walks its own index).
     */
    public Uni<List<DueTie>> claimDue(SqlConnection connection, Instant now, Instant staleBefore, int limit) {
        return claim(connection, "t.class_changes_at IS NOT NULL AND t.class_changes_at <= $1", "t.class_changes_at",
                Tuple.of(ProjectionStore.utc(now), limit))
                .chain(classChanges -> classChanges.size() >= limit
                        ? Uni.createFrom().item(classChanges)
                        : claim(connection, "t.scored_at <= $3 AND NOT (t.class_changes_at IS NOT NULL AND t.class_changes_at <= $1)",
                                "t.scored_at", Tuple.of(ProjectionStore.utc(now), limit - classChanges.size(), ProjectionStore.utc(staleBefore)))
                                .map(stale -> {
                                    List<DueTie> due = new ArrayList<>(classChanges);
                                    due.addAll(stale);
                                    return due;
                                }));
    }

    /** Claims the ties meeting {@code condition} in {@code order}; $1 is now and $2 the limit. */
    private Uni<List<DueTie>> claim(SqlConnection connection, String condition, String order, Tuple parameters) {
        return connection.preparedQuery("""
                        SELECT t.owner_id, t.contact_id, t.statistics::text AS statistics, c.contact::text AS contact,
                               o.profile::text AS profile, t.tie_class, t.last_event_id, t.peak_strength, t.peak_strength_at
                        FROM ties t
                        LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
                        LEFT JOIN owners o ON o.owner_id = t.owner_id
                        WHERE %s
                        ORDER BY %s
                        LIMIT $2
                        FOR UPDATE OF t SKIP LOCKED""".formatted(condition, order))
                .execute(parameters)
                .map(rows -> {
                    List<DueTie> due = new ArrayList<>(rows.size());
                    rows.forEach(row -> due.add(new DueTie(
                            new TieKey(row.getString("owner_id"), row.getString("contact_id")),
                            StatisticsJson.read(row.getString("statistics")),
                            ProjectionStore.read(row.getString("contact"), Contact.class),
                            ProjectionStore.read(row.getString("profile"), OwnerProfile.class),
                            TieClass.valueOf(row.getString("tie_class")),
                            row.getString("last_event_id"),
                            ProjectionStore.peak(row))));
                    return due;
                });
    }

    /**
     * Stores the re-evaluated ties: the new strength, class and schedule, scored as of {@code now};
     * updated_at (what the API calls the tie's last change) only when the class moved.
     */
    public Uni<Void> update(SqlConnection connection, List<SweptTie> swept, Instant now) {
        if (swept.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = swept.size();
        String[] owners = new String[n];
        String[] contacts = new String[n];
        Double[] strengths = new Double[n];
        String[] classes = new String[n];
        OffsetDateTime[] schedules = new OffsetDateTime[n];
        Boolean[] changed = new Boolean[n];
        for (int i = 0; i < n; i++) {
            SweptTie tie = swept.get(i);
            owners[i] = tie.key().ownerId();
            contacts[i] = tie.key().contactId();
            strengths[i] = tie.strength();
            classes[i] = tie.tieClass().name();
            schedules[i] = ProjectionStore.utc(tie.classChangesAt());
            changed[i] = tie.classChanged();
        }
        return connection.preparedQuery("""
                        UPDATE ties t SET
                            strength = u.strength,
                            tie_class = u.tie_class,
                            class_changes_at = u.class_changes_at,
                            scored_at = $7,
                            updated_at = CASE WHEN u.changed THEN $7 ELSE t.updated_at END
                        FROM unnest($1::text[], $2::text[], $3::float8[], $4::text[], $5::timestamptz[], $6::bool[])
                             AS u(owner_id, contact_id, strength, tie_class, class_changes_at, changed)
                        WHERE t.owner_id = u.owner_id AND t.contact_id = u.contact_id""")
                .execute(Tuple.from(List.of(owners, contacts, strengths, classes, schedules, changed, ProjectionStore.utc(now))))
                .replaceWithVoid();
    }
}
