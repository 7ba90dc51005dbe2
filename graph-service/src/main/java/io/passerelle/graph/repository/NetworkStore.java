package io.passerelle.graph.repository;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.diagnostics.NetworkMember;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a whole owner's network for the diagnostics through the reactive client, in one query of
 * compact columns (V3): each tie's stored class and scale with its contact's diagnosed attributes,
 * arrays in PostgreSQL's binary format, no contact document parsed. Each row is handed over as it is
 * decoded, so that a network of tens of thousands of contacts is never held whole in memory. The
 * owner's profile and network version are read in the same snapshot, so that the version tags
 * exactly the network read.
 */
@ApplicationScoped
public class NetworkStore {
    private static final String MEMBERS = """
            SELECT t.contact_id, t.tie_class, t.geographic_scale, c.origin, c.source, c.relation_contexts,
                   c.sector, c.city, c.schools, c.company, c.past_companies, c.mutual_contact_ids
            FROM ties t
            LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
            WHERE t.owner_id = $1""";

    private final Pool pool;

    public NetworkStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * A known owner's network as of one snapshot: its profile (null until it arrived), the version of
     * its network (null when no writer has stamped one yet: a result must then not be cached) and the
     * sink every tie, with its contact's attributes, was given to.
     */
    public record NetworkSnapshot<S>(String ownerId, OwnerProfile profile, Long version, S members) {
    }

    /**
     * The owner's network, or empty when the owner is unknown. Once the profile is read, {@code sinkFor}
     * makes the sink that receives every member as its row is decoded (on the connection's event loop:
     * it must be quick and must not block).
     */
    public <S extends Consumer<NetworkMember>> Uni<Optional<NetworkSnapshot<S>>> snapshot(String ownerId,
            Function<OwnerProfile, S> sinkFor) {
        // One read-only snapshot for the profile, the version and the ties: a change committed between
        // two of these reads would otherwise be cached under a version that does not describe it.
        return pool.withTransaction(connection -> connection
                .query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> connection.preparedQuery("""
                                SELECT o.profile::text AS profile, v.version
                                FROM owners o LEFT JOIN network_versions v ON v.owner_id = o.owner_id
                                WHERE o.owner_id = $1""")
                        .execute(Tuple.of(ownerId)))
                .chain(owners -> {
                    if (owners.size() == 0) {
                        return Uni.createFrom().item(Optional.<NetworkSnapshot<S>>empty());
                    }
                    Row owner = owners.iterator().next();
                    OwnerProfile profile = ProjectionStore.read(owner.getString("profile"), OwnerProfile.class);
                    Long version = owner.getLong("version");
                    S sink = sinkFor.apply(profile);
                    return members(connection, ownerId, sink)
                            .map(members -> Optional.of(new NetworkSnapshot<>(ownerId, profile, version, members)));
                }));
    }

    private static <S extends Consumer<NetworkMember>> Uni<S> members(SqlConnection connection, String ownerId, S sink) {
        return RowStreams.eachRow(connection, MEMBERS, io.vertx.sqlclient.Tuple.of(ownerId), sink, (members, row) -> members.accept(member(row)));
    }

    private static NetworkMember member(io.vertx.sqlclient.Row row) {
        return new NetworkMember(
                row.getString(0),
                TieClass.valueOf(row.getString(1)),
                GeographicScale.valueOf(row.getString(2)),
                row.getString(3) == null ? null : Origin.valueOf(row.getString(3)),
                row.getString(4) == null ? null : Source.valueOf(row.getString(4)),
                relationContexts(row.getArrayOfStrings(5)),
                row.getString(6),
                row.getString(7),
                list(row.getArrayOfStrings(8)),
                row.getString(9),
                list(row.getArrayOfStrings(10)),
                list(row.getArrayOfStrings(11)));
    }

    private static List<String> list(String[] values) {
        return values == null || values.length == 0 ? null : Arrays.asList(values);
    }

    private static List<RelationContext> relationContexts(String[] values) {
        if (values == null || values.length == 0) {
            return null;
        }
        List<RelationContext> contexts = new ArrayList<>(values.length);
        for (String value : values) {
            contexts.add(value == null ? null : RelationContext.valueOf(value));
        }
        return contexts;
    }
}
