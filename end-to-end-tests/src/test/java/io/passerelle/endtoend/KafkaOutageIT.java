package io.passerelle.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.Topics;
import io.passerelle.localstack.KafkaBroker;
import io.passerelle.localstack.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker stops while ingestion-service takes requests: everything answered 202 before is in
 * the topic after the restart, nothing is answered 202 during the outage (503 with Retry-After
 * instead), and ingestion-service recovers by itself once the broker is back.
 */
class KafkaOutageIT {
    private static final String OWNER = "outage-owner";

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("kafka-outage");

    private static ServiceProcess ingestion;

    @BeforeAll
    static void startIngestion() {
        ingestion = system.service("ingestion-service");
    }



    @Test
    void noAcknowledgedEventIsLostAndNoEventIsAcknowledgedWhileTheBrokerIsDown() throws Exception {
        KafkaBroker broker = system.stack().embeddedKafka().orElseThrow(() -> new IllegalStateException("needs the embedded broker"));
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Response answer = record("before-" + i);
            assertThat(answer.statusCode()).isEqualTo(202);
            acknowledged.add(answer.jsonPath().getString("eventId"));
        }

        broker.stop();
        for (int i = 0; i < 5; i++) {
            Response answer = record("during-" + i);
            assertThat(answer.statusCode()).as("answer during the outage: %s", answer.asString()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isNotBlank();
        }

        broker.restart();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Response answer = record("after-recovery");
            assertThat(answer.statusCode()).as("ingestion recovers without a restart").isEqualTo(202);
            acknowledged.add(answer.jsonPath().getString("eventId"));
        });

        Set<String> stored = system.kafka().readAll(Topics.INTERACTIONS).stream()
                .map(record -> KafkaFixtures.header(record, "ce_id")).collect(Collectors.toSet());
        assertThat(stored).containsAll(acknowledged);
    }

    private static Response record(String interactionId) {
        return given().baseUri(ingestion.baseUri().toString()).contentType(ContentType.JSON)
                .body("{\"interactionId\":\"" + interactionId + "\",\"contactId\":\"c-1\",\"occurredAt\":\""
                        + Instant.now().minusSeconds(60) + "\",\"channel\":\"EMAIL\",\"direction\":\"OUTBOUND\"}")
                .post("/v1/owners/{owner}/interactions", OWNER);
    }
}
