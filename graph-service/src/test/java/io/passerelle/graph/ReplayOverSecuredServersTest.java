package io.passerelle.graph;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.passerelle.contracts.model.Source;
import io.passerelle.localstack.OwnLocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Servers reached as production's secured ones are, with deploy's {@code postgres-tls} and {@code kafka-scram-tls}
 * components: PostgreSQL refuses a connection that does not encrypt, and the service verifies its certificate; Kafka
 * serves the service only on a listener where it authenticates. The replay opens a database connection and a Kafka
 * consumer of its own, outside the pool and the channels; they must reach the servers as those do, or the job can never run.
 */
@QuarkusTest
@WithTestResource(value = OwnLocalStackTestResource.class, initArgs = {
        @ResourceArg(name = OwnLocalStackTestResource.POSTGRES_TLS, value = "required"),
        @ResourceArg(name = OwnLocalStackTestResource.KAFKA_SASL, value = "required")})
class ReplayOverSecuredServersTest {
    private static final String OWNER = "secured-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int CONTACTS = 5;

    @Test
    void aReplayReachesADatabaseServingEncryptedConnectionsOnlyAndABrokerServingAuthenticatedClientsOnly() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int c = 0; c < CONTACTS; c++) {
            Contact contact = new Contact("Contact " + c, List.of(), null, null, "Software", List.of(), List.of(), null,
                    Origin.values()[c % Origin.values().length], List.of(), Source.LINKEDIN, null, 0, List.of(), List.of());
            KafkaTestClient.sendEvent(Topics.CONTACTS, OWNER, KafkaTestClient.newEventId(), EventTypes.CONTACT_UPSERTED,
                    EventJson.write(new ContactUpserted(OWNER, "contact-" + c, contact)));
            for (int i = 0; i <= c; i++) {
                Interaction interaction = new Interaction("i-" + OWNER + "-" + c + "-" + i, "contact-" + c,
                        now.minus(Duration.ofDays(3L * i + c)), Channel.EMAIL, Direction.OUTBOUND, null, Source.EMAIL);
                KafkaTestClient.sendEvent(Topics.INTERACTIONS, OWNER, KafkaTestClient.newEventId(), EventTypes.INTERACTION_RECORDED,
                        EventJson.write(new InteractionRecorded(OWNER, interaction)));
            }
        }
        await().atMost(Replays.PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(ties().getList("items.interactionCount", Long.class)).as("the live projection, through the pool")
                        .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L));
        assertThat(serviceSessions()).as("the service's sessions, each encrypted or not").isNotEmpty().containsOnly(true);

        String path = Replays.request();
        JsonPath job = Replays.awaitEnd(path);

        assertThat(job.getString("state")).as("the replay, on a connection and a consumer of its own (error: %s)", job.getString("error"))
                .isEqualTo("COMPLETED");
        assertThat(ties().getList("items.interactionCount", Long.class)).as("the rebuilt projection")
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    }

    private static JsonPath ties() {
        return given().queryParam("limit", 50).get("/v1/owners/{owner}/ties", OWNER)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Whether each session of the service on its database is encrypted (this test's own connection left out). */
    private static List<Boolean> serviceSessions() throws Exception {
        try (Connection connection = GraphDatabase.connect();
             ResultSet sessions = connection.createStatement().executeQuery("""
                     SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a ON a.pid = s.pid
                     WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()""")) {
            List<Boolean> encrypted = new java.util.ArrayList<>();
            while (sessions.next()) {
                encrypted.add(sessions.getBoolean(1));
            }
            return encrypted;
        }
    }
}
