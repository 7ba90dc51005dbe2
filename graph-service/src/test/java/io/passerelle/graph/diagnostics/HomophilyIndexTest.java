package io.passerelle.graph.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HomophilyIndexTest {

    @Test
    void eiIndexIsMinusOneWhenEveryoneIsAlikeAndOneWhenNoOneIs() {
        assertThat(HomophilyIndex.of(Set.of("paris"), List.of(Set.of("paris"), Set.of("paris"))).eiIndex()).isEqualTo(-1.0);
        assertThat(HomophilyIndex.of(Set.of("paris"), List.of(Set.of("lyon"), Set.of("lille"))).eiIndex()).isEqualTo(1.0);
    }

    @Test
    void eiIndexCountsOnlyComparableAlters() {
        // I = 3 (paris), E = 1 (lyon); the alter without a city is left out: (1 - 3) / 4 = -0.5.
        HomophilyIndex index = HomophilyIndex.of(Set.of("paris"),
                List.of(Set.of("paris"), Set.of("paris"), Set.of("paris"), Set.of("lyon"), Set.of()));

        assertThat(index.eiIndex()).isCloseTo(-0.5, within(1e-12));
        assertThat(index.comparable()).isEqualTo(4);
        assertThat(index.known()).isEqualTo(4);
    }

    @Test
    void aSharedValueAmongSeveralMakesAnAlterInternal() {
        HomophilyIndex index = HomophilyIndex.of(Set.of("escp", "dauphine"), List.of(Set.of("hec", "dauphine"), Set.of("insa")));

        assertThat(index.eiIndex()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void blauIsZeroForOneCategoryAndOneForAnEvenSpread() {
        assertThat(HomophilyIndex.of(Set.of(), List.of(Set.of("a"), Set.of("a"))).blauIndex()).isZero();
        assertThat(HomophilyIndex.of(Set.of(), List.of(Set.of("a"), Set.of("b"), Set.of("c"))).blauIndex()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void blauIsNormalisedByItsMaximumForTheCategoriesObserved() {
        // p = (3/4, 1/4): 1 - (9/16 + 1/16) = 3/8; maximum for k = 2 is 1/2: normalised 3/4.
        HomophilyIndex index = HomophilyIndex.of(Set.of(), List.of(Set.of("a"), Set.of("a"), Set.of("a"), Set.of("b")));

        assertThat(index.blauIndex()).isCloseTo(0.75, within(1e-12));
        assertThat(index.eiIndex()).as("no owner value to compare with").isNull();
    }

    @Test
    void anAlterWithSeveralValuesSpreadsItsWeight() {
        // Weights a = 1 + 1/2, b = 1/2 over 2 alters: p = (3/4, 1/4) as above.
        HomophilyIndex index = HomophilyIndex.of(Set.of(), List.of(Set.of("a"), Set.of("a", "b")));

        assertThat(index.blauIndex()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void nothingKnownNothingMeasured() {
        HomophilyIndex index = HomophilyIndex.of(Set.of("paris"), List.of(Set.of(), Set.of()));

        assertThat(index.eiIndex()).isNull();
        assertThat(index.blauIndex()).isNull();
    }
}
