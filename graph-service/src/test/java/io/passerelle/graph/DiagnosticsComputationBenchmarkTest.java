package io.passerelle.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.diagnostics.NetworkDiagnostics;
import io.passerelle.graph.diagnostics.NetworkMember;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TieStrengthModel;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java diagnostics of an owner with 30,000 contacts and ten mutual contacts each: every
 * index from the members, and apart, what computing every tie's class and scale from its statistics
 * would add (the endpoint reads the stored ones). Prints figures; asserts only that the answer is
 * complete. Run with {@code mvn -pl graph-service test -Dgroups=benchmark -DexcludedGroups=none}.
 */
@Tag("benchmark")
class DiagnosticsComputationBenchmarkTest {

    @Test
    void diagnosticsOfThirtyThousandContacts() {
        Instant now = Instant.now();
        TieStrengthModel model = new TieStrengthModel(TieParameters.defaults());
        BenchmarkNetwork network = new BenchmarkNetwork(now, model.parameters());

        long[] classes = new long[20];
        long[] indices = new long[20];
        Diagnostics diagnostics = null;
        for (int round = 0; round < classes.length; round++) {
            long start = System.nanoTime();
            List<NetworkMember> members = network.members(model, now);
            long classified = System.nanoTime();
            diagnostics = NetworkDiagnostics.compute("bench", network.owner, members, now);
            classes[round] = classified - start;
            indices[round] = System.nanoTime() - classified;
        }

        assertThat(diagnostics.contacts()).isEqualTo(BenchmarkNetwork.CONTACTS);
        print("classes and scales of every tie", classes, 5);
        print("breakdowns, homophily, alter egos, brokerage", indices, 5);
        System.out.printf("BENCHMARK brokerage %s%n", diagnostics.brokerage());
    }

    static void print(String what, long[] nanos, int warmUp) {
        long[] measured = Arrays.copyOfRange(nanos, warmUp, nanos.length);
        Arrays.sort(measured);
        int p95 = Math.min(measured.length - 1, (int) Math.ceil(0.95 * measured.length) - 1);
        System.out.printf("BENCHMARK %s, %d contacts x %d mutual: min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms (%d runs after %d warm-up)%n",
                what, BenchmarkNetwork.CONTACTS, BenchmarkNetwork.MUTUAL_PER_CONTACT, measured[0] / 1e6,
                measured[measured.length / 2] / 1e6, measured[p95] / 1e6, measured[measured.length - 1] / 1e6, measured.length, warmUp);
    }
}
