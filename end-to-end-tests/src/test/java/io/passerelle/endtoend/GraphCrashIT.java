package io.passerelle.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.Topics;
import io.passerelle.endtoend.SyntheticStream.Event;
import io.passerelle.localstack.LocalStack;
import io.passerelle.localstack.PostgresServer;
import io.passerelle.localstack.ServiceProcess;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * graph-service is killed with SIGKILL in the middle of a 10,000-event stream and restarted: its
 * projection must then equal one rebuilt from the topics by a fresh instance with its own database
 * and consumer group — no event lost, none applied twice.
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

        SyntheticStream.send(system.kafka(), stream);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> system.kafka().lag("graph-service", INGESTION_TOPICS) < EVENTS * 9L / 10);
        graph.kill();
        assertThat(system.kafka().lag("graph-service", INGESTION_TOPICS)).as("killed in the middle of the stream").isPositive();
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
            List<Map<String, Object>> survived = ties(graph, ownerId(owner));
            List<Map<String, Object>> rebuiltTies = ties(rebuilt, ownerId(owner));
            assertThat(survived).hasSize(CONTACTS_PER_OWNER).hasSameSizeAs(rebuiltTies);
            for (int i = 0; i < survived.size(); i++) {
                Map<String, Object> a = survived.get(i);
                Map<String, Object> b = rebuiltTies.get(i);
                assertThat(a.get("contactId")).isEqualTo(b.get("contactId"));
                for (String field : List.of("interactionCount", "firstInteractionAt", "lastInteractionAt", "tieClass", "displayName")) {
                    assertThat(a.get(field)).as("%s of %s/%s", field, ownerId(owner), a.get("contactId")).isEqualTo(b.get(field));
                }
                // strength is computed as of each request: the two requests are a moment apart
                assertThat(((Number) a.get("strength")).doubleValue())
                        .isCloseTo(((Number) b.get("strength")).doubleValue(), org.assertj.core.data.Offset.offset(1e-4));
            }
        }
        long distinctInteractions = stream.stream().filter(e -> e.topic().equals(Topics.INTERACTIONS)).map(Event::id).distinct().count();
        long counted = 0;
        for (int owner = 0; owner < OWNERS; owner++) {
            counted += ties(graph, ownerId(owner)).stream().mapToLong(t -> ((Number) t.get("interactionCount")).longValue()).sum();
        }
        assertThat(counted).as("every distinct interaction counted exactly once").isEqualTo(distinctInteractions);
    }

    private static void awaitCaughtUp(String group) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> system.kafka().lag(group, INGESTION_TOPICS) == 0);
    }

    private static List<Map<String, Object>> ties(ServiceProcess graph, String owner) {
        JsonPath page = given().baseUri(graph.baseUri().toString()).get("/v1/owners/{owner}/ties?limit=500", owner)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = new ArrayList<>(page.getList("items"));
        items.sort(Comparator.comparing(t -> (String) t.get("contactId")));
        return items;
    }

    private static String ownerId(int owner) {
        return SyntheticStream.ownerId("crash-owner", owner);
    }
}
