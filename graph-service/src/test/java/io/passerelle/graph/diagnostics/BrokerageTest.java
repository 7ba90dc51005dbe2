package io.passerelle.graph.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Burt's measures against small ego networks computed by hand. */
class BrokerageTest {

    @Test
    void aStarWhoseAltersDoNotKnowEachOtherIsUnconstrained() {
        // c = n (1/n)^2 = 1/n; effective size n; efficiency 1.
        Brokerage star = Brokerage.of(List.of("a", "b", "c", "d"), Map.of());

        assertThat(star.constraint()).isCloseTo(0.25, within(1e-12));
        assertThat(star.effectiveSize()).isCloseTo(4.0, within(1e-12));
        assertThat(star.efficiency()).isCloseTo(1.0, within(1e-12));
        assertThat(star.tiesAmongAlters()).isZero();
    }

    @Test
    void aTriangle() {
        // Owner o with alters a and b who know each other: p_oa = p_ob = 1/2, p_ab = p_ba = 1/2 (each alter has degree 2).
        // c = 2 (1/2 + 1/2 * 1/2)^2 = 2 * 9/16 = 1.125; effective size 2 - 2*1/2 = 1; efficiency 1/2.
        Brokerage triangle = Brokerage.of(List.of("a", "b"), Map.of("a", List.of("b")));

        assertThat(triangle.constraint()).isCloseTo(1.125, within(1e-12));
        assertThat(triangle.effectiveSize()).isCloseTo(1.0, within(1e-12));
        assertThat(triangle.efficiency()).isCloseTo(0.5, within(1e-12));
        assertThat(triangle.tiesAmongAlters()).isEqualTo(1);
    }

    @Test
    void aFullyConnectedEgoNetworkOfThreeAlters() {
        // Every alter has degree 3 (owner plus two alters): p = 1/3 everywhere.
        // c = 3 (1/3 + 2 * 1/3 * 1/3)^2 = 3 (5/9)^2 = 25/27; t = 3, effective size 3 - 2*3/3 = 1; efficiency 1/3.
        Brokerage clique = Brokerage.of(List.of("a", "b", "c"),
                Map.of("a", List.of("b", "c"), "b", List.of("a", "c"), "c", List.of("a", "b")));

        assertThat(clique.constraint()).isCloseTo(25.0 / 27.0, within(1e-12));
        assertThat(clique.effectiveSize()).isCloseTo(1.0, within(1e-12));
        assertThat(clique.efficiency()).isCloseTo(1.0 / 3.0, within(1e-12));
        assertThat(clique.tiesAmongAlters()).isEqualTo(3);
    }

    @Test
    void threeAltersTwoOfWhomKnowEachOther() {
        // a-b tied, c isolated: deg(a) = deg(b) = 2, deg(c) = 1; p_oj = 1/3.
        // c_a = c_b = (1/3 + 1/3 * 1/2)^2 = 1/4, c_c = (1/3)^2 = 1/9: c = 1/2 + 1/9 = 11/18.
        // Effective size 3 - 2/3 = 7/3; efficiency 7/9.
        Brokerage partial = Brokerage.of(List.of("a", "b", "c"), Map.of("b", List.of("a")));

        assertThat(partial.constraint()).isCloseTo(11.0 / 18.0, within(1e-12));
        assertThat(partial.effectiveSize()).isCloseTo(7.0 / 3.0, within(1e-12));
        assertThat(partial.efficiency()).isCloseTo(7.0 / 9.0, within(1e-12));
    }

    @Test
    void tiesAreUndirectedAndIdsOutsideTheNetworkOrToOneselfAreIgnored() {
        Brokerage named = Brokerage.of(List.of("a", "b"), Map.of("a", List.of("b", "a", "stranger"), "b", List.of("a")));

        assertThat(named.tiesAmongAlters()).isEqualTo(1);
        assertThat(named.constraint()).isCloseTo(1.125, within(1e-12));
    }

    @Test
    void noAltersNoMeasure() {
        Brokerage empty = Brokerage.of(List.of(), Map.of());

        assertThat(empty.constraint()).isNull();
        assertThat(empty.efficiency()).isNull();
        assertThat(empty.effectiveSize()).isZero();
    }

    @Test
    void altersMayBeAddedAfterTheAltersThatNameThemAndInAnyOrder() {
        // The triangle a-b-c plus d, named by c before d is added, and a stranger named by d.
        Brokerage.Accumulator namedFirst = new Brokerage.Accumulator();
        namedFirst.add("c", List.of("a", "b", "d"));
        namedFirst.add("a", null);
        namedFirst.add("d", List.of("stranger"));
        namedFirst.add("b", List.of("a"));
        Brokerage expected = Brokerage.of(List.of("a", "b", "c", "d"),
                Map.of("a", List.of("b", "c"), "b", List.of("c"), "c", List.of("d")));

        Brokerage result = namedFirst.result();
        assertThat(result.alters()).isEqualTo(4);
        assertThat(result.tiesAmongAlters()).isEqualTo(4);
        assertThat(result.constraint()).isCloseTo(expected.constraint(), within(1e-12));
        assertThat(result.effectiveSize()).isCloseTo(expected.effectiveSize(), within(1e-12));
    }

    @Test
    void anAlterAddedTwiceCountsOnce() {
        Brokerage.Accumulator twice = new Brokerage.Accumulator();
        twice.add("a", List.of("b"));
        twice.add("b", null);
        twice.add("a", List.of("b"));

        assertThat(twice.result().alters()).isEqualTo(2);
        assertThat(twice.result().tiesAmongAlters()).isEqualTo(1);
    }
}
