package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Source;
import io.passerelle.localstack.PostgresServer;
import io.passerelle.localstack.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL stops under graph-service: readiness reports DOWN, consumption pauses instead of
 * skipping, and once the database is back readiness is UP again and every event is applied.
 */
class PostgresOutageIT {
    private static final String OWNER = "pg-outage-owner";

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("postgres-outage");



    @Test
    void consumptionPausesWhileTheDatabaseIsDownAndResumesWithoutSkippingAnything() throws Exception {
        ServiceProcess graph = system.service("graph-service");
        PostgresServer postgres = system.stack().embeddedPostgres().orElseThrow(() -> new IllegalStateException("needs the embedded database"));
        system.kafka().sendEvent(Topics.CONTACTS, OWNER, Identifiers.randomId(), EventTypes.CONTACT_UPSERTED, new ContactUpserted(OWNER, "ada",
                new Contact("Ada", null, null, null, null, null, null, null, null, null, null, null, null, null, null))).get();
        sendInteractions(0, 10);
        awaitInteractionCount(graph, 10);
        long consumedBeforeTheOutage = recordsConsumed(graph);
        assertThat(consumedBeforeTheOutage).as("records-consumed-total of graph-service's consumer in /q/metrics").isPositive();

        postgres.stop();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(readiness(graph)).isEqualTo(503));
        sendInteractions(10, 30);
        // The consumer must take the new records while the database is down (and fail on them), else the
        // restart below would prove nothing: its Kafka client counts the records its polls returned.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(recordsConsumed(graph)).isGreaterThanOrEqualTo(consumedBeforeTheOutage + 20));
        assertThat(readiness(graph)).isEqualTo(503);

        postgres.restart();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(readiness(graph)).isEqualTo(200));
        awaitInteractionCount(graph, 30);
    }

    private static void sendInteractions(int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            String id = "pg-" + i;
            system.kafka().sendEvent(Topics.INTERACTIONS, OWNER, Identifiers.stableId(OWNER, id), EventTypes.INTERACTION_RECORDED,
                    new InteractionRecorded(OWNER, new Interaction(id, "ada", Instant.now().minus(Duration.ofDays(i + 1)),
                            Channel.CALL, Direction.MUTUAL, 20, Source.PHONE)));
        }
        system.kafka().flush();
    }

    /**
     * How many records the polls of graph-service's consumer of the ingestion topics have returned
     * ({@code records-consumed-total} of the Kafka client, in /q/metrics on the management port), fetched or not yet applied.
     */
    private static long recordsConsumed(ServiceProcess graph) {
        // Raw call: the metrics are on the management port, outside the OpenAPI documents.
        RawHttp.Answer metrics = RawHttp.get(graph.metricsUri());
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.body().lines()
                .filter(line -> line.startsWith("kafka_consumer_fetch_manager_records_consumed_total{"))
                .filter(line -> line.contains("ingested-events") && !line.contains("topic="))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void awaitInteractionCount(ServiceProcess graph, int expected) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(ServiceApis.answer(() -> system.graphApi(graph).ties().getTie("ada", OWNER, null)).getInteractionCount()).isEqualTo(expected);
        });
    }

    /** Raw call: readiness is Quarkus's /q/health, outside the OpenAPI documents. */
    private static int readiness(ServiceProcess graph) {
        return RawHttp.get(graph.baseUri().resolve("/q/health/ready")).status();
    }
}
