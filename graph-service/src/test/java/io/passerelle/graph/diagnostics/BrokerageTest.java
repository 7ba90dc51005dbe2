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

    @Test
    void withTooFewContactsCarryingMutualDataThereAreNoMeasuresButTheReason() {
        // Ten contacts, only a and b tied: 2 of 10 = 20% have mutual-contact data, under 30%.
        Brokerage.Accumulator thin = new Brokerage.Accumulator();
        thin.add("a", List.of("b"));
        for (String id : List.of("b", "c", "d", "e", "f", "g", "h", "i", "j")) {
            thin.add(id, null);
        }

        Brokerage.Assessment assessment = thin.assess(0.30);

        assertThat(assessment.brokerage()).isNull();
        assertThat(assessment.unavailable()).isEqualTo(new BrokerageUnavailable(BrokerageUnavailable.THIN_MUTUAL_CONTACT_DATA, 2, 0.2, 0.30));
        assertThat(thin.result().efficiency()).as("what the figures would wrongly say: a near perfect broker").isGreaterThan(0.9);
    }

    @Test
    void withoutAnyMutualDataTheOwnerIsNotAPerfectBroker() {
        Brokerage.Accumulator none = new Brokerage.Accumulator();
        for (String id : List.of("a", "b", "c")) {
            none.add(id, List.of());
        }

        Brokerage.Assessment assessment = none.assess(0.30);

        assertThat(assessment.brokerage()).isNull();
        assertThat(assessment.unavailable().reason()).isEqualTo(BrokerageUnavailable.THIN_MUTUAL_CONTACT_DATA);
        assertThat(assessment.unavailable().contactsWithMutualData()).isZero();
        assertThat(assessment.unavailable().share()).isZero();
    }

    @Test
    void withEnoughContactsCarryingMutualDataTheMeasuresAreGiven() {
        // a names b, c is named by d: 4 of 10 = 40% (the named count too), over 30%.
        Brokerage.Accumulator enough = new Brokerage.Accumulator();
        enough.add("a", List.of("b"));
        enough.add("d", List.of("c", "not-a-contact"));
        for (String id : List.of("b", "c", "e", "f", "g", "h", "i", "j")) {
            enough.add(id, null);
        }

        Brokerage.Assessment assessment = enough.assess(0.30);

        assertThat(assessment.unavailable()).isNull();
        assertThat(assessment.brokerage()).isEqualTo(enough.result());
        assertThat(assessment.brokerage().tiesAmongAlters()).isEqualTo(2);
        assertThat(assessment.brokerage().effectiveSize()).isCloseTo(10 - 2.0 * 2 / 10, within(1e-12));
    }

    @Test
    void theThresholdItselfIsEnoughAndAnUnknownIdIsNoData() {
        Brokerage.Accumulator atThreshold = new Brokerage.Accumulator();
        atThreshold.add("a", List.of("b", "x"));
        atThreshold.add("b", null);
        atThreshold.add("c", List.of("y"));
        atThreshold.add("d", null);

        // a and b tied: 2 of 4 = 50%; c names only an id that is not a contact.
        assertThat(atThreshold.assess(0.5).brokerage()).isNotNull();
        assertThat(atThreshold.assess(0.51).unavailable().contactsWithMutualData()).isEqualTo(2);
        assertThat(atThreshold.assess(0.0).brokerage()).as("a threshold of 0 gives the figures whatever the data").isNotNull();
    }

    @Test
    void noContactsNoMeasuresAndTheReasonSaysSo() {
        Brokerage.Assessment assessment = new Brokerage.Accumulator().assess(0.30);

        assertThat(assessment.brokerage()).isNull();
        assertThat(assessment.unavailable()).isEqualTo(new BrokerageUnavailable(BrokerageUnavailable.NO_CONTACTS, 0, 0.0, 0.30));
    }
}
