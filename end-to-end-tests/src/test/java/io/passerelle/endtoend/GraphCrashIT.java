package io.passerelle.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Source;
import io.passerelle.localstack.LocalStack;
import io.passerelle.localstack.PostgresServer;
import io.passerelle.localstack.ServiceProcess;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
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
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("graph-crash");



    @Test
    void aProjectionThatSurvivedAKillEqualsOneRebuiltFromTheTopics() throws Exception {
        // The killed instance's membership would hold its partitions for Kafka's default 45 s before the restarted one gets them.
        ServiceProcess graph = system.service("graph-service", Map.of("MP_MESSAGING_INCOMING_INGESTED_EVENTS_SESSION_TIMEOUT_MS", "10000"));
        List<Event> stream = stream();

        send(stream);
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

    private static void send(List<Event> events) throws Exception {
        List<Future<?>> acks = new ArrayList<>();
        for (Event e : events) {
            acks.add(system.kafka().sendEvent(e.topic(), e.ownerId(), e.id(), e.type(), e.data()));
        }
        for (Future<?> ack : acks) {
            ack.get();
        }
    }

    private record Event(String topic, String ownerId, String id, String type, Object data) {
    }

    /** 10,000 records: per owner a profile, contacts and interactions, with some events delivered twice. */
    private static List<Event> stream() {
        Random random = new Random(42);
        List<Event> events = new ArrayList<>();
        Location paris = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
        for (int owner = 0; owner < OWNERS; owner++) {
            String ownerId = ownerId(owner);
            events.add(new Event(Topics.OWNERS, ownerId, Identifiers.randomId(), EventTypes.OWNER_PROFILE_UPDATED,
                    new OwnerProfileUpdated(ownerId, new OwnerProfile("Owner " + owner, "Coaching", null, null, List.of(), List.of(),
                            paris, List.of(), "en", false))));
            for (int c = 0; c < CONTACTS_PER_OWNER; c++) {
                Origin origin = Origin.values()[random.nextInt(Origin.values().length)];
                Contact contact = new Contact("Contact " + c, List.of(), null, null, random.nextBoolean() ? "Software" : "Coaching",
                        List.of(), List.of(), paris, origin, List.of(), Source.LINKEDIN, null, random.nextInt(6), List.of(), List.of());
                events.add(new Event(Topics.CONTACTS, ownerId, Identifiers.randomId(), EventTypes.CONTACT_UPSERTED,
                        new ContactUpserted(ownerId, contactId(c), contact)));
            }
        }
        int sequence = 0;
        while (events.size() < EVENTS) {
            if (sequence > 50 && random.nextInt(50) == 0) {
                // a redelivered event: the same id again, which must be counted once
                Event earlier = events.get(OWNERS * (CONTACTS_PER_OWNER + 1) + random.nextInt(sequence));
                events.add(earlier);
                continue;
            }
            String ownerId = ownerId(random.nextInt(OWNERS));
            String interactionId = "i-" + sequence++;
            Interaction interaction = new Interaction(interactionId, contactId(random.nextInt(CONTACTS_PER_OWNER)),
                    NOW.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 900))), Channel.values()[random.nextInt(Channel.values().length)],
                    Direction.values()[random.nextInt(Direction.values().length)], null, Source.EMAIL);
            events.add(new Event(Topics.INTERACTIONS, ownerId, Identifiers.stableId(ownerId, interactionId), EventTypes.INTERACTION_RECORDED,
                    new InteractionRecorded(ownerId, interaction)));
        }
        return events;
    }

    private static String ownerId(int owner) {
        return "crash-owner-" + owner;
    }

    private static String contactId(int contact) {
        return "contact-" + contact;
    }
}
