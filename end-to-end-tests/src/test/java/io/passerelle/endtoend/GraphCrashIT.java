package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.client.graph.ApiException;
import io.passerelle.client.graph.model.Tie;
import io.passerelle.contracts.Topics;
import io.passerelle.endtoend.SyntheticStream.Event;
import io.passerelle.localstack.LocalStack;
import io.passerelle.localstack.PostgresServer;
import io.passerelle.localstack.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * graph-service is killed with SIGKILL in the middle of a 10,000-event stream (once it has applied
 * some of it, before the rest is sent) and restarted: its projection must then equal one rebuilt
 * from the topics by a fresh instance with its own database and consumer group — no event lost,
 * none applied twice.
 */
class GraphCrashIT {
    private static final List<String> INGESTION_TOPICS = List.of(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS);
    private static final int OWNERS = 5;
    private static final int CONTACTS_PER_OWNER = 100;
    private static final int EVENTS = 10_000;

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("graph-crash");

    @Test
    void aProjectionThatSurvivedAKillEqualsOneRebuiltFromTheTopics() throws Exception {
        // The killed instance's membership would hold its partitions for Kafka's default 45 s before the restarted one gets them.
        ServiceProcess graph = system.service("graph-service", Map.of("MP_MESSAGING_INCOMING_INGESTED_EVENTS_SESSION_TIMEOUT_MS", "10000"));
        List<Event> stream = SyntheticStream.generate("crash-owner", OWNERS, CONTACTS_PER_OWNER, EVENTS, 42);

        int killPoint = SyntheticStream.killPoint(stream);
        SyntheticStream.send(system.kafka(), stream.subList(0, killPoint));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> system.count("graph", "SELECT count(*) FROM processed_events") > 0);
        graph.kill();
        SyntheticStream.send(system.kafka(), stream.subList(killPoint, stream.size()));
        assertThat(system.kafka().lag("graph-service", INGESTION_TOPICS)).as("events after the kill, not read by the killed instance")
                .isGreaterThanOrEqualTo(stream.size() - killPoint);
        graph.restart();
        awaitCaughtUp("graph-service");

        LocalStack stack = system.stack();
        PostgresServer postgres = stack.embeddedPostgres().orElseThrow(() -> new IllegalStateException("needs the embedded database"));
        PostgresServer.createDatabases(postgres.superuserJdbcUrl(), "postgres", "", stack.postgresUser(), stack.postgresPassword(),
                List.of("graph_rebuild"));
        String rebuildDatabase = stack.jdbcUrl("graph_rebuild").substring("jdbc:".length());
        ServiceProcess rebuilt = system.service("graph-service", Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", rebuildDatabase,
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:" + rebuildDatabase,
                "MP_MESSAGING_INCOMING_INGESTED_EVENTS_GROUP_ID", "graph-rebuild"));
        awaitCaughtUp("graph-rebuild");

        for (int owner = 0; owner < OWNERS; owner++) {
            List<Tie> survived = ties(graph, ownerId(owner));
            List<Tie> rebuiltTies = ties(rebuilt, ownerId(owner));
            assertThat(survived).hasSize(CONTACTS_PER_OWNER).hasSameSizeAs(rebuiltTies);
            for (int i = 0; i < survived.size(); i++) {
                Tie a = survived.get(i);
                Tie b = rebuiltTies.get(i);
                assertThat(a.getContactId()).isEqualTo(b.getContactId());
                Map<String, Function<Tie, Object>> fields = Map.of("interactionCount", Tie::getInteractionCount,
                        "firstInteractionAt", Tie::getFirstInteractionAt, "lastInteractionAt", Tie::getLastInteractionAt,
                        "tieClass", Tie::getTieClass, "displayName", Tie::getDisplayName);
                for (var field : fields.entrySet()) {
                    assertThat(field.getValue().apply(a)).as("%s of %s/%s", field.getKey(), ownerId(owner), a.getContactId())
                            .isEqualTo(field.getValue().apply(b));
                }
                // strength is computed as of each request: the two requests are a moment apart
                assertThat(a.getStrength()).isCloseTo(b.getStrength(), org.assertj.core.data.Offset.offset(1e-4));
            }
        }
        long distinctInteractions = stream.stream().filter(e -> e.topic().equals(Topics.INTERACTIONS)).map(Event::id).distinct().count();
        long counted = 0;
        for (int owner = 0; owner < OWNERS; owner++) {
            counted += ties(graph, ownerId(owner)).stream().mapToLong(Tie::getInteractionCount).sum();
        }
        assertThat(counted).as("every distinct interaction counted exactly once").isEqualTo(distinctInteractions);
    }

    private static void awaitCaughtUp(String group) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> system.kafka().lag(group, INGESTION_TOPICS) == 0);
    }

    private static List<Tie> ties(ServiceProcess graph, String owner) throws ApiException {
        List<Tie> items = new ArrayList<>(system.graphApi(graph).ties().listTies(owner, null, null, null, 500, null, null).getItems());
        items.sort(Comparator.comparing(Tie::getContactId));
        return items;
    }

    private static String ownerId(int owner) {
        return SyntheticStream.ownerId("crash-owner", owner);
    }
}
