package io.passerelle.graph;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.graph.tie.TieStrengthModel;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/owners/{ownerId}/diagnostics} for an owner with 30,000 contacts and ten mutual
 * contacts each, the rows written straight into the database: one query, JSON reading, the model
 * and the indices, and the answer's serialisation. Prints figures; asserts only the answer. Run with
 * {@code mvn -pl graph-service test -Dgroups=benchmark -DexcludedGroups=none}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DiagnosticsEndpointBenchmarkTest {

    @Inject
    TieStrengthModel model;

    @Test
    void diagnosticsEndpointForThirtyThousandContacts() throws Exception {
        BenchmarkNetwork network = new BenchmarkNetwork(Instant.now(), model.parameters());
        String owner = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        network.insert(owner);

        long[] nanos = new long[13];
        for (int round = 0; round < nanos.length; round++) {
            long start = System.nanoTime();
            int contacts = given().get("/v1/owners/{owner}/diagnostics", owner).then().statusCode(200).extract().path("contacts");
            nanos[round] = System.nanoTime() - start;
            assertThat(contacts).isEqualTo(BenchmarkNetwork.CONTACTS);
        }
        DiagnosticsComputationBenchmarkTest.print("GET /v1/owners/{ownerId}/diagnostics", nanos, 3);

        // Where the time goes: the query alone (through JDBC) and reading the contacts' JSON alone.
        long[] query = new long[8];
        long[] parse = new long[8];
        for (int round = 0; round < query.length; round++) {
            long start = System.nanoTime();
            List<String> contacts = network.selectContacts(owner);
            long selected = System.nanoTime();
            for (String json : contacts) {
                EventJson.read(json, Contact.class);
            }
            query[round] = selected - start;
            parse[round] = System.nanoTime() - selected;
        }
        DiagnosticsComputationBenchmarkTest.print("of which the query (JDBC, same SQL)", query, 3);
        DiagnosticsComputationBenchmarkTest.print("of which reading the contacts' JSON", parse, 3);
    }
}
