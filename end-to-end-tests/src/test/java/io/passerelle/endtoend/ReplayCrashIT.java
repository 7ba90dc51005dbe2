package io.passerelle.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.Topics;
import io.passerelle.localstack.LocalStack;
import io.passerelle.localstack.ServiceProcess;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * graph-service is killed with SIGKILL in the middle of a replay: the live projection, in the
 * database, is exactly what it was (the half-built rebuild lies beside it); once graph-service is
 * restarted, the job is taken up again from what it had committed, completes, and the projection
 * after the switch equals the one before the replay, every record read exactly once.
 */
class ReplayCrashIT {
    private static final List<String> INGESTION_TOPICS = List.of(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS);
    private static final int OWNERS = 5;
    private static final int CONTACTS_PER_OWNER = 60;
    private static final int EVENTS = 4_000;
    /**
     * A short lease, so that the restarted instance takes the job over within seconds; small batches with a
     * pause, so that the replay of 4,000 records lasts long enough to be killed in the middle.
     */
    private static final Map<String, String> GRAPH = Map.of(
            "PASSERELLE_GRAPH_REPLAY_LEASE", "5s",
            "PASSERELLE_GRAPH_REPLAY_POLL_INTERVAL", "1s",
            "PASSERELLE_GRAPH_REPLAY_BATCH_SIZE", "50",
            "PASSERELLE_GRAPH_REPLAY_BATCH_PAUSE", "100ms",
            "MP_MESSAGING_INCOMING_INGESTED_EVENTS_SESSION_TIMEOUT_MS", "10000");

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("replay-crash");

    @Test
    void aReplayKilledMidwayLeavesTheLiveProjectionWholeAndIsResumedToTheSameTies() throws Exception {
        ServiceProcess graph = system.service("graph-service", GRAPH);
        SyntheticStream.send(system.kafka(), SyntheticStream.generate("replay-crash-owner", OWNERS, CONTACTS_PER_OWNER, EVENTS, 11));
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> system.kafka().lag("graph-service", INGESTION_TOPICS) == 0);
        Map<String, List<Map<String, Object>>> before = ties(graph);
        Map<String, String> storedBefore = storedTies(true);
        assertThat(storedBefore).hasSize(OWNERS * CONTACTS_PER_OWNER);

        String path = GraphReplays.request(graph);
        JsonPath midway = await().atMost(GraphReplays.PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> GraphReplays.job(graph, path), job -> job.getString("state").equals("RUNNING")
                        && job.getLong("eventsApplied") > 0 && job.getLong("eventsApplied") < EVENTS / 2);
        graph.kill();

        // The crash left a half-built rebuild beside a live projection that is exactly what it was.
        assertThat(storedTies(true)).as("the live projection, read from the database after the kill").isEqualTo(storedBefore);
        try (Connection connection = graphDatabase(); PreparedStatement statement = connection.prepareStatement(
                "SELECT state, events_applied, (SELECT count(*) FROM graph_rebuild.ties) AS rebuilt FROM replay_jobs WHERE replay_id = ?::uuid")) {
            statement.setString(1, midway.getString("replayId"));
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("state")).isEqualTo("RUNNING");
                assertThat(row.getLong("events_applied")).isBetween(1L, (long) EVENTS - 1);
                assertThat(row.getLong("rebuilt")).as("ties rebuilt so far").isLessThanOrEqualTo(OWNERS * CONTACTS_PER_OWNER);
            }
        }

        graph.restart();
        assertSameTies(ties(graph), before);
        JsonPath job = GraphReplays.awaitEnd(graph, path);
        assertThat(job.getString("state")).as("error: %s", job.getString("error")).isEqualTo("COMPLETED");
        assertThat(job.getInt("attempts")).as("taken up again after the restart").isGreaterThanOrEqualTo(2);
        assertThat(job.getLong("recordsRead")).as("every record read exactly once, across the crash").isEqualTo(EVENTS);
        assertThat(job.getLong("eventsApplied")).isEqualTo(EVENTS);
        assertThat(job.getLong("unreadable") + job.getLong("refused")).isZero();
        assertThat(job.getLong("tiesPublished")).isEqualTo(OWNERS * CONTACTS_PER_OWNER);

        assertSameTies(ties(graph), before);
        // The rebuild folds the interactions in another order: the statistics' decayed volume may differ in its last digits.
        assertThat(storedTies(false)).as("the projection switched in, read from the database").isEqualTo(storedTies(storedBefore));
        try (Connection connection = graphDatabase(); ResultSet row = connection.createStatement()
                .executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'graph_rebuild'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getLong(1)).as("the rebuild's schema, dropped once done").isZero();
        }
    }

    /** Each owner's ties over HTTP, by contactId. */
    private static Map<String, List<Map<String, Object>>> ties(ServiceProcess graph) {
        Map<String, List<Map<String, Object>>> ties = new TreeMap<>();
        for (int owner = 0; owner < OWNERS; owner++) {
            JsonPath page = given().baseUri(graph.baseUri().toString()).get("/v1/owners/{owner}/ties?limit=500", ownerId(owner))
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = new ArrayList<>(page.getList("items"));
            items.sort(Comparator.comparing(t -> (String) t.get("contactId")));
            ties.put(ownerId(owner), items);
        }
        return ties;
    }

    private static void assertSameTies(Map<String, List<Map<String, Object>>> actual, Map<String, List<Map<String, Object>>> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((owner, ties) -> {
            List<Map<String, Object>> other = actual.get(owner);
            assertThat(other).hasSameSizeAs(ties);
            for (int i = 0; i < ties.size(); i++) {
                Map<String, Object> a = other.get(i);
                Map<String, Object> b = ties.get(i);
                assertThat(a.get("contactId")).isEqualTo(b.get("contactId"));
                for (String field : List.of("interactionCount", "firstInteractionAt", "lastInteractionAt", "tieClass", "displayName",
                        "geographicScale")) {
                    assertThat(a.get(field)).as("%s of %s/%s", field, owner, a.get("contactId")).isEqualTo(b.get(field));
                }
                // strength is computed as of each request: the requests are moments apart
                assertThat(((Number) a.get("strength")).doubleValue()).as("strength of %s/%s", owner, a.get("contactId"))
                        .isCloseTo(((Number) b.get("strength")).doubleValue(), Offset.offset(1e-4));
            }
        });
    }

    /**
     * The live tie rows as stored, by key: what the projection wrote from the events, with or without the
     * statistics document (not the class and strength, which the sweep may move with time alone).
     */
    private static Map<String, String> storedTies(boolean withStatistics) throws Exception {
        Map<String, String> ties = new TreeMap<>();
        try (Connection connection = graphDatabase(); ResultSet row = connection.createStatement().executeQuery("""
                SELECT owner_id, contact_id, display_name, interaction_count, first_interaction_at, last_interaction_at,
                       mutual_contacts, origin, statistics::text
                FROM public.ties""")) {
            while (row.next()) {
                ties.put(row.getString(1) + "/" + row.getString(2), String.join(" | ", row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8)) + (withStatistics ? " | " + row.getString(9) : ""));
            }
        }
        return ties;
    }

    /** The rows of {@link #storedTies(boolean)} with statistics, without them. */
    private static Map<String, String> storedTies(Map<String, String> withStatistics) {
        Map<String, String> ties = new TreeMap<>();
        withStatistics.forEach((key, row) -> ties.put(key, row.substring(0, row.lastIndexOf(" | "))));
        return ties;
    }

    private static Connection graphDatabase() throws Exception {
        LocalStack stack = system.stack();
        return DriverManager.getConnection(stack.jdbcUrl("graph"), stack.postgresUser(), stack.postgresPassword());
    }

    private static String ownerId(int owner) {
        return SyntheticStream.ownerId("replay-crash-owner", owner);
    }
}
