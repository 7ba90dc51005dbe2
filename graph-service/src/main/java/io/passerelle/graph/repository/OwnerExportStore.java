package io.passerelle.graph.repository;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStatistics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads every row the graph holds about one owner, for the owner's data export. */
@ApplicationScoped
public class OwnerExportStore {
    private final Pool pool;

    public OwnerExportStore(Pool pool) {
        this.pool = pool;
    }

    /** The owner's row: its profile (null until one arrived) and when it was first seen and last updated. */
    public record StoredOwner(OwnerProfile profile, Instant firstSeenAt, Instant updatedAt) {
    }

    /** A tie row with its contact (null until the contact arrived) and its peak (null when not recorded, V9). */
    public record StoredTieRow(String contactId, TieStatistics statistics, Contact contact, Instant updatedAt, TiePeak peak) {
    }

    /** A contact row. */
    public record StoredContact(String contactId, Contact contact, Instant updatedAt) {
    }

    public Uni<Optional<StoredOwner>> owner(String ownerId) {
        return pool.preparedQuery("SELECT profile::text AS profile, first_seen_at, updated_at FROM owners WHERE owner_id = $1")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new StoredOwner(ProjectionStore.read(row.getString("profile"), OwnerProfile.class),
                            row.getOffsetDateTime("first_seen_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant()));
                });
    }

    public Uni<List<StoredContact>> contacts(String ownerId) {
        return pool.preparedQuery("SELECT contact_id, contact::text AS contact, updated_at FROM contacts WHERE owner_id = $1 ORDER BY contact_id")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    List<StoredContact> contacts = new ArrayList<>(rows.size());
                    rows.forEach(row -> contacts.add(new StoredContact(row.getString("contact_id"),
                            ProjectionStore.read(row.getString("contact"), Contact.class), row.getOffsetDateTime("updated_at").toInstant())));
                    return contacts;
                });
    }

    public Uni<List<StoredTieRow>> ties(String ownerId) {
        return pool.preparedQuery("""
                        SELECT t.contact_id, t.statistics::text AS statistics, c.contact::text AS contact, t.updated_at,
                               t.peak_strength, t.peak_strength_at
                        FROM ties t
                        LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
                        WHERE t.owner_id = $1
                        ORDER BY t.contact_id""")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    List<StoredTieRow> ties = new ArrayList<>(rows.size());
                    rows.forEach(row -> ties.add(new StoredTieRow(row.getString("contact_id"),
                            ProjectionStore.read(row.getString("statistics"), TieStatistics.class),
                            ProjectionStore.read(row.getString("contact"), Contact.class),
                            row.getOffsetDateTime("updated_at").toInstant(),
                            ProjectionStore.peak(row))));
                    return ties;
                });
    }
}
