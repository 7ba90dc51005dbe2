package io.passerelle.graph.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlterEgoIndexTest {
    // sector, city, school, employer
    private static final List<Set<String>> OWNER = List.of(Set.of("coaching"), Set.of("paris"), Set.of("escp"),
            Set.of("viadeo", "capgemini"));

    private static List<Set<String>> contact(String sector, String city, String school, String employer) {
        return List.of(value(sector), value(city), value(school), value(employer));
    }

    private static Set<String> value(String value) {
        return value == null ? Set.of() : Set.of(value);
    }

    @Test
    void matchingOnMostComparableAttributesMakesAnAlterEgo() {
        assertThat(AlterEgoIndex.isAlterEgo(OWNER, contact("coaching", "paris", "escp", "capgemini"))).isTrue();
        assertThat(AlterEgoIndex.isAlterEgo(OWNER, contact("coaching", "paris", "hec", "orange"))).as("2 of 4 is not most").isFalse();
        assertThat(AlterEgoIndex.isAlterEgo(OWNER, contact("coaching", "paris", "escp", "orange"))).isTrue();
        assertThat(AlterEgoIndex.isAlterEgo(OWNER, contact("coaching", "paris", null, "orange"))).as("2 of 3").isTrue();
        assertThat(AlterEgoIndex.isAlterEgo(OWNER, contact("retail", "paris", null, null))).as("1 of 2").isFalse();
        assertThat(AlterEgoIndex.isAlterEgo(OWNER, contact(null, "paris", null, null))).as("one attribute cannot tell").isNull();
    }

    @Test
    void theIndexIsTheShareOfAlterEgosAmongTheContactsThatCanBeCompared() {
        AlterEgoIndex index = AlterEgoIndex.of(OWNER, List.of(
                contact("coaching", "paris", "escp", "viadeo"),
                contact("coaching", "paris", null, null),
                contact("retail", "lyon", "hec", "orange"),
                contact(null, "paris", null, null)));

        assertThat(index.counted()).isEqualTo(3);
        assertThat(index.alterEgos()).isEqualTo(2);
        assertThat(index.index()).isEqualTo(2.0 / 3.0);
    }

    @Test
    void noComparableContactNoIndex() {
        assertThat(AlterEgoIndex.of(OWNER, List.of(contact(null, null, null, null))).index()).isNull();
    }
}
