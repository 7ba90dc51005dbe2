package io.passerelle.graph.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HomophilyIndexTest {

    @Test
    void eiIndexIsMinusOneWhenEveryoneIsAlikeAndOneWhenNoOneIs() {
        assertThat(HomophilyIndex.of(Set.of("paris"), List.of(Set.of("paris"), Set.of("paris")), null).eiIndex()).isEqualTo(-1.0);
        assertThat(HomophilyIndex.of(Set.of("paris"), List.of(Set.of("lyon"), Set.of("lille")), null).eiIndex()).isEqualTo(1.0);
    }

    @Test
    void eiIndexCountsOnlyComparableAlters() {
        // I = 3 (paris), E = 1 (lyon); the alter without a city is left out: (1 - 3) / 4 = -0.5.
        HomophilyIndex index = HomophilyIndex.of(Set.of("paris"),
                List.of(Set.of("paris"), Set.of("paris"), Set.of("paris"), Set.of("lyon"), Set.of()), null);

        assertThat(index.eiIndex()).isCloseTo(-0.5, within(1e-12));
        assertThat(index.comparable()).isEqualTo(4);
        assertThat(index.known()).isEqualTo(4);
    }

    @Test
    void aSharedValueAmongSeveralMakesAnAlterInternal() {
        HomophilyIndex index = HomophilyIndex.of(Set.of("escp", "dauphine"), List.of(Set.of("hec", "dauphine"), Set.of("insa")), null);

        assertThat(index.eiIndex()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void blauIsZeroForOneCategory() {
        assertThat(HomophilyIndex.of(Set.of(), List.of(Set.of("a"), Set.of("a")), null).blauIndex()).isZero();
        assertThat(HomophilyIndex.of(Set.of(), List.of(Set.of("a"), Set.of("a")), 33).blauIndex()).isZero();
    }

    @Test
    void aHalfAndHalfNetworkOfTwoSectorsIsNotMaximallyDiverse() {
        List<Set<String>> halfAndHalf = List.of(Set.of("a"), Set.of("b"), Set.of("a"), Set.of("b"));

        // 1 - (1/4 + 1/4) = 1/2, over the maximum for 33 categories 1 - 1/33 = 32/33: 33/64.
        assertThat(HomophilyIndex.of(Set.of(), halfAndHalf, 33).blauIndex()).isCloseTo(33.0 / 64.0, within(1e-12));
        // Categories unknown: not normalised, the chance that two contacts drawn at random differ.
        assertThat(HomophilyIndex.of(Set.of(), halfAndHalf, null).blauIndex()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void blauIsOneOnlyForAnEvenSpreadOverEveryCategoryThereIs() {
        List<Set<String>> three = List.of(Set.of("a"), Set.of("b"), Set.of("c"));

        assertThat(HomophilyIndex.of(Set.of(), three, 3).blauIndex()).isCloseTo(1.0, within(1e-12));
        assertThat(HomophilyIndex.of(Set.of(), three, 4).blauIndex()).as("one category nobody is in").isLessThan(1.0);
        // 1 - 3/9 = 2/3 unnormalised.
        assertThat(HomophilyIndex.of(Set.of(), three, null).blauIndex()).isCloseTo(2.0 / 3.0, within(1e-12));
    }

    @Test
    void moreCategoriesObservedThanKnownAreCountedAsCategories() {
        // Names the vocabulary does not know are categories of their own: K is at least the categories observed.
        List<Set<String>> four = List.of(Set.of("a"), Set.of("b"), Set.of("c"), Set.of("d"));

        assertThat(HomophilyIndex.of(Set.of(), four, 2).blauIndex()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aSkewedSpreadIsNormalisedByTheKnownNumberOfCategories() {
        // p = (3/4, 1/4): 1 - (9/16 + 1/16) = 3/8; maximum for K = 2 is 1/2: normalised 3/4.
        HomophilyIndex index = HomophilyIndex.of(Set.of(), List.of(Set.of("a"), Set.of("a"), Set.of("a"), Set.of("b")), 2);

        assertThat(index.blauIndex()).isCloseTo(0.75, within(1e-12));
        assertThat(index.eiIndex()).as("no owner value to compare with").isNull();
    }

    @Test
    void anAlterWithSeveralValuesSpreadsItsWeight() {
        // Weights a = 1 + 1/2, b = 1/2 over 2 alters: p = (3/4, 1/4) as above, 3/8 unnormalised.
        HomophilyIndex index = HomophilyIndex.of(Set.of(), List.of(Set.of("a"), Set.of("a", "b")), null);

        assertThat(index.blauIndex()).isCloseTo(0.375, within(1e-12));
    }

    @Test
    void nothingKnownNothingMeasured() {
        HomophilyIndex index = HomophilyIndex.of(Set.of("paris"), List.of(Set.of(), Set.of()), null);

        assertThat(index.eiIndex()).isNull();
        assertThat(index.blauIndex()).isNull();
    }
}
