package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.newEventId;
import static io.passerelle.graph.KafkaTestClient.readAll;
import static io.passerelle.graph.KafkaTestClient.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The tie listing in O(page) against the real stack: an owner with one tie from events and 5,000
 * more written straight into the table (all sharing that tie's history, so that what the test reads
 * is their ids, ordered and filtered by the stored columns), listed page by page for every filter;
 * the plan of each page's query; and the sweep re-scoring a stale stored score without publishing.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TieListingTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int SYNTHETIC = 5_000;
    private static final int LIMIT = 50;
    private static String owner;

    /** Filters of the listing, as query parameters and as the SQL conditions the oracle and the plans use. */
    private record Filter(Map<String, String> parameters, String sql) {
    }

    private static final List<Filter> FILTERS = List.of(
            new Filter(Map.of(), ""),
            new Filter(Map.of("class", "DORMANT"), " AND tie_class IN ('DORMANT')"),
            new Filter(Map.of("class", "weak,strong"), " AND tie_class IN ('WEAK', 'STRONG')"),
            new Filter(Map.of("scale", "CITY"), " AND geographic_scale IN ('CITY')"),
            new Filter(Map.of("class", "NASCENT", "scale", "WORLD"), " AND tie_class IN ('NASCENT') AND geographic_scale IN ('WORLD')"),
            new Filter(Map.of("minStrength", "0.9"), " AND strength >= 0.9"));

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
            List<String> listed = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < 3; page++) {
                var request = given().queryParams(filter.parameters()).queryParam("limit", LIMIT);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                Response response = request.get("/v1/owners/{owner}/ties", id);
                response.then().statusCode(200);
                listed.addAll(response.jsonPath().getList("items.contactId", String.class));
                cursor = response.jsonPath().getString("nextCursor");
                if (cursor == null) {
                    break;
                }
            }
            assertThat(listed).as("pages with %s", filter.parameters()).containsExactlyElementsOf(expected);
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
    void aPageIsReadThroughAnIndexWithoutSortingTheOwnersTies() throws Exception {
        String id = owner();
        try (Connection connection = GraphDatabase.connect(); Statement statement = connection.createStatement()) {
            // As TieRepository.page asks it: each execution planned for its own values.
            statement.execute("SET plan_cache_mode = force_custom_plan");
            for (int f = 0; f < FILTERS.size(); f++) {
                Filter filter = FILTERS.get(f);
                // A page after a cursor in the middle of the owner's ties, in the shape of TieRepository.page.
                statement.execute("PREPARE page" + f + "(text, float8, text) AS SELECT t.contact_id,"
                        + " (SELECT c.contact FROM contacts c WHERE c.owner_id = t.owner_id AND c.contact_id = t.contact_id) AS contact"
                        + " FROM ties t WHERE t.owner_id = $1" + filter.sql().replace(" tie_class", " t.tie_class")
                                .replace(" geographic_scale", " t.geographic_scale").replace(" strength", " t.strength")
                        + " AND t.strength <= $2 AND (t.strength < $2 OR t.contact_id > $3)"
                        + " ORDER BY t.strength DESC, t.contact_id LIMIT " + (LIMIT + 1));
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE page" + f + "('" + id + "', 0.5, 'c02500')")) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).as("plan with %s:\n%s", filter.parameters(), plan)
                        .contains("Index").doesNotContain("Seq Scan on ties").doesNotContain("Sort");
            }
        }
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
}
