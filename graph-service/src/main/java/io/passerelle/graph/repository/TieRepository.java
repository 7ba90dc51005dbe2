package io.passerelle.graph.repository;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.TieEntity;
import io.passerelle.graph.TieId;
import io.passerelle.graph.service.TieQuery;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStatistics;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads ties. */
@WithSession
@ApplicationScoped
public class TieRepository implements PanacheRepositoryBase<TieEntity, TieId> {
    private final Pool pool;

    public TieRepository(Pool pool) {
        this.pool = pool;
    }

    /** A tie of a listing page as stored, with its contact ({@code null} when not received); {@code peak} null before V9. */
    public record StoredTie(String contactId, TieStatistics statistics, Contact contact, double strength, TiePeak peak,
            Instant updatedAt, Instant scoredAt) {
    }

    /**
     * Up to {@code rows} of the owner's ties that pass the query's filters, after its cursor, in the
     * listing order ({@code strength DESC, contact_id}) of the stored scores, each with its contact, in
     * one round trip: the contact is looked up by its key for each row the page keeps (a join could be
     * planned as a read of all of the owner's contacts when the statistics say the owner has few). Every condition on strength is one the indexes of V1 and V12 can seek to
     * ({@code strength <= cursor} starts the scan at the cursor, {@code strength >= minStrength} ends
     * it); the limit is written into the statement and each execution is planned for its own values.
     * A page reads about its own rows, whatever the owner's size.
     */
    public Uni<List<StoredTie>> page(String ownerId, TieQuery query, int rows) {
        StringBuilder sql = new StringBuilder("""
                SELECT t.contact_id, t.statistics::text AS statistics,
                       (SELECT c.contact::text FROM contacts c WHERE c.owner_id = t.owner_id AND c.contact_id = t.contact_id) AS contact,
                       t.strength, t.peak_strength, t.peak_strength_at, t.updated_at, t.scored_at
                FROM ties t
                WHERE t.owner_id = $1""");
        Tuple parameters = Tuple.of(ownerId);
        if (!query.classes().isEmpty()) {
            parameters.addValue(query.classes().stream().map(TieClass::name).toArray(String[]::new));
            sql.append(" AND t.tie_class = ANY($").append(parameters.size()).append(")");
        }
        if (!query.scales().isEmpty()) {
            parameters.addValue(query.scales().stream().map(GeographicScale::name).toArray(String[]::new));
            sql.append(" AND t.geographic_scale = ANY($").append(parameters.size()).append(")");
        }
        if (query.minStrength() > 0) {
            parameters.addValue(query.minStrength());
            sql.append(" AND t.strength >= $").append(parameters.size());
        }
        if (query.cursor() != null) {
            parameters.addValue(query.cursor().strength());
            int strength = parameters.size();
            parameters.addValue(query.cursor().contactId());
            sql.append(" AND t.strength <= $").append(strength).append(" AND (t.strength < $").append(strength)
                    .append(" OR t.contact_id > $").append(parameters.size()).append(")");
        }
        sql.append(" ORDER BY t.strength DESC, t.contact_id LIMIT ").append(Math.max(1, rows));
        // A custom plan for each page: PostgreSQL then knows how many ties this owner has, and walks the listing's
        // index for a large owner, where a cached generic plan, costed for an average owner, may read and sort them all.
        return pool.withTransaction(connection -> connection.query("SET LOCAL plan_cache_mode = force_custom_plan").execute()
                .chain(() -> connection.preparedQuery(sql.toString()).execute(parameters))).map(result -> {
            List<StoredTie> page = new ArrayList<>(result.size());
            result.forEach(row -> page.add(new StoredTie(
                    row.getString("contact_id"),
                    ProjectionStore.read(row.getString("statistics"), TieStatistics.class),
                    ProjectionStore.read(row.getString("contact"), Contact.class),
                    row.getDouble("strength"),
                    ProjectionStore.peak(row),
                    row.getOffsetDateTime("updated_at").toInstant(),
                    row.getOffsetDateTime("scored_at").toInstant())));
            return page;
        });
    }
}
