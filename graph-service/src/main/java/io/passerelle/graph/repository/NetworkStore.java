package io.passerelle.graph.repository;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a whole owner's network in one query through the reactive client: the diagnostics need every
 * tie with its contact, and tens of thousands of rows are read faster without an ORM session.
 */
@ApplicationScoped
public class NetworkStore {
    private final Pool pool;

    public NetworkStore(Pool pool) {
        this.pool = pool;
    }

    /** A known owner; its profile is null until it arrived. */
    public record StoredOwnerProfile(String ownerId, OwnerProfile profile) {
    }

    /**
     * One tie of the owner with its stored class and scale (kept current by the projection and the
     * sweep) and its contact (null until the contact arrived).
     */
    public record NetworkRow(String contactId, TieClass tieClass, GeographicScale geographicScale, Contact contact) {
    }

    public Uni<Optional<StoredOwnerProfile>> owner(String ownerId) {
        return pool.preparedQuery("SELECT owner_id, profile::text AS profile FROM owners WHERE owner_id = $1")
                .execute(Tuple.of(ownerId))
                .map(rows -> rows.size() == 0
                        ? Optional.<StoredOwnerProfile>empty()
                        : Optional.of(new StoredOwnerProfile(ownerId,
                                ProjectionStore.read(rows.iterator().next().getString("profile"), OwnerProfile.class))));
    }

    public Uni<List<NetworkRow>> network(String ownerId) {
        return pool.preparedQuery("""
                        SELECT t.contact_id, t.tie_class, t.geographic_scale,
                               c.contact::text AS contact
                        FROM ties t
                        LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
                        WHERE t.owner_id = $1""")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    List<NetworkRow> network = new ArrayList<>(rows.size());
                    rows.forEach(row -> network.add(new NetworkRow(row.getString("contact_id"),
                            TieClass.valueOf(row.getString("tie_class")),
                            GeographicScale.valueOf(row.getString("geographic_scale")),
                            ProjectionStore.read(row.getString("contact"), Contact.class))));
                    return network;
                });
    }
}
