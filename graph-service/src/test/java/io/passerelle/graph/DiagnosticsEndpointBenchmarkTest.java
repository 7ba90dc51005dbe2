package io.passerelle.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.diagnostics.NetworkDiagnostics;
import io.passerelle.graph.repository.NetworkStore;
import io.passerelle.tie.TieStrengthModel;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/owners/{ownerId}/diagnostics} for an owner with 30,000 contacts and ten mutual
 * contacts each, the rows written straight into the database: how soon the background refresh has
 * diagnosed them with nobody asking; computed at the request (the cached entry removed before each
 * request, as when a request comes before the refresh caught up: one snapshot of compact columns diagnosed as it is read,
 * the brokerage, the cache write)
 * and answered from the cache; then, apart, the parts of a computation. Prints figures; asserts only the answers. Run with
 * {@code mvn -pl graph-service test -Dgroups=benchmark -DexcludedGroups=none -Dtest='Diagnostics*BenchmarkTest'}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DiagnosticsEndpointBenchmarkTest {
    @Inject
    TieStrengthModel model;

    @Inject
    NetworkStore networkStore;

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "passerelle.graph.diagnostics.refresh.quiet")
    Duration quiet;

    @Test
    void diagnosticsEndpointForThirtyThousandContacts() throws Exception {
        BenchmarkNetwork network = new BenchmarkNetwork(Instant.now(), model.parameters());
        String owner = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        network.insert(owner);
        // Nobody has asked yet: the background refresh diagnoses the new network once it has been quiet for refresh.quiet.
        long inserted = System.nanoTime();
        await().alias("diagnosed in the background").atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20)).until(() -> GraphDatabase.diagnosticsAreCurrent(owner));
        System.out.printf("BENCHMARK diagnosed in the background %.0f ms after the network was written (refresh.quiet %s)%n",
                (System.nanoTime() - inserted) / 1e6, quiet);

        // A plain HTTP client: rest-assured's own overhead would hide the time of an answer from the cache.
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "v1/owners/" + owner + "/diagnostics"))
                .header("Authorization", "Bearer " + LocalTokenIssuer.local().platform()).GET().build();
        long[] computed = new long[15];
        Instant computedAt = null;
        for (int round = 0; round < computed.length; round++) {
            network.forgetDiagnostics(owner);
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            computed[round] = System.nanoTime() - start;
            Diagnostics answer = answer(response);
            assertThat(answer.contacts()).isEqualTo(BenchmarkNetwork.CONTACTS);
            assertThat(answer.computedAt()).as("computed anew").isNotEqualTo(computedAt);
            computedAt = answer.computedAt();
        }
        DiagnosticsComputationBenchmarkTest.print("GET /v1/owners/{ownerId}/diagnostics, computed", computed, 5);

        long[] cached = new long[60];
        Instant cachedAt = null;
        for (int round = 0; round < cached.length; round++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            cached[round] = System.nanoTime() - start;
            Instant answeredAt = answer(response).computedAt();
            assertThat(answeredAt).as("from the cache").isEqualTo(cachedAt == null ? answeredAt : cachedAt);
            cachedAt = answeredAt;
        }
        DiagnosticsComputationBenchmarkTest.print("GET /v1/owners/{ownerId}/diagnostics, from the cache", cached, 10);

        // Where a computation's time goes: the snapshot through the reactive client, each member diagnosed as its row is
        // decoded, then the brokerage and the figures; for comparison, the read the endpoint made before: the query of
        // whole contact documents (JDBC) and their parsing.
        long[] read = new long[10];
        long[] finish = new long[10];
        long[] documents = new long[10];
        for (int round = 0; round < read.length; round++) {
            long start = System.nanoTime();
            NetworkStore.NetworkSnapshot<NetworkDiagnostics.Accumulator> snapshot = networkStore
                    .snapshot(owner, NetworkDiagnostics.Accumulator::new).await().indefinitely().orElseThrow();
            long snapshotRead = System.nanoTime();
            Diagnostics diagnostics = snapshot.members().result(owner, Instant.now());
            long finished = System.nanoTime();
            assertThat(diagnostics.contacts()).isEqualTo(BenchmarkNetwork.CONTACTS);
            List<String> contacts = network.selectDocuments(owner);
            for (String json : contacts) {
                EventJson.read(json, Contact.class);
            }
            assertThat(contacts).hasSize(BenchmarkNetwork.CONTACTS);
            read[round] = snapshotRead - start;
            finish[round] = finished - snapshotRead;
            documents[round] = System.nanoTime() - finished;
        }
        DiagnosticsComputationBenchmarkTest.print("of a computation, the snapshot read and each member diagnosed as it is decoded", read, 3);
        DiagnosticsComputationBenchmarkTest.print("of a computation, then the brokerage and the figures", finish, 3);
        DiagnosticsComputationBenchmarkTest.print("for comparison, the former read: whole contact documents queried (JDBC) and parsed", documents, 3);
    }

    private static Diagnostics answer(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return EventJson.read(response.body(), Diagnostics.class);
    }
}
