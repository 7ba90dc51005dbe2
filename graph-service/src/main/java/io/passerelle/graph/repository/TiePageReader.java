package io.passerelle.graph.repository;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.service.TieQuery;
import io.passerelle.runtime.database.UnnamedStatements;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStatistics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an owner's ties as stored, a page of them or one, with the owner's profile and each tie's
 * contact, in one statement and one round trip of the reactive client, outside any transaction: a
 * page is one statement, and one statement sees one snapshot.
 *
 * <p>Each execution is planned for its own values, so that PostgreSQL knows how many ties this owner
 * has and walks the listing's index for a large owner (a generic plan, costed for an average owner,
 * may read and sort them all). The pool caches the service's other statements by name, and PostgreSQL
 * may keep a generic plan for a named statement after five executions; a page's statement is marked
 * to be prepared unnamed ({@link UnnamedStatements}), and PostgreSQL plans an unnamed statement for the
 * values bound to it, so no {@code SET LOCAL plan_cache_mode} (and no transaction to hold it) is needed.
 * TieListingTest checks what a connection of the pool keeps prepared.
 */
@ApplicationScoped
public class TiePageReader {
    private final Pool pool;

    public TiePageReader(Pool pool) {
        this.pool = pool;
    }

    /** A tie of a listing page as stored, with its contact ({@code null} when not received); {@code peak} null before V9. */
    public record StoredTie(String contactId, TieStatistics statistics, Contact contact, double strength, TiePeak peak,
            Instant updatedAt, Instant scoredAt) {
    }

    /** The owner's profile ({@code null} when none was received) and up to the rows asked of its ties, in the listing order. */
    public record OwnerPage(OwnerProfile owner, List<StoredTie> ties) {
    }

    /** A page's statement and its parameters ($1, $2, ... in order), as {@link #page} runs it. */
    public record Statement(String sql, Tuple parameters) {
    }

    /**
     * The owner's profile and up to {@code rows} of its ties that pass the query's filters, after its
     * cursor, in the listing order ({@code strength DESC, contact_id}) of the stored scores, each with
     * its contact; {@code null} when the owner is unknown. A page reads about its own rows, whatever
     * the owner's size ({@link #statement}).
     */
    public Uni<OwnerPage> page(String ownerId, TieQuery query, int rows) {
        Statement statement = statement(ownerId, query, rows);
        return pool.preparedQuery(statement.sql()).execute(statement.parameters()).map(TiePageReader::ownerPage);
    }

    /**
     * The owner's profile and its tie with {@code contactId} (none in {@link OwnerPage#ties()} when the
     * owner has no such tie), read through both primary keys; {@code null} when the owner is unknown.
     */
    public Uni<OwnerPage> tie(String ownerId, String contactId) {
        return pool.preparedQuery(SINGLE_TIE).execute(Tuple.of(ownerId, contactId)).map(TiePageReader::ownerPage);
    }

    /** A tie's columns as stored, from {@code ties t}, before the conditions: what a page's and a single tie's statements read. */
    private static final String TIES_WHERE =
            "SELECT t.contact_id, t.statistics, t.strength, t.peak_strength, t.peak_strength_at, t.updated_at, t.scored_at FROM ties t WHERE ";

    /** The owner's row joined to its tie with the contact, through both keys: read as a page, no row when the owner is unknown. */
    private static final String SINGLE_TIE = withOwner(TIES_WHERE + "t.owner_id = $1 AND t.contact_id = $2", "");

    private static OwnerPage ownerPage(RowSet<Row> result) {
        if (result.size() == 0) {
            return null;
        }
        OwnerProfile owner = null;
        List<StoredTie> ties = new ArrayList<>(result.size());
        boolean first = true;
        for (Row row : result) {
            if (first) {
                owner = ProjectionStore.read(row.getString("profile"), OwnerProfile.class);
                first = false;
            }
            String contactId = row.getString("contact_id");
            if (contactId == null) {
                continue; // the owner has no tie passing the filters: the one row says the owner is known
            }
            ties.add(new StoredTie(
                    contactId,
                    StatisticsJson.read(row.getString("statistics")),
                    ProjectionStore.read(row.getString("contact"), Contact.class),
                    row.getDouble("strength"),
                    ProjectionStore.peak(row),
                    row.getOffsetDateTime("updated_at").toInstant(),
                    row.getOffsetDateTime("scored_at").toInstant()));
        }
        return new OwnerPage(owner, ties);
    }

    /**
     * The statement {@link #page} runs, apart so that its plan can be examined (TieListingTest,
     * TieListingBenchmarkTest). The owner's row, joined to the page: no row when the owner is unknown,
     * one row without a tie when nothing passes the filters. Every condition on the ties is one the
     * indexes of V1 and V12 ({@code owner_id[, tie_class | geographic_scale], strength DESC, contact_id})
     * can seek to, and the limit is written into the statement.
     *
     * <p>After a cursor ({@code s}, {@code c}) the page is the ties of strength {@code s} after
     * {@code c}, then those below {@code s}: two branches, each a seek into the index and at most a
     * page long, merged and cut to the page (a sort of at most two pages' rows). Written as one
     * condition ({@code strength <= s AND (strength < s OR contact_id > c)}), the scan started at the
     * first tie of strength {@code s} and filtered out every one before {@code c}: ties of equal stored
     * strength are common (contacts without any exchange), and a walk through 30,000 of them read, at
     * the page after the 15,000th, 15,000 rows to keep 50.
     */
    public static Statement statement(String ownerId, TieQuery query, int rows) {
        int limit = Math.max(1, rows);
        Tuple parameters = Tuple.of(ownerId);
        StringBuilder filters = new StringBuilder("t.owner_id = $1");
        if (!query.classes().isEmpty()) {
            parameters.addValue(query.classes().stream().map(TieClass::name).toArray(String[]::new));
            filters.append(" AND t.tie_class = ANY($").append(parameters.size()).append(")");
        }
        if (!query.scales().isEmpty()) {
            parameters.addValue(query.scales().stream().map(GeographicScale::name).toArray(String[]::new));
            filters.append(" AND t.geographic_scale = ANY($").append(parameters.size()).append(")");
        }
        if (query.minStrength() > 0) {
            parameters.addValue(query.minStrength());
            filters.append(" AND t.strength >= $").append(parameters.size());
        }
        String order = " ORDER BY t.strength DESC, t.contact_id LIMIT " + limit;
        String ties;
        if (query.cursor() == null) {
            ties = TIES_WHERE + filters + order;
        } else {
            parameters.addValue(query.cursor().strength());
            int strength = parameters.size();
            parameters.addValue(query.cursor().contactId());
            int contactId = parameters.size();
            ties = "(" + TIES_WHERE + filters + " AND t.strength = $" + strength + " AND t.contact_id > $" + contactId
                    + " ORDER BY t.contact_id LIMIT " + limit + ")"
                    + " UNION ALL (" + TIES_WHERE + filters + " AND t.strength < $" + strength + order + ")";
        }
        return new Statement(UnnamedStatements.sql(withOwner(ties, " ORDER BY p.strength DESC, p.contact_id LIMIT " + limit)), parameters);
    }

    /**
     * The owner's row ({@code $1}) left-joined to the rows of {@code ties} (selecting {@link #TIES_WHERE}), each
     * with its contact looked up by its key, then {@code tail}: one row without a tie when none passes.
     */
    private static String withOwner(String ties, String tail) {
        return """
                SELECT o.profile::text AS profile, p.contact_id, p.statistics::text AS statistics,
                       (SELECT c.contact::text FROM contacts c WHERE c.owner_id = o.owner_id AND c.contact_id = p.contact_id) AS contact,
                       p.strength, p.peak_strength, p.peak_strength_at, p.updated_at, p.scored_at
                FROM owners o LEFT JOIN (""" + ties + """
                ) p ON true
                WHERE o.owner_id = $1""" + tail;
    }
}
