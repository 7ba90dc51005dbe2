package io.passerelle.graph.diagnostics;

import static io.passerelle.graph.diagnostics.DiagnosticsPointTest.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.graph.diagnostics.DiagnosticsChange.BrokerageChange;
import io.passerelle.graph.diagnostics.DiagnosticsChange.ShareChange;
import io.passerelle.graph.diagnostics.DiagnosticsChange.Since;
import io.passerelle.graph.diagnostics.DiagnosticsPoint.BrokerageFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsChangeTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final DiagnosticsPoint CURRENT = point(NOW, 3, 4, 2, 1, 0.5, 6, 4, new BrokerageFigures(0.2, 8.0, 0.8));
    private static final DiagnosticsPoint MONTH_AGO = point(NOW.minus(Duration.ofDays(31)), 2, 4, 1, 1, 0.6, 4, 4,
            new BrokerageFigures(0.25, 6.5, 0.8125));

    @Test
    void eachMainFigureIsNowMinusThen() {
        Since since = Since.between(CURRENT, MONTH_AGO);

        assertThat(since.comparedWith()).isEqualTo(MONTH_AGO.computedAt());
        assertThat(since.contacts()).isEqualTo(2);
        assertThat(since.byClass()).containsOnlyKeys("STRONG", "WEAK", "DORMANT", "NASCENT");
        assertThat(since.byClass().get("STRONG").count()).isEqualTo(1);
        assertThat(since.byClass().get("STRONG").share()).isCloseTo(0.3 - 0.25, within(1e-12));
        assertThat(since.byClass().get("WEAK")).satisfies(weak -> {
            assertThat(weak.count()).as("as many weak ties").isZero();
            assertThat(weak.share()).as("a smaller share of a larger network").isCloseTo(0.4 - 0.5, within(1e-12));
        });
        assertThat(since.byClass().get("NASCENT").share()).isCloseTo(0.1 - 0.125, within(1e-12));
        assertThat(since.byScale()).hasSize(8);
        assertThat(since.byScale().get("CITY").count()).isEqualTo(2);
        assertThat(since.byScale().get("CITY").share()).isCloseTo(0.6 - 0.5, within(1e-12));
        assertThat(since.byScale().get("REGION")).isEqualTo(new ShareChange(0, 0.0));
        assertThat(since.alterEgoIndex()).isCloseTo(-0.1, within(1e-12));
        assertThat(since.brokerage().constraint()).isCloseTo(-0.05, within(1e-12));
        assertThat(since.brokerage().effectiveSize()).isCloseTo(1.5, within(1e-12));
        assertThat(since.brokerage().efficiency()).isCloseTo(-0.0125, within(1e-12));
    }

    @Test
    void comparedWithItselfNothingChanged() {
        Since since = Since.between(CURRENT, CURRENT);

        assertThat(since.contacts()).isZero();
        assertThat(since.byClass().values()).allMatch(change -> change.equals(new ShareChange(0, 0.0)));
        assertThat(since.byScale().values()).allMatch(change -> change.equals(new ShareChange(0, 0.0)));
        assertThat(since.alterEgoIndex()).isZero();
        assertThat(since.brokerage()).isEqualTo(new BrokerageChange(0.0, 0.0, 0.0));
    }

    @Test
    void aFigureUnknownNowOrThenHasNoChange() {
        DiagnosticsPoint withoutIndex = point(NOW, 3, 4, 2, 1, null, 6, 4, new BrokerageFigures(null, 0.0, null));

        Since sinceKnown = Since.between(withoutIndex, MONTH_AGO);
        Since sinceUnknown = Since.between(CURRENT, point(MONTH_AGO.computedAt(), 2, 4, 1, 1, null, 4, 4, null));

        assertThat(sinceKnown.alterEgoIndex()).isNull();
        assertThat(sinceKnown.brokerage()).isEqualTo(new BrokerageChange(null, -6.5, null));
        assertThat(sinceUnknown.alterEgoIndex()).isNull();
        assertThat(sinceUnknown.brokerage()).isEqualTo(new BrokerageChange(null, null, null));
        assertThat(sinceUnknown.contacts()).as("counts are always known").isEqualTo(2);
    }

    @Test
    void aWindowWithoutAPointThatOldIsNull() {
        DiagnosticsChange change = DiagnosticsChange.of(CURRENT, MONTH_AGO, null);

        assertThat(change.since30Days()).isEqualTo(Since.between(CURRENT, MONTH_AGO));
        assertThat(change.since90Days()).isNull();
        assertThat(DiagnosticsChange.of(CURRENT, null, null)).isEqualTo(new DiagnosticsChange(null, null));
    }

    @Test
    void theWindowsLookBack30And90Days() {
        assertThat(DiagnosticsChange.comparedAsOf(NOW, DiagnosticsChange.SHORT_WINDOW)).isEqualTo(Instant.parse("2026-02-02T10:00:00Z"));
        assertThat(DiagnosticsChange.comparedAsOf(NOW, DiagnosticsChange.LONG_WINDOW)).isEqualTo(Instant.parse("2025-12-04T10:00:00Z"));
    }

    @Test
    void aMissingWindowIsWrittenAsNullAndTheChangeTravelsWithTheDiagnostics() throws Exception {
        Diagnostics diagnostics = NetworkDiagnostics.compute("owner", null, List.of(), NOW);
        Diagnostics answered = diagnostics.withChange(DiagnosticsChange.of(DiagnosticsPoint.of(diagnostics), null, null));

        JsonNode json = EventJson.mapper().readTree(EventJson.write(answered));

        assertThat(json.get("change").has("since30Days")).as("written, not left out").isTrue();
        assertThat(json.get("change").get("since30Days").isNull()).isTrue();
        assertThat(json.get("change").get("since90Days").isNull()).isTrue();
        assertThat(EventJson.read(EventJson.write(answered), Diagnostics.class)).isEqualTo(answered);
        assertThat(EventJson.mapper().readTree(EventJson.write(diagnostics)).has("change")).as("a computation has none").isFalse();
    }
}
