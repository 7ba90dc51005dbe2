package io.passerelle.advice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RequestKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formulas of {@link RankingMetrics}, on lists small enough to compute by hand. */
class RankingEvaluationMetricsTest {
    private static final Labels LABELS = new Labels()
            .relevant(2, "wanted", "a")
            .relevant(1, "acceptable", "b", "c")
            .warmPath(2, "c", "x", "a named contact");

    private static Recommendation rec(String contactId, String introductionTo) {
        return new Recommendation("r-" + contactId, "owner", "o", contactId, contactId, Action.REACH_OUT, RequestKind.LIGHT, 0.5, null, 0.3,
                introductionTo == null ? null : new Recommendation.IntroductionTarget(introductionTo, introductionTo),
                List.of(), null, Instant.EPOCH);
    }

    @Test
    void gradesCountEachContactOnceAndTakeTheBetterOfItsOwnAndItsWarmPath() {
        List<Recommendation> ranked = List.of(rec("z", null), rec("c", "x"), rec("a", null), rec("a", null), rec("c", "y"));
        assertThat(RankingMetrics.grades(ranked, LABELS, 10)).containsExactly(0, 2, 2, 0, 0);
        assertThat(RankingMetrics.grades(List.of(rec("c", "y")), LABELS, 10)).containsExactly(1);
        assertThat(RankingMetrics.grades(ranked, LABELS, 2)).containsExactly(0, 2);
    }

    @Test
    void precisionIsTheShareOfTheTenPositionsHoldingSomeoneLabelled() {
        assertThat(RankingMetrics.precisionAt(10, List.of(2, 0, 1))).isEqualTo(0.2);
        assertThat(RankingMetrics.precisionAt(10, List.of())).isZero();
    }

    @Test
    void ndcgDividesTheDiscountedGainsByThoseOfTheIdealList() {
        // ideal: c (2, through its warm path), a (2), b (1) -> 3 + 3/log2(3) + 1/2
        assertThat(LABELS.idealGrades()).containsExactly(2, 2, 1);
        double ideal = 3 + 3 / log2(3) + 1.0 / 2;
        assertThat(RankingMetrics.dcgAt(10, List.of(2, 2, 1))).isCloseTo(ideal, within(1e-9));
        assertThat(RankingMetrics.ndcgAt(10, List.of(2, 2, 1), LABELS.idealGrades())).isCloseTo(1.0, within(1e-9));
        assertThat(RankingMetrics.ndcgAt(10, List.of(0, 1), LABELS.idealGrades())).isCloseTo((1 / log2(3)) / ideal, within(1e-9));
        assertThat(RankingMetrics.ndcgAt(10, List.of(0, 0), LABELS.idealGrades())).isZero();
        assertThat(RankingMetrics.ndcgAt(10, List.of(1), new Labels().idealGrades())).isNaN();
    }

    @Test
    void anIdealTopHoldsTheBestGradedAndChoosesTheRestAmongThoseOfTheBoundaryGrade() {
        Labels labels = new Labels().relevant(2, "wanted", "a", "b").relevant(1, "acceptable", "c", "d", "e");
        Labels.IdealTop top = labels.idealTop(3);
        assertThat(top.forced()).containsExactlyInAnyOrder("a", "b");
        assertThat(top.candidates()).containsExactlyInAnyOrder("c", "d", "e");
        assertThat(top.chosen()).isEqualTo(1);
        // Fewer labelled people than places: all of them, nothing to choose.
        assertThat(labels.idealTop(10).forced()).hasSize(5);
        assertThat(labels.idealTop(10).chosen()).isZero();
    }

    @Test
    void theLabelsFloorIsTheFewestContactsTwoIdealTopsCanShare() {
        Labels.IdealTop a = new Labels.IdealTop(java.util.Set.of("a1"), java.util.Set.of("s1", "s2", "o1"), 2);
        Labels.IdealTop b = new Labels.IdealTop(java.util.Set.of("s1"), java.util.Set.of("s2", "b1"), 1);
        // a takes o1 and s2, b then takes b1 rather than s2: nothing shared (taking s1 would share it).
        assertThat(RankingEvaluation.leastIdealOverlap(a, b)).isZero();
        // b must take both its candidates, so s2 is shared unless a leaves it; a can only leave it by taking s1.
        Labels.IdealTop bFull = new Labels.IdealTop(java.util.Set.of("s1"), java.util.Set.of("s2", "b1"), 2);
        assertThat(RankingEvaluation.leastIdealOverlap(a, bFull)).isEqualTo(1);
        // Forced on both sides: always shared.
        Labels.IdealTop c = new Labels.IdealTop(java.util.Set.of("x", "y"), java.util.Set.of(), 0);
        Labels.IdealTop d = new Labels.IdealTop(java.util.Set.of("x", "y", "z"), java.util.Set.of(), 0);
        assertThat(RankingEvaluation.leastIdealOverlap(c, d)).isEqualTo(2);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
