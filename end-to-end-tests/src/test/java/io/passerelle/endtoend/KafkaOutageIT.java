package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.passerelle.client.ingestion.ApiException;
import io.passerelle.client.ingestion.ApiResponse;
import io.passerelle.client.ingestion.model.Channel;
import io.passerelle.client.ingestion.model.Direction;
import io.passerelle.client.ingestion.model.Interaction;
import io.passerelle.client.ingestion.model.InteractionAccepted;
import io.passerelle.contracts.Topics;
import io.passerelle.localstack.KafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private static ServiceApis.Ingestion ingestion;

    @BeforeAll
    static void startIngestion() {
        ingestion = system.ingestionApi(system.service("ingestion-service"));
    }



    @Test
    void noAcknowledgedEventIsLostAndNoEventIsAcknowledgedWhileTheBrokerIsDown() throws Exception {
        KafkaBroker broker = system.stack().embeddedKafka().orElseThrow(() -> new IllegalStateException("needs the embedded broker"));
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ApiResponse<InteractionAccepted> answer = record("before-" + i);
            assertThat(answer.getStatusCode()).isEqualTo(202);
            acknowledged.add(answer.getData().getEventId());
        }

        broker.stop();
        for (int i = 0; i < 5; i++) {
            String interactionId = "during-" + i;
            ApiException refused = catchThrowableOfType(ApiException.class, () -> record(interactionId));
            assertThat(refused).as("no answer but a refusal during the outage").isNotNull();
            assertThat(refused.getCode()).as("answer during the outage: %s", refused.getResponseBody()).isEqualTo(503);
            assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.getResponseHeaders().firstValue("Retry-After")).hasValueSatisfying(value -> assertThat(value).isNotBlank());
        }

        broker.restart();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreException(ApiException.class).untilAsserted(() -> {
            ApiResponse<InteractionAccepted> answer = record("after-recovery");
            assertThat(answer.getStatusCode()).as("ingestion recovers without a restart").isEqualTo(202);
            acknowledged.add(answer.getData().getEventId());
        });

        Set<String> stored = system.kafka().readAll(Topics.INTERACTIONS).stream()
                .map(record -> KafkaFixtures.header(record, "ce_id")).collect(Collectors.toSet());
        assertThat(stored).containsAll(acknowledged);
    }

    private static ApiResponse<InteractionAccepted> record(String interactionId) throws ApiException {
        return ingestion.interactions().recordInteractionWithHttpInfo(OWNER, new Interaction().interactionId(interactionId).contactId("c-1")
                .occurredAt(Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC)).channel(Channel.EMAIL).direction(Direction.OUTBOUND));
    }
}
