package io.passerelle.graph.repository;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.diagnostics.NetworkMember;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads what the network map draws of an owner's network, in one read-only snapshot: the owner's
 * profile, then one row per tie with only the columns the map needs (stored class and scale, the
 * contact attributes that decide whether it is an alter ego, and the name only when names are
 * asked for: otherwise the query does not even return it). Each row is handed over as it is
 * decoded, so that what is kept of a tie is up to the caller.
 */
@ApplicationScoped
public class NetworkMapStore {
    private static final String TIES = """
            SELECT t.contact_id, t.tie_class, t.geographic_scale, CASE WHEN $2 THEN t.display_name END AS display_name,
                   c.sector, c.city, c.schools, c.company, c.past_companies
            FROM ties t
            LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
            WHERE t.owner_id = $1""";

    private final Pool pool;

    public NetworkMapStore(Pool pool) {
        this.pool = pool;
    }

    /** A known owner's profile (null until it arrived) and the sink every tie was given to. */
    public record MapSnapshot<S>(OwnerProfile profile, S ties) {
    }

    /**
     * The owner's ties, or empty when the owner is unknown. Once the profile is read, {@code sinkFor}
     * makes the sink that receives each tie (the contact's attributes as a {@link NetworkMember} of
     * the alter-ego attributes, and the name, null unless {@code names}) as its row is decoded, on the
     * connection's event loop: it must be quick and must not block.
     */
    public <S extends BiConsumer<NetworkMember, String>> Uni<Optional<MapSnapshot<S>>> snapshot(String ownerId, boolean names,
            Function<OwnerProfile, S> sinkFor) {
        // One snapshot, so that the profile the alter egos are judged against is the one of the ties read.
        return pool.withTransaction(connection -> connection
                .query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> connection.preparedQuery("SELECT profile::text AS profile FROM owners WHERE owner_id = $1")
                        .execute(Tuple.of(ownerId)))
                .chain(owners -> {
                    if (owners.size() == 0) {
                        return Uni.createFrom().item(Optional.<MapSnapshot<S>>empty());
                    }
                    Row owner = owners.iterator().next();
                    OwnerProfile profile = ProjectionStore.read(owner.getString("profile"), OwnerProfile.class);
                    S sink = sinkFor.apply(profile);
                    return ties(connection, ownerId, names, sink).map(ties -> Optional.of(new MapSnapshot<>(profile, ties)));
                }));
    }

    private static <S extends BiConsumer<NetworkMember, String>> Uni<S> ties(SqlConnection connection, String ownerId, boolean names,
            S sink) {
        return RowStreams.eachRow(connection, TIES, io.vertx.sqlclient.Tuple.of(ownerId, names), sink,
                (ties, row) -> ties.accept(member(row), row.getString(3)));
    }

    /** The tie with the attributes the alter-ego rule reads; the others, which the map does not need, null. */
    private static NetworkMember member(io.vertx.sqlclient.Row row) {
        return new NetworkMember(
                row.getString(0),
                TieClass.valueOf(row.getString(1)),
                GeographicScale.valueOf(row.getString(2)),
                null, null, null,
                row.getString(4),
                row.getString(5),
                list(row.getArrayOfStrings(6)),
                row.getString(7),
                list(row.getArrayOfStrings(8)),
                null);
    }

    private static List<String> list(String[] values) {
        return values == null || values.length == 0 ? null : Arrays.asList(values);
    }
}
