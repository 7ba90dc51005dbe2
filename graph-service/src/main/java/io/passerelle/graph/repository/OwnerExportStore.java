package io.passerelle.graph.repository;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStatistics;
import io.passerelle.runtime.export.ExportSnapshot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads every row the graph holds about one owner, for the owner's data export: the contacts and
 * ties through an {@link ExportSnapshot}, so that no export holds more than one fetch of rows.
 */
@ApplicationScoped
public class OwnerExportStore {
    private static final String OWNER = "SELECT profile::text AS profile, first_seen_at, updated_at FROM owners WHERE owner_id = $1";

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

    /** The owner's row, outside any snapshot: whether there is anything to export. */
    public Uni<Optional<StoredOwner>> owner(String ownerId) {
        return pool.preparedQuery(OWNER)
                .execute(Tuple.of(ownerId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(owner(rows.iterator().next())));
    }

    /** The owner's row as the snapshot sees it. */
    public Optional<StoredOwner> owner(ExportSnapshot snapshot, String ownerId) {
        List<StoredOwner> found = new ArrayList<>(1);
        snapshot.forEach(OWNER, Tuple.of(ownerId), row -> found.add(owner(row)));
        return found.stream().findFirst();
    }

    /** Every contact of the owner, in contact id order, one fetch at a time. */
    public void forEachContact(ExportSnapshot snapshot, String ownerId, Consumer<StoredContact> each) {
        snapshot.forEach("SELECT contact_id, contact::text AS contact, updated_at FROM contacts WHERE owner_id = $1 ORDER BY contact_id",
                Tuple.of(ownerId),
                row -> each.accept(new StoredContact(row.getString("contact_id"),
                        ProjectionStore.read(row.getString("contact"), Contact.class), row.getOffsetDateTime("updated_at").toInstant())));
    }

    /** Every tie of the owner with its contact, in contact id order, one fetch at a time. */
    public void forEachTie(ExportSnapshot snapshot, String ownerId, Consumer<StoredTieRow> each) {
        snapshot.forEach("""
                        SELECT t.contact_id, t.statistics::text AS statistics, c.contact::text AS contact, t.updated_at,
                               t.peak_strength, t.peak_strength_at
                        FROM ties t
                        LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
                        WHERE t.owner_id = $1
                        ORDER BY t.contact_id""",
                Tuple.of(ownerId),
                row -> each.accept(new StoredTieRow(row.getString("contact_id"),
                        StatisticsJson.read(row.getString("statistics")),
                        ProjectionStore.read(row.getString("contact"), Contact.class),
                        row.getOffsetDateTime("updated_at").toInstant(),
                        ProjectionStore.peak(row))));
    }

    private static StoredOwner owner(Row row) {
        return new StoredOwner(ProjectionStore.read(row.getString("profile"), OwnerProfile.class),
                row.getOffsetDateTime("first_seen_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
