package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Source;
import io.passerelle.localstack.ServiceProcess;
import io.passerelle.localstack.security.LocalTokenIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Throughput of the pipeline on this machine, printed, never asserted against a time: how many
 * interactions per second ingestion-service accepts over HTTP (each acknowledged by the broker), and
 * how many events per second graph-service projects from Kafka (batches in one transaction each).
 * Not part of {@code mvn verify}; run it with {@code mvn -pl end-to-end-tests verify -Pbenchmark}.
 */
@Tag("benchmark")
class PipelineThroughputBenchmarkIT {
    private static final int HTTP_REQUESTS = Integer.getInteger("benchmark.http.requests", 10_000);
    private static final int HTTP_IN_FLIGHT = Integer.getInteger("benchmark.http.in-flight", 64);
    private static final int KAFKA_EVENTS = Integer.getInteger("benchmark.kafka.events", 50_000);
    private static final int OWNERS = 50;
    private static final int CONTACTS_PER_OWNER = 200;

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("benchmark");

    @Test
    void measureIngestionAndProjectionRates() throws Exception {
        ServiceProcess ingestion = system.service("ingestion-service");
        Random random = new Random(7);

        HttpClient http = HttpClient.newBuilder().build();
        String token = LocalTokenIssuer.local().platform();
        Semaphore inFlight = new Semaphore(HTTP_IN_FLIGHT);
        AtomicInteger accepted = new AtomicInteger();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        long httpStart = System.nanoTime();
        for (int i = 0; i < HTTP_REQUESTS; i++) {
            String owner = "bench-owner-" + random.nextInt(OWNERS);
            String body = EventJson.write(interaction("http-" + i, random));
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestion.baseUri() + "v1/owners/" + owner + "/interactions"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.acquire();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        if (failure == null && response.statusCode() == 202) {
                            accepted.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        double httpSeconds = (System.nanoTime() - httpStart) / 1e9;
        assertThat(accepted.get()).isEqualTo(HTTP_REQUESTS);

        long produceStart = System.nanoTime();
        List<Future<?>> acks = new ArrayList<>();
        for (int i = 0; i < KAFKA_EVENTS; i++) {
            String owner = "bench-owner-" + random.nextInt(OWNERS);
            Interaction interaction = interaction("kafka-" + i, random);
            acks.add(system.kafka().sendEvent(Topics.INTERACTIONS, owner, Identifiers.stableId(owner, interaction.interactionId()),
                    EventTypes.INTERACTION_RECORDED, new InteractionRecorded(owner, interaction)));
        }
        for (Future<?> ack : acks) {
            ack.get();
        }
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;

        long total = (long) HTTP_REQUESTS + KAFKA_EVENTS;
        long projectStart = System.nanoTime();
        ServiceProcess graph = system.service("graph-service");
        double graphStartSeconds = (System.nanoTime() - projectStart) / 1e9;
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> system.kafka().lag("graph-service", List.of(Topics.INTERACTIONS)) == 0);
        double projectSeconds = (System.nanoTime() - projectStart) / 1e9 - graphStartSeconds;

        System.out.printf("%nPipeline throughput on %d cores (%s)%n", Runtime.getRuntime().availableProcessors(), graph.name());
        System.out.printf("  ingestion-service HTTP, %d in flight : %,8.0f interactions/s (%,d in %.1f s, each acknowledged by Kafka)%n",
                HTTP_IN_FLIGHT, HTTP_REQUESTS / httpSeconds, HTTP_REQUESTS, httpSeconds);
        System.out.printf("  plain Kafka producer, acks=all       : %,8.0f records/s (%,d in %.1f s)%n",
                KAFKA_EVENTS / produceSeconds, KAFKA_EVENTS, produceSeconds);
        System.out.printf("  graph-service projection from Kafka  : %,8.0f events/s (%,d in %.1f s, after a %.1f s start)%n%n",
                total / projectSeconds, total, projectSeconds, graphStartSeconds);
    }

    private static Interaction interaction(String id, Random random) {
        return new Interaction(id, "contact-" + random.nextInt(CONTACTS_PER_OWNER),
                Instant.now().minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 365))),
                Channel.values()[random.nextInt(Channel.values().length)], Direction.values()[random.nextInt(Direction.values().length)],
                null, Source.EMAIL);
    }
}
