package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.Topics;
import io.passerelle.endtoend.SyntheticStream.Event;
import io.passerelle.localstack.LocalStack;
import io.passerelle.localstack.PostgresServer;
import io.passerelle.localstack.ServiceProcess;
import io.passerelle.localstack.TopicCatalog;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scaling promise: two graph-service and two advice-service instances on the same topics,
 * consumer groups and databases share the partitions; one of each is killed with SIGKILL in the
 * middle of the stream, the other takes its partitions over, and what they built together — the
 * ties projection, advice-service's copy of the ties and its recommendations — equals what one
 * instance of each builds from the same topics into fresh databases under fresh consumer groups:
 * nothing lost, nothing applied twice.
 */
class TwoInstancesIT {
    private static final List<String> INGESTION_TOPICS = List.of(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS);
    private static final List<String> ADVICE_TOPICS = List.of(Topics.TIES, Topics.OWNERS);
    private static final String OWNER_PREFIX = "twin-owner";
    // Twelve owners spread over the six partitions of each topic, so that both members of a group get owners to apply.
    private static final int OWNERS = 12;
    private static final int CONTACTS_PER_OWNER = 40;
    private static final int EVENTS = 6_000;
    /** The rebuild publishes where the instances under test do not read, so that they see only their own output. */
    private static final String REBUILT_TIES_TOPIC = Topics.TIES + ".rebuild";
    private static final String REBUILT_RECOMMENDATIONS_TOPIC = Topics.RECOMMENDATIONS + ".rebuild";
    // A killed member holds its partitions for its session timeout (Kafka's default 45 s) before the survivor gets them.
    private static final Map<String, String> GRAPH_SETTINGS = Map.of("MP_MESSAGING_INCOMING_INGESTED_EVENTS_SESSION_TIMEOUT_MS", "10000");
    /** graph-service's consumers of the ingestion topics per instance: its default (mp.messaging.incoming.ingested-events.concurrency). */
    private static final int GRAPH_CONSUMERS_PER_INSTANCE = 2;
    private static final Map<String, String> ADVICE_SETTINGS = Map.of("MP_MESSAGING_INCOMING_ADVICE_INPUTS_SESSION_TIMEOUT_MS", "10000");
    /** The machine is shared and slow at times: waits are bounded generously, never timed. */
    private static final Duration PATIENCE = Duration.ofSeconds(240);

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("two-instances");

    @Test
    void twoInstancesOfEachServiceShareThePartitionsAndSurviveTheLossOfOne() throws Exception {
        List<ServiceProcess> graphs = system.servicesAtOnce(List.of(Map.entry("graph-service", GRAPH_SETTINGS),
                Map.entry("graph-service", GRAPH_SETTINGS)));
        List<ServiceProcess> advices = system.servicesAtOnce(List.of(Map.entry("advice-service", ADVICE_SETTINGS),
                Map.entry("advice-service", ADVICE_SETTINGS)));
        awaitMembersSharingEveryPartition("graph-service", INGESTION_TOPICS, 2 * GRAPH_CONSUMERS_PER_INSTANCE);
        awaitMembersSharingEveryPartition("advice-service", ADVICE_TOPICS, 2);

        for (int owner = 0; owner < OWNERS; owner++) {
            stateObjective(advices.get(0), ownerId(owner));
        }
        List<Event> stream = SyntheticStream.generate(OWNER_PREFIX, OWNERS, CONTACTS_PER_OWNER, EVENTS, 7);
        int killPoint = SyntheticStream.killPoint(stream);
        SyntheticStream.send(system.kafka(), stream.subList(0, killPoint));

        // Both services have made progress: graph-service has applied events, advice-service has committed ties.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() ->
                count("graph", "SELECT count(*) FROM processed_events") > 0
                        && system.kafka().committed("advice-service", List.of(Topics.TIES)) > 0);
        graphs.get(0).kill();
        advices.get(0).kill();
        long tiesAtTheKill = system.kafka().appended(List.of(Topics.TIES));
        // The rest of the stream comes after the kills, spread over the partitions: the survivors take over the partitions the
        // killed members held, with whatever those had applied and not committed.
        SyntheticStream.send(system.kafka(), stream.subList(killPoint, stream.size()));

        awaitMembersSharingEveryPartition("graph-service", INGESTION_TOPICS, GRAPH_CONSUMERS_PER_INSTANCE);
        awaitMembersSharingEveryPartition("advice-service", ADVICE_TOPICS, 1);
        awaitCaughtUp("graph-service", INGESTION_TOPICS);
        awaitCaughtUp("advice-service", ADVICE_TOPICS);
        awaitAdviceSettled("advice");
        long tiesAfterTheKill = system.kafka().appended(List.of(Topics.TIES)) - tiesAtTheKill;
        assertThat(tiesAfterTheKill).as("tie updates published after the kills, read by the surviving advice-service").isPositive();

        LocalStack stack = system.stack();
        PostgresServer postgres = stack.embeddedPostgres().orElseThrow(() -> new IllegalStateException("needs the embedded database"));
        PostgresServer.createDatabases(postgres.superuserJdbcUrl(), "postgres", "", stack.postgresUser(), stack.postgresPassword(),
                List.of("graph_rebuild", "advice_rebuild"));
        system.kafka().createTopic(REBUILT_TIES_TOPIC, TopicCatalog.PARTITIONS);
        system.kafka().createTopic(REBUILT_RECOMMENDATIONS_TOPIC, TopicCatalog.PARTITIONS);
        List<ServiceProcess> rebuilt = system.servicesAtOnce(List.of(
                Map.entry("graph-service", Map.of(
                        "QUARKUS_DATASOURCE_REACTIVE_URL", reactiveUrl("graph_rebuild"),
                        "QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl("graph_rebuild"),
                        "MP_MESSAGING_INCOMING_INGESTED_EVENTS_GROUP_ID", "graph-rebuild",
                        "MP_MESSAGING_OUTGOING_TIES_TOPIC", REBUILT_TIES_TOPIC)),
                // It reads the ties the two graph-service instances published: the same input as the advice-service instances had.
                Map.entry("advice-service", Map.of(
                        "QUARKUS_DATASOURCE_REACTIVE_URL", reactiveUrl("advice_rebuild"),
                        "QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl("advice_rebuild"),
                        "MP_MESSAGING_INCOMING_ADVICE_INPUTS_GROUP_ID", "advice-rebuild",
                        "MP_MESSAGING_OUTGOING_RECOMMENDATIONS_TOPIC", REBUILT_RECOMMENDATIONS_TOPIC))));
        ServiceProcess rebuiltAdvice = rebuilt.get(1);
        for (int owner = 0; owner < OWNERS; owner++) {
            stateObjective(rebuiltAdvice, ownerId(owner));
        }
        awaitCaughtUp("graph-rebuild", INGESTION_TOPICS);
        awaitCaughtUp("advice-rebuild", ADVICE_TOPICS);
        awaitAdviceSettled("advice_rebuild");

        // Ranking reads the clock (how recent a two-way exchange is, for instance): the surviving instance and the rebuild
        // recompute each owner now, by stating its objective again, so that both rank as of the same moment.
        for (int owner = 0; owner < OWNERS; owner++) {
            stateObjective(advices.get(1), ownerId(owner));
            stateObjective(rebuiltAdvice, ownerId(owner));
        }

        long distinctEvents = stream.stream().map(Event::id).distinct().count();
        long distinctInteractions = stream.stream().filter(e -> e.topic().equals(Topics.INTERACTIONS)).map(Event::id).distinct().count();
        // Equal in the end: graph-service's sweep may still move a class with time in either projection, and publish it.
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(count("graph", "SELECT count(*) FROM processed_events")).as("events applied by the two graph-service instances")
                    .isEqualTo(distinctEvents);
            assertThat(count("graph_rebuild", "SELECT count(*) FROM processed_events")).as("events applied by the rebuild")
                    .isEqualTo(distinctEvents);
            assertThat(count("graph", "SELECT sum(interaction_count) FROM ties")).as("every distinct interaction counted exactly once")
                    .isEqualTo(distinctInteractions);
            String graphTies = "SELECT owner_id, contact_id, display_name, tie_class, geographic_scale, origin, interaction_count,"
                    + " first_interaction_at, last_interaction_at, mutual_contacts FROM ties";
            List<List<String>> survivedTies = rows("graph", graphTies);
            assertThat(survivedTies).hasSize(OWNERS * CONTACTS_PER_OWNER).containsExactlyInAnyOrderElementsOf(rows("graph_rebuild", graphTies));
            // Stored strengths are scored as of each write, minutes apart between the two projections.
            String strengths = "SELECT owner_id || '/' || contact_id, strength FROM ties";
            Map<String, Double> rebuiltStrengths = numbers("graph_rebuild", strengths);
            numbers("graph", strengths).forEach((tie, strength) ->
                    assertThat(strength).as("strength of %s", tie).isCloseTo(rebuiltStrengths.get(tie), within(1e-3)));

            assertThat(count("advice", "SELECT count(*) FROM processed_events"))
                    .as("tie and profile events applied by the two advice-service instances")
                    .isEqualTo(count("advice_rebuild", "SELECT count(*) FROM processed_events"));
            String adviceTies = "SELECT owner_id, contact_id, tie_class, strength::text, tie_updated_at, tie::text FROM ties";
            assertThat(rows("advice", adviceTies)).hasSize(OWNERS * CONTACTS_PER_OWNER)
                    .containsExactlyInAnyOrderElementsOf(rows("advice_rebuild", adviceTies));
            String recommendations = "SELECT owner_id, objective_id, contact_id, rank, action, request_kind, tie_class"
                    + " FROM recommendations WHERE status = 'ACTIVE'";
            List<List<String>> survivedRecommendations = rows("advice", recommendations);
            Set<String> recommendedOwners = new HashSet<>();
            survivedRecommendations.forEach(row -> recommendedOwners.add(row.get(0)));
            assertThat(recommendedOwners).as("owners with recommendations").hasSize(OWNERS);
            assertThat(survivedRecommendations).containsExactlyInAnyOrderElementsOf(rows("advice_rebuild", recommendations));
            String scores = "SELECT owner_id || '/' || objective_id || '/' || contact_id, score FROM recommendations WHERE status = 'ACTIVE'";
            Map<String, Double> rebuiltScores = numbers("advice_rebuild", scores);
            numbers("advice", scores).forEach((recommendation, score) ->
                    assertThat(score).as("score of %s", recommendation).isCloseTo(rebuiltScores.get(recommendation), within(1e-3)));
            assertThat(count("advice", "SELECT count(*) FROM outbox WHERE sent_at IS NULL")).as("outbox rows not relayed").isZero();
        });
    }

    /** Waits until the group has {@code members} members, each assigned partitions, together every partition of {@code topics}. */
    private static void awaitMembersSharingEveryPartition(String group, List<String> topics, int members) throws Exception {
        Set<TopicPartition> every = system.kafka().partitions(topics);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Set<TopicPartition>> assignments = system.kafka().assignments(group);
            assertThat(assignments).as("members of %s", group).hasSize(members);
            assertThat(assignments.values()).as("each member of %s owns partitions", group).allSatisfy(owned -> assertThat(owned).isNotEmpty());
            Set<TopicPartition> assigned = new HashSet<>();
            assignments.values().forEach(assigned::addAll);
            assertThat(assigned).as("partitions of %s assigned", group).containsExactlyInAnyOrderElementsOf(every);
        });
    }

    private static void awaitCaughtUp(String group, List<String> topics) {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> system.kafka().lag(group, topics) == 0);
    }

    /** Nothing left to recompute, nothing left to relay. */
    private static void awaitAdviceSettled(String database) {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() ->
                count(database, "SELECT count(*) FROM owner_recompute") == 0
                        && count(database, "SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0);
    }

    /** States the stream's objective for the owner; advice-service recomputes the owner before answering. */
    private static void stateObjective(ServiceProcess advice, String ownerId) {
        assertThat(ServiceApis.answer(() -> system.adviceApi(advice).objectives().putObjectiveWithHttpInfo(SyntheticStream.OBJECTIVE_ID,
                ownerId, SyntheticStream.objective())).getStatusCode()).isEqualTo(200);
    }

    private static String reactiveUrl(String database) {
        return system.stack().jdbcUrl(database).substring("jdbc:".length());
    }

    private static String ownerId(int owner) {
        return SyntheticStream.ownerId(OWNER_PREFIX, owner);
    }

    private static long count(String database, String sql) throws SQLException {
        return system.count(database, sql);
    }

    private static List<List<String>> rows(String database, String sql) throws SQLException {
        return system.rows(database, sql);
    }

    private static Map<String, Double> numbers(String database, String sql) throws SQLException {
        Map<String, Double> numbers = new HashMap<>();
        for (List<String> row : rows(database, sql)) {
            numbers.put(row.get(0), Double.valueOf(row.get(1)));
        }
        return numbers;
    }
}
