package io.passerelle.graph.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.diagnostics.DiagnosticsPoint.BrokerageFigures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticsPointTest {
    private static final Instant AT = Instant.parse("2026-03-04T10:00:00Z");

    static DiagnosticsPoint point(Instant at, int strong, int weak, int dormant, int nascent, Double alterEgoIndex, int city, int world,
            BrokerageFigures brokerage) {
        return DiagnosticsPoint.of(at, strong + weak + dormant + nascent,
                Map.of(TieClass.STRONG, strong, TieClass.WEAK, weak, TieClass.DORMANT, dormant, TieClass.NASCENT, nascent),
                alterEgoIndex, Map.of(GeographicScale.CITY, city, GeographicScale.WORLD, world), brokerage);
    }

    @Test
    void aPointKeepsTheMainFiguresOfTheDiagnostics() {
        List<NetworkMember> members = List.of(
                new NetworkMember("a", TieClass.STRONG, GeographicScale.CITY, null, null, null, null, null, null, null, null, List.of("b")),
                new NetworkMember("b", TieClass.WEAK, GeographicScale.CITY, null, null, null, null, null, null, null, null, null),
                new NetworkMember("c", TieClass.DORMANT, GeographicScale.WORLD, null, null, null, null, null, null, null, null, null),
                new NetworkMember("d", TieClass.DORMANT, GeographicScale.UNKNOWN, null, null, null, null, null, null, null, null, null));
        Diagnostics diagnostics = NetworkDiagnostics.compute("owner", null, members, AT);

        DiagnosticsPoint point = DiagnosticsPoint.of(diagnostics);

        assertThat(point.computedAt()).isEqualTo(AT);
        assertThat(point.contacts()).isEqualTo(4);
        assertThat(point.byClass()).isEqualTo(diagnostics.byClass());
        assertThat(point.byScale()).isEqualTo(diagnostics.byScale());
        assertThat(point.count(TieClass.DORMANT)).isEqualTo(2);
        assertThat(point.share(TieClass.DORMANT)).isEqualTo(0.5);
        assertThat(point.alterEgoIndex()).isNull();
        assertThat(point.brokerage()).isEqualTo(new BrokerageFigures(diagnostics.brokerage().constraint(),
                diagnostics.brokerage().effectiveSize(), diagnostics.brokerage().efficiency()));
    }

    @Test
    void sharesAreCountsOverContactsAndZeroWithoutContacts() {
        DiagnosticsPoint point = point(AT, 1, 3, 0, 0, 0.5, 4, 0, null);
        DiagnosticsPoint empty = point(AT, 0, 0, 0, 0, null, 0, 0, null);

        assertThat(point.share(TieClass.WEAK)).isEqualTo(0.75);
        assertThat(point.share(GeographicScale.CITY)).isEqualTo(1.0);
        assertThat(point.byClass()).containsOnlyKeys("STRONG", "WEAK", "DORMANT", "NASCENT");
        assertThat(point.byScale()).containsOnlyKeys("NEIGHBOURHOOD", "CITY", "DEPARTMENT", "REGION", "COUNTRY", "EUROPE", "WORLD", "UNKNOWN");
        assertThat(empty.share(TieClass.STRONG)).isZero();
        assertThat(empty.brokerage()).as("no measure, no brokerage").isNull();
        assertThat(empty.brokerageFigures()).isEqualTo(new BrokerageFigures(null, null, null));
    }

    @Test
    void theSameFiguresAtAnotherInstantAreNoChange() {
        BrokerageFigures brokerage = new BrokerageFigures(0.25, 3.5, 0.875);
        DiagnosticsPoint point = point(AT, 1, 2, 1, 0, 0.5, 3, 1, brokerage);

        assertThat(point.sameFiguresAs(point(AT.plusSeconds(3600), 1, 2, 1, 0, 0.5, 3, 1, brokerage))).isTrue();
        assertThat(point.sameFiguresAs(point(AT, 1, 2, 1, 0, 0.5 + 1e-12, 3, 1,
                new BrokerageFigures(0.25 + 1e-12, 3.5 - 1e-12, 0.875)))).as("sums in another order").isTrue();
    }

    @Test
    void anyMainFigureThatMovesIsAChange() {
        BrokerageFigures brokerage = new BrokerageFigures(0.25, 3.5, 0.875);
        DiagnosticsPoint point = point(AT, 1, 2, 1, 0, 0.5, 3, 1, brokerage);

        assertThat(point.sameFiguresAs(null)).isFalse();
        assertThat(point.sameFiguresAs(point(AT, 2, 1, 1, 0, 0.5, 3, 1, brokerage))).as("a class").isFalse();
        assertThat(point.sameFiguresAs(point(AT, 1, 2, 1, 1, 0.5, 3, 2, brokerage))).as("one more contact").isFalse();
        assertThat(point.sameFiguresAs(point(AT, 1, 2, 1, 0, 0.5, 2, 2, brokerage))).as("a scale").isFalse();
        assertThat(point.sameFiguresAs(point(AT, 1, 2, 1, 0, 0.6, 3, 1, brokerage))).as("the alter-ego index").isFalse();
        assertThat(point.sameFiguresAs(point(AT, 1, 2, 1, 0, null, 3, 1, brokerage))).as("an index no longer known").isFalse();
        assertThat(point.sameFiguresAs(point(AT, 1, 2, 1, 0, 0.5, 3, 1, new BrokerageFigures(0.26, 3.5, 0.875)))).as("constraint").isFalse();
        assertThat(point.sameFiguresAs(point(AT, 1, 2, 1, 0, 0.5, 3, 1, new BrokerageFigures(0.25, 3.4, 0.875)))).as("effective size").isFalse();
        assertThat(point.sameFiguresAs(point(AT, 1, 2, 1, 0, 0.5, 3, 1, new BrokerageFigures(0.25, 3.5, 0.85)))).as("efficiency").isFalse();
        assertThat(point.sameFiguresAs(point(AT, 1, 2, 1, 0, 0.5, 3, 1, null))).as("no brokerage").isFalse();
    }
}
