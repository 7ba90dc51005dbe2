package io.passerelle.graph;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.graph.tie.TieStrengthModel;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/owners/{ownerId}/diagnostics} for an owner with 30,000 contacts and ten mutual
 * contacts each, the rows written straight into the database: computed (the network version changed
 * before each request: one snapshot of compact columns, the indices, the cache write) and answered
 * from the cache. Prints figures; asserts only the answers. Run with
 * {@code mvn -pl graph-service test -Dgroups=benchmark -DexcludedGroups=none -Dtest='Diagnostics*BenchmarkTest'}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DiagnosticsEndpointBenchmarkTest {
    private static final String COMPACT_COLUMNS = """
            t.contact_id, t.tie_class, t.geographic_scale, c.origin, c.source, c.relation_contexts, c.sector, c.city,
            c.schools, c.company, c.past_companies, c.mutual_contact_ids""";

    @Inject
    TieStrengthModel model;

    @Test
    void diagnosticsEndpointForThirtyThousandContacts() throws Exception {
        BenchmarkNetwork network = new BenchmarkNetwork(Instant.now(), model.parameters());
        String owner = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        network.insert(owner);

        long[] computed = new long[15];
        String computedAt = null;
        for (int round = 0; round < computed.length; round++) {
            network.invalidate(owner);
            long start = System.nanoTime();
            JsonPath answer = given().get("/v1/owners/{owner}/diagnostics", owner).then().statusCode(200).extract().jsonPath();
            computed[round] = System.nanoTime() - start;
            assertThat(answer.getInt("contacts")).isEqualTo(BenchmarkNetwork.CONTACTS);
            assertThat(answer.getString("computedAt")).as("computed anew").isNotEqualTo(computedAt);
            computedAt = answer.getString("computedAt");
        }
        DiagnosticsComputationBenchmarkTest.print("GET /v1/owners/{ownerId}/diagnostics, computed", computed, 5);

        long[] cached = new long[60];
        for (int round = 0; round < cached.length; round++) {
            long start = System.nanoTime();
            String answeredAt = given().get("/v1/owners/{owner}/diagnostics", owner).then().statusCode(200).extract().path("computedAt");
            cached[round] = System.nanoTime() - start;
            assertThat(answeredAt).as("from the cache").isEqualTo(computedAt);
        }
        DiagnosticsComputationBenchmarkTest.print("GET /v1/owners/{ownerId}/diagnostics, from the cache", cached, 10);

        // Where a computation's time goes: the query of the compact columns alone (JDBC, every value read as text),
        // and for comparison the query of whole contact documents that the endpoint made before.
        long[] compact = new long[10];
        long[] documents = new long[10];
        for (int round = 0; round < compact.length; round++) {
            long start = System.nanoTime();
            assertThat(network.select(owner, COMPACT_COLUMNS)).isEqualTo(BenchmarkNetwork.CONTACTS);
            long selected = System.nanoTime();
            assertThat(network.select(owner, "t.contact_id, t.tie_class, t.geographic_scale, c.contact::text"))
                    .isEqualTo(BenchmarkNetwork.CONTACTS);
            compact[round] = selected - start;
            documents[round] = System.nanoTime() - selected;
        }
        DiagnosticsComputationBenchmarkTest.print("of a computation, the query of compact columns (JDBC)", compact, 3);
        DiagnosticsComputationBenchmarkTest.print("for comparison, the query of whole contact documents (JDBC)", documents, 3);
    }
}
