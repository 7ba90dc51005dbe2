package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.newEventId;
import static io.passerelle.graph.KafkaTestClient.readAll;
import static io.passerelle.graph.KafkaTestClient.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.repository.ProjectionStore;
import io.passerelle.graph.repository.TiePageReader;
import io.passerelle.graph.service.TieCursor;
import io.passerelle.graph.service.TieQuery;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Origin;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The tie listing in O(page) against the real stack: an owner with one tie from events and 5,000
 * more written straight into the table (all sharing that tie's history, so that what the test reads
 * is their ids, ordered and filtered by the stored columns), listed page by page for every filter;
 * a run of equal strengths longer than a page walked through cursors; the plan of each page's query;
 * and the sweep re-scoring a stale stored score without publishing.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TieListingTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int SYNTHETIC = 5_000;
    private static final int NEIGHBOUR_TIES = 20_000;
    private static final int LIMIT = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String owner;

    @Inject
    Pool pool;

    /** Filters of the listing, as query parameters, as the SQL conditions of the oracle, and as the service's query (for the plans). */
    private record Filter(Map<String, String> parameters, String sql, Set<TieClass> classes, Set<GeographicScale> scales,
            double minStrength) {
        TieQuery query(TieCursor cursor) {
            return new TieQuery(classes, scales, minStrength, LIMIT, cursor);
        }
    }

    private static final List<Filter> FILTERS = List.of(
            new Filter(Map.of(), "", Set.of(), Set.of(), 0),
            new Filter(Map.of("class", "DORMANT"), " AND tie_class IN ('DORMANT')", Set.of(TieClass.DORMANT), Set.of(), 0),
            new Filter(Map.of("class", "weak,strong"), " AND tie_class IN ('WEAK', 'STRONG')", Set.of(TieClass.WEAK, TieClass.STRONG),
                    Set.of(), 0),
            new Filter(Map.of("scale", "CITY"), " AND geographic_scale IN ('CITY')", Set.of(), Set.of(GeographicScale.CITY), 0),
            new Filter(Map.of("class", "NASCENT", "scale", "WORLD"), " AND tie_class IN ('NASCENT') AND geographic_scale IN ('WORLD')",
                    Set.of(TieClass.NASCENT), Set.of(GeographicScale.WORLD), 0),
            new Filter(Map.of("minStrength", "0.9"), " AND strength >= 0.9", Set.of(), Set.of(), 0.9));

    private static synchronized String owner() throws Exception {
        if (owner != null) {
            return owner;
        }
        String id = "listing-" + UUID.randomUUID().toString().substring(0, 8);
        sendEvent(Topics.CONTACTS, id, newEventId(), EventTypes.CONTACT_UPSERTED, EventJson.write(new ContactUpserted(id, "seed",
                new Contact("Seed", null, null, null, null, null, null, null, Origin.EVENT, null, null, null, null, null, null))));
        sendEvent(Topics.INTERACTIONS, id, newEventId(), EventTypes.INTERACTION_RECORDED, EventJson.write(new InteractionRecorded(id,
                new Interaction(null, "seed", Instant.now().minus(20, ChronoUnit.DAYS), Channel.MEETING, Direction.MUTUAL, 60, null))));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties/{contact}", id, "seed")
                .then().statusCode(200).body("interactionCount", equalTo(1)));
        try (Connection connection = GraphDatabase.connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ties (owner_id, contact_id, display_name, statistics, strength, tie_class, geographic_scale,
                                  interaction_count, mutual_contacts, last_event_id, updated_at, scored_at)
                SELECT ?, 'c' || lpad(i::text, 5, '0'), 'Contact ' || i,
                       (SELECT statistics FROM ties WHERE owner_id = ? AND contact_id = 'seed'),
                       -- pairs of equal strengths, so that pages also break ties by contact id
                       ((? - i) / 2) / ?::float8,
                       (ARRAY['STRONG', 'WEAK', 'DORMANT', 'NASCENT'])[1 + i % 4],
                       (ARRAY['NEIGHBOURHOOD', 'CITY', 'DEPARTMENT', 'REGION', 'COUNTRY', 'EUROPE', 'WORLD'])[1 + i % 7],
                       1, 0, 'synthetic', now(), now()
                FROM generate_series(1, ?) AS i""");
             Statement analyze = connection.createStatement()) {
            insert.setString(1, id);
            insert.setString(2, id);
            insert.setInt(3, SYNTHETIC);
            insert.setInt(4, SYNTHETIC);
            insert.setInt(5, SYNTHETIC);
            assertThat(insert.executeUpdate()).isEqualTo(SYNTHETIC);
            // The ties of other owners, as any real table holds: alone in a small table, the owner's ties are cheaper to read
            // whole than through an index for a rare combination of class and scale, which no deployment would see.
            insert.setString(1, id + "-neighbour");
            insert.setInt(3, NEIGHBOUR_TIES);
            insert.setInt(4, NEIGHBOUR_TIES);
            insert.setInt(5, NEIGHBOUR_TIES);
            assertThat(insert.executeUpdate()).isEqualTo(NEIGHBOUR_TIES);
            analyze.execute("ANALYZE ties");
        }
        owner = id;
        return owner;
    }

    @Test
    void everyPageFollowsTheStoredOrderAcrossCursorsForEveryFilter() throws Exception {
        String id = owner();
        for (Filter filter : FILTERS) {
            List<String> expected = oracle(id, filter, 3 * LIMIT);
            assertThat(walk(id, filter, 3).contactIds()).as("pages with %s", filter.parameters()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theLastPageSaysThereIsNoMore() throws Exception {
        String id = owner();
        Filter narrow = FILTERS.get(4);
        int total = oracle(id, narrow, SYNTHETIC + 1).size();
        Response page = given().queryParams(narrow.parameters()).queryParam("limit", total).get("/v1/owners/{owner}/ties", id);
        page.then().statusCode(200).body("items.size()", equalTo(total)).body("nextCursor", equalTo(null));
    }

    @Test
    void aPageIsReadThroughAnIndexSortingNoMoreThanItsOwnRows() throws Exception {
        String id = owner();
        try (Connection connection = GraphDatabase.connect(); Statement statement = connection.createStatement()) {
            // As TiePageReader.page runs it: each execution planned for its own values (an unnamed statement is).
            statement.execute("SET plan_cache_mode = force_custom_plan");
            for (int f = 0; f < FILTERS.size(); f++) {
                Filter filter = FILTERS.get(f);
                // No index covers a class and a scale together (README, "Limits"): for a rare combination PostgreSQL may rightly
                // read the ties of one of them through a bitmap and sort those that pass the other, rather than walk an index.
                boolean classAndScale = !filter.classes().isEmpty() && !filter.scales().isEmpty();
                // The first page, and a page after a cursor in the middle of the owner's ties (0.25 is a strength of two of them).
                for (TieCursor cursor : Arrays.asList(null, new TieCursor(0.25, "c02500"))) {
                    TiePageReader.Statement page = TiePageReader.statement(id, filter.query(cursor), LIMIT + 1);
                    String name = "page" + f + (cursor == null ? "" : "_after");
                    statement.execute("PREPARE " + name + " AS " + page.sql());
                    JsonNode plan;
                    try (ResultSet rows = statement.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE " + name + "(" + literals(page) + ")")) {
                        assertThat(rows.next()).isTrue();
                        plan = JSON.readTree(rows.getString(1)).get(0).get("Plan");
                    }
                    String described = filter.parameters() + (cursor == null ? ", first page" : ", after a cursor") + ":\n"
                            + plan.toPrettyString();
                    List<JsonNode> scans = nodes(plan, node -> "ties".equals(node.path("Relation Name").asText()));
                    if (classAndScale) {
                        assertThat(scans).as("scans of ties with %s", described).isNotEmpty()
                                .allSatisfy(scan -> assertThat(scan.get("Node Type").asText()).isIn("Index Scan", "Bitmap Heap Scan"));
                        continue;
                    }
                    assertThat(scans).as("scans of ties with %s", described).isNotEmpty()
                            .allSatisfy(scan -> assertThat(scan.get("Node Type").asText()).startsWith("Index"));
                    // A sort, if any, sorts the rows of at most two pages: every scan of ties below it is cut by a limit first.
                    assertThat(nodes(plan, node -> "Sort".equals(node.get("Node Type").asText())))
                            .as("sorts with %s", described).allSatisfy(sort -> assertThat(limitedBelow(sort)).isTrue());
                }
            }
        }
    }

    @Test
    void aRunOfEqualStrengthsLongerThanAPageIsWalkedWithoutLossOrRepetition() throws Exception {
        // Ties that share their stored strength (contacts without any exchange, typically): a page within the run, one
        // straddling its end and the ties below it, then the rest; the pages' cursors all name the run's strength at first.
        String id = "equal-" + UUID.randomUUID().toString().substring(0, 8);
        String seedOwner = owner();
        try (Connection connection = GraphDatabase.connect();
             PreparedStatement ownerRow = connection.prepareStatement("INSERT INTO owners (owner_id, updated_at) VALUES (?, now())");
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ties (owner_id, contact_id, display_name, statistics, strength, tie_class, geographic_scale,
                                       interaction_count, mutual_contacts, last_event_id, updated_at, scored_at)
                     SELECT ?, 'e' || lpad(i::text, 4, '0'), 'Contact ' || i,
                            (SELECT statistics FROM ties WHERE owner_id = ? AND contact_id = 'seed'),
                            CASE WHEN i <= 130 THEN 0.2 ELSE 0.1 END, 'WEAK', 'CITY', 1, 0, 'synthetic', now(), now()
                     FROM generate_series(1, 170) AS i""")) {
            ownerRow.setString(1, id);
            ownerRow.executeUpdate();
            insert.setString(1, id);
            insert.setString(2, seedOwner);
            assertThat(insert.executeUpdate()).isEqualTo(170);
        }
        Filter weak = FILTERS.get(2);
        Walk walk = walk(id, weak, 10);
        assertThat(walk.pages()).isEqualTo(4);
        assertThat(walk.contactIds()).containsExactlyElementsOf(oracle(id, weak, 1_000)).hasSize(170);
    }

    @Test
    void theListingsStatementIsPreparedUnnamedSoEachPageIsPlannedForItsValuesWhileTheProjectionsAreKept() throws Exception {
        // On one connection of the service's own pool: a page's statement run more than five times (after five executions
        // of a named statement PostgreSQL may keep a generic plan, costed for an average owner, for every owner), then a
        // statement of the projection, then what the connection holds prepared.
        TiePageReader.Statement page = TiePageReader.statement(owner(), FILTERS.get(2).query(null), LIMIT);
        List<String> prepared = pool.withConnection(connection -> {
            Uni<?> runs = Uni.createFrom().voidItem();
            for (int run = 0; run < 7; run++) {
                runs = runs.chain(() -> connection.preparedQuery(page.sql()).execute(page.parameters()));
            }
            return runs
                    .chain(() -> connection.preparedQuery(ProjectionStore.NAMED_TIES)
                            .execute(Tuple.of(new String[] {owner}, new String[0], new String[0])))
                    .chain(() -> connection.query("SELECT statement FROM pg_prepared_statements").execute())
                    .map(rows -> {
                        List<String> statements = new ArrayList<>();
                        rows.forEach(row -> statements.add(row.getString("statement")));
                        return statements;
                    });
        }).await().atMost(PATIENCE);

        assertThat(prepared).as("statements the connection keeps prepared").isNotEmpty()
                // No page's statement, neither this one nor those of the listings the other tests requested.
                .noneMatch(statement -> statement.contains("ORDER BY p.strength DESC, p.contact_id LIMIT"))
                .anyMatch(statement -> statement.equals(ProjectionStore.NAMED_TIES));
    }

    @Test
    void theSweepReScoresAStaleStoredScoreWithoutPublishing() throws Exception {
        String id = owner();
        double current = given().get("/v1/owners/{owner}/ties/{contact}", id, "seed").then().statusCode(200)
                .extract().jsonPath().getDouble("strength");
        String key = Topics.tieKey(id, "seed");
        long published = readAll(Topics.TIES).stream().filter(record -> key.equals(record.key())).count();
        try (Connection connection = GraphDatabase.connect(); PreparedStatement stale = connection.prepareStatement(
                "UPDATE ties SET strength = 0.0001, scored_at = now() - interval '7 hours' WHERE owner_id = ? AND contact_id = 'seed'")) {
            stale.setString(1, id);
            assertThat(stale.executeUpdate()).isEqualTo(1);
        }

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            try (Connection connection = GraphDatabase.connect(); PreparedStatement row = connection.prepareStatement(
                    "SELECT strength, scored_at > now() - interval '5 minutes' AS fresh FROM ties WHERE owner_id = ? AND contact_id = 'seed'")) {
                row.setString(1, id);
                try (ResultSet result = row.executeQuery()) {
                    assertThat(result.next()).isTrue();
                    assertThat(result.getBoolean("fresh")).as("scored again").isTrue();
                    assertThat(result.getDouble("strength")).isCloseTo(current, within(0.001));
                }
            }
        });
        // Its class did not move: consumers are told nothing.
        assertThat(readAll(Topics.TIES).stream().filter(record -> key.equals(record.key())).count()).isEqualTo(published);
    }

    /** The ids of the owner's ties a listing with this filter must give, in order, as the stored columns say. */
    /** The contact ids of the pages listed through cursors, LIMIT at a time, until the last page or {@code maxPages}. */
    private record Walk(List<String> contactIds, int pages) {
    }

    private static Walk walk(String id, Filter filter, int maxPages) {
        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParams(filter.parameters()).queryParam("limit", LIMIT);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.get("/v1/owners/{owner}/ties", id);
            response.then().statusCode(200);
            listed.addAll(response.jsonPath().getList("items.contactId", String.class));
            cursor = response.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < maxPages);
        return new Walk(listed, pages);
    }

    private static List<String> oracle(String ownerId, Filter filter, int rows) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT contact_id FROM ties WHERE owner_id = ?" + filter.sql() + " ORDER BY strength DESC, contact_id LIMIT ?")) {
            statement.setString(1, ownerId);
            statement.setInt(2, rows);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
        }
        return ids;
    }

    /** The statement's parameters as SQL literals, for EXECUTE. */
    private static String literals(TiePageReader.Statement page) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < page.parameters().size(); i++) {
            Object value = page.parameters().getValue(i);
            values.add(value instanceof String[] array
                    ? "ARRAY[" + String.join(", ", Arrays.stream(array).map(TieListingTest::literal).toList()) + "]"
                    : value instanceof Number ? value.toString() : literal(String.valueOf(value)));
        }
        return String.join(", ", values);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The nodes of a JSON plan (with their sub-plans) that match. */
    private static List<JsonNode> nodes(JsonNode plan, Predicate<JsonNode> matching) {
        List<JsonNode> found = new ArrayList<>();
        if (matching.test(plan)) {
            found.add(plan);
        }
        plan.path("Plans").forEach(child -> found.addAll(nodes(child, matching)));
        return found;
    }

    /** Whether every scan of ties below this node is below a Limit that is itself below the node. */
    private static boolean limitedBelow(JsonNode node) {
        boolean limited = true;
        for (JsonNode child : node.path("Plans")) {
            if ("ties".equals(child.path("Relation Name").asText())) {
                return false;
            }
            limited &= "Limit".equals(child.get("Node Type").asText()) || limitedBelow(child);
        }
        return limited;
    }
}
