package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.client.graph.ApiException;
import io.passerelle.client.graph.model.ReplayJobAnswer;
import io.passerelle.client.graph.model.ReplayState;
import io.passerelle.client.graph.model.Tie;
import io.passerelle.contracts.Topics;
import io.passerelle.localstack.ServiceProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
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
        Map<String, List<Tie>> before = ties(graph);
        Map<String, String> storedBefore = storedTies(true);
        assertThat(storedBefore).hasSize(OWNERS * CONTACTS_PER_OWNER);

        UUID replayId = GraphReplays.request(graph);
        ReplayJobAnswer midway = await().atMost(GraphReplays.PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> GraphReplays.job(graph, replayId), job -> job.getState() == ReplayState.RUNNING
                        && job.getEventsApplied() > 0 && job.getEventsApplied() < EVENTS / 2);
        graph.kill();

        // The crash left a half-built rebuild beside a live projection that is exactly what it was.
        assertThat(storedTies(true)).as("the live projection, read from the database after the kill").isEqualTo(storedBefore);
        try (Connection connection = graphDatabase(); PreparedStatement statement = connection.prepareStatement(
                "SELECT state, events_applied, (SELECT count(*) FROM graph_rebuild.ties) AS rebuilt FROM replay_jobs WHERE replay_id = ?::uuid")) {
            statement.setString(1, midway.getReplayId().toString());
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("state")).isEqualTo("RUNNING");
                assertThat(row.getLong("events_applied")).isBetween(1L, (long) EVENTS - 1);
                assertThat(row.getLong("rebuilt")).as("ties rebuilt so far").isLessThanOrEqualTo(OWNERS * CONTACTS_PER_OWNER);
            }
        }

        graph.restart();
        assertSameTies(ties(graph), before);
        ReplayJobAnswer job = GraphReplays.awaitEnd(graph, replayId);
        assertThat(job.getState()).as("error: %s", job.getError()).isEqualTo(ReplayState.COMPLETED);
        assertThat(job.getAttempts()).as("taken up again after the restart").isGreaterThanOrEqualTo(2);
        assertThat(job.getRecordsRead()).as("every record read exactly once, across the crash").isEqualTo(EVENTS);
        assertThat(job.getEventsApplied()).isEqualTo(EVENTS);
        assertThat(job.getUnreadable() + job.getRefused()).isZero();
        assertThat(job.getTiesPublished()).isEqualTo(OWNERS * CONTACTS_PER_OWNER);

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
    private static Map<String, List<Tie>> ties(ServiceProcess graph) throws ApiException {
        Map<String, List<Tie>> ties = new TreeMap<>();
        for (int owner = 0; owner < OWNERS; owner++) {
            List<Tie> items = new ArrayList<>(system.graphApi(graph).ties().listTies(ownerId(owner), null, null, null, 500, null, null).getItems());
            items.sort(Comparator.comparing(Tie::getContactId));
            ties.put(ownerId(owner), items);
        }
        return ties;
    }

    private static void assertSameTies(Map<String, List<Tie>> actual, Map<String, List<Tie>> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        Map<String, Function<Tie, Object>> fields = Map.of("interactionCount", Tie::getInteractionCount,
                "firstInteractionAt", Tie::getFirstInteractionAt, "lastInteractionAt", Tie::getLastInteractionAt,
                "tieClass", Tie::getTieClass, "displayName", Tie::getDisplayName, "geographicScale", Tie::getGeographicScale);
        expected.forEach((owner, ties) -> {
            List<Tie> other = actual.get(owner);
            assertThat(other).hasSameSizeAs(ties);
            for (int i = 0; i < ties.size(); i++) {
                Tie a = other.get(i);
                Tie b = ties.get(i);
                assertThat(a.getContactId()).isEqualTo(b.getContactId());
                for (var field : fields.entrySet()) {
                    assertThat(field.getValue().apply(a)).as("%s of %s/%s", field.getKey(), owner, a.getContactId())
                            .isEqualTo(field.getValue().apply(b));
                }
                // strength is computed as of each request: the requests are moments apart
                assertThat(a.getStrength()).as("strength of %s/%s", owner, a.getContactId())
                        .isCloseTo(b.getStrength(), Offset.offset(1e-4));
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
        return system.database("graph");
    }

    private static String ownerId(int owner) {
        return SyntheticStream.ownerId("replay-crash-owner", owner);
    }
}
