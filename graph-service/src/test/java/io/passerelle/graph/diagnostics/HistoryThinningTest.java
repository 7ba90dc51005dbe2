package io.passerelle.graph.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.graph.diagnostics.HistoryThinning.Plan;
import io.passerelle.graph.diagnostics.HistoryThinning.Stage;
import io.passerelle.graph.diagnostics.HistoryThinning.StoredPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryThinningTest {
    private static final HistoryThinning RULE = new HistoryThinning(Duration.ofDays(7), Duration.ofDays(90));
    /** A Wednesday, mid-afternoon (UTC). */
    private static final Instant NOW = Instant.parse("2026-03-04T15:00:00Z");

    private long nextId = 1;

    private StoredPoint point(String computedAt) {
        return point(Instant.parse(computedAt));
    }

    private StoredPoint point(Instant computedAt) {
        return new StoredPoint(nextId++, computedAt, Stage.EVERY_POINT);
    }

    private static List<Instant> keptInstants(HistoryThinning rule, List<StoredPoint> points, Instant now) {
        Set<Long> kept = new HashSet<>(rule.kept(points, now));
        return points.stream().filter(p -> kept.contains(p.id())).map(StoredPoint::computedAt).sorted().toList();
    }

    @Test
    void everyPointOfTheLastDaysIsKept() {
        List<StoredPoint> points = List.of(point("2026-03-04T14:59:59Z"), point("2026-03-04T10:00:00Z"), point("2026-03-04T09:00:00Z"),
                point("2026-03-01T00:00:00Z"), point("2026-03-01T00:00:01Z"), point("2026-02-25T15:00:00Z"));

        assertThat(RULE.kept(points, NOW)).as("all within 7 days, the boundary included").hasSize(6);
        assertThat(RULE.plan(points, NOW).isEmpty()).isTrue();
    }

    @Test
    void olderPointsKeepTheLastOfEachUtcDay() {
        List<StoredPoint> points = List.of(
                point("2026-02-20T00:00:00Z"), point("2026-02-20T12:00:00Z"), point("2026-02-20T23:59:59.999Z"),
                point("2026-02-19T23:59:59Z"),
                point("2026-02-18T08:00:00Z"));

        assertThat(keptInstants(RULE, points, NOW)).containsExactly(
                Instant.parse("2026-02-18T08:00:00Z"), Instant.parse("2026-02-19T23:59:59Z"), Instant.parse("2026-02-20T23:59:59.999Z"));
    }

    @Test
    void pointsOlderThanTheDailyPeriodKeepTheLastOfEachIsoWeek() {
        // ISO weeks run Monday to Sunday: 2025-11-24 (Monday) to 2025-11-30 (Sunday), then from 2025-12-01.
        List<StoredPoint> points = List.of(
                point("2025-11-24T00:00:00Z"), point("2025-11-27T10:00:00Z"), point("2025-11-30T23:59:59Z"),
                point("2025-12-01T00:00:00Z"), point("2025-12-02T09:00:00Z"));

        assertThat(keptInstants(RULE, points, NOW)).containsExactly(
                Instant.parse("2025-11-30T23:59:59Z"), Instant.parse("2025-12-02T09:00:00Z"));
    }

    @Test
    void anIsoWeekAcrossNewYearIsOneWeek() {
        // 2025-12-29 is the Monday of ISO week 2026-W01, which ends on Sunday 2026-01-04.
        HistoryThinning rule = new HistoryThinning(Duration.ZERO, Duration.ZERO);
        List<StoredPoint> points = List.of(point("2025-12-28T12:00:00Z"), point("2025-12-29T00:00:00Z"), point("2025-12-31T23:00:00Z"),
                point("2026-01-01T01:00:00Z"), point("2026-01-04T22:00:00Z"), point("2026-01-05T00:00:00Z"));

        assertThat(keptInstants(rule, points, NOW)).containsExactly(Instant.parse("2025-12-28T12:00:00Z"),
                Instant.parse("2026-01-04T22:00:00Z"), Instant.parse("2026-01-05T00:00:00Z"));
    }

    @Test
    void theBoundariesBelongToTheNewerStage() {
        Instant sevenDaysAgo = NOW.minus(Duration.ofDays(7));
        Instant ninetyDaysAgo = NOW.minus(Duration.ofDays(90));

        assertThat(RULE.stageOf(NOW, NOW)).isEqualTo(Stage.EVERY_POINT);
        assertThat(RULE.stageOf(sevenDaysAgo, NOW)).isEqualTo(Stage.EVERY_POINT);
        assertThat(RULE.stageOf(sevenDaysAgo.minusNanos(1), NOW)).isEqualTo(Stage.DAILY);
        assertThat(RULE.stageOf(ninetyDaysAgo, NOW)).isEqualTo(Stage.DAILY);
        assertThat(RULE.stageOf(ninetyDaysAgo.minusNanos(1), NOW)).isEqualTo(Stage.WEEKLY);
        assertThat(RULE.dailyBefore(NOW)).isEqualTo(sevenDaysAgo);
        assertThat(RULE.weeklyBefore(NOW)).isEqualTo(ninetyDaysAgo);
    }

    @Test
    void aDayAcrossTheBoundaryLosesItsOlderPointsOnceALaterPointOfTheDayIsKept() {
        // 7 days before NOW is 2026-02-25T15:00Z: the day's points before it are judged by day, the later one is recent.
        List<StoredPoint> points = List.of(point("2026-02-25T09:00:00Z"), point("2026-02-25T14:00:00Z"), point("2026-02-25T16:00:00Z"));

        assertThat(keptInstants(RULE, points, NOW)).containsExactly(Instant.parse("2026-02-25T16:00:00Z"));
    }

    @Test
    void twoPointsOfTheSameInstantKeepTheLaterInserted() {
        StoredPoint first = point("2026-02-10T10:00:00Z");
        StoredPoint second = point("2026-02-10T10:00:00Z");

        assertThat(RULE.kept(List.of(second, first), NOW)).containsExactly(second.id());
    }

    @Test
    void thePlanDeletesWhatIsNotKeptAndMovesTheStageOfWhatIs() {
        StoredPoint recent = point("2026-03-03T10:00:00Z");
        StoredPoint dayEarly = point("2026-02-20T08:00:00Z");
        StoredPoint dayLast = point("2026-02-20T20:00:00Z");
        StoredPoint alreadyDaily = new StoredPoint(nextId++, Instant.parse("2026-02-19T20:00:00Z"), Stage.DAILY);
        StoredPoint weekEarly = new StoredPoint(nextId++, Instant.parse("2025-11-25T20:00:00Z"), Stage.DAILY);
        StoredPoint weekLast = new StoredPoint(nextId++, Instant.parse("2025-11-26T20:00:00Z"), Stage.DAILY);

        Plan plan = RULE.plan(List.of(recent, dayEarly, dayLast, alreadyDaily, weekEarly, weekLast), NOW);

        assertThat(plan.deleted()).containsExactly(weekEarly.id(), dayEarly.id());
        assertThat(plan.restaged()).containsExactly(Map.entry(weekLast.id(), Stage.WEEKLY), Map.entry(dayLast.id(), Stage.DAILY));
    }

    @Test
    void aStageSetForLongerDurationsMovesBackWhenTheyAreShortened() {
        StoredPoint point = new StoredPoint(nextId++, Instant.parse("2026-03-01T10:00:00Z"), Stage.DAILY);

        assertThat(RULE.plan(List.of(point), NOW).restaged()).containsExactly(Map.entry(point.id(), Stage.EVERY_POINT));
    }

    @Test
    void theNewestPointIsAlwaysKept() {
        Random random = new Random(7);
        for (int run = 0; run < 500; run++) {
            List<StoredPoint> points = randomHistory(random, 1 + random.nextInt(40));
            StoredPoint newest = points.stream().max((a, b) -> a.computedAt().equals(b.computedAt())
                    ? Long.compare(a.id(), b.id()) : a.computedAt().compareTo(b.computedAt())).orElseThrow();
            Instant now = newest.computedAt().plus(Duration.ofDays(random.nextInt(800)));

            assertThat(RULE.kept(points, now)).contains(newest.id());
        }
    }

    @Test
    void thinningNowThenLaterKeepsWhatThinningOnceLaterKeeps() {
        Random random = new Random(42);
        for (int run = 0; run < 500; run++) {
            List<StoredPoint> points = randomHistory(random, random.nextInt(60));
            Instant first = NOW.minus(Duration.ofHours(random.nextInt(24 * 200)));
            Instant later = first.plus(Duration.ofHours(random.nextInt(24 * 200)));

            List<StoredPoint> afterFirst = applied(points, RULE.plan(points, first));
            List<StoredPoint> afterBoth = applied(afterFirst, RULE.plan(afterFirst, later));
            List<StoredPoint> once = applied(points, RULE.plan(points, later));

            assertThat(afterBoth).as("run %d", run).containsExactlyInAnyOrderElementsOf(once);
            assertThat(ids(afterFirst)).as("a later run keeps a subset").containsAll(ids(afterBoth));
            assertThat(RULE.plan(afterBoth, later).isEmpty()).as("a second run at the same instant does nothing").isTrue();
        }
    }

    @Test
    void aThinnedHistoryHasOnePointPerDayThenPerWeek() {
        Random random = new Random(3);
        for (int run = 0; run < 300; run++) {
            List<StoredPoint> history = randomHistory(random, 80);
            List<StoredPoint> thinned = applied(history, RULE.plan(history, NOW));
            Map<Object, Integer> perBucket = new HashMap<>();
            for (StoredPoint point : thinned) {
                Stage stage = RULE.stageOf(point.computedAt(), NOW);
                assertThat(point.keptAs()).as("the stage recorded").isEqualTo(stage);
                if (stage == Stage.DAILY) {
                    perBucket.merge(HistoryThinning.day(point.computedAt()), 1, Integer::sum);
                } else if (stage == Stage.WEEKLY) {
                    perBucket.merge(List.of("week", HistoryThinning.week(point.computedAt())), 1, Integer::sum);
                }
            }
            assertThat(perBucket.values()).allMatch(count -> count == 1);
        }
    }

    @Test
    void durationsMustMakeSense() {
        assertThatThrownBy(() -> new HistoryThinning(Duration.ofDays(10), Duration.ofDays(9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least as long");
        assertThatThrownBy(() -> new HistoryThinning(Duration.ofDays(-1), Duration.ofDays(9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        HistoryThinning onlyWeekly = new HistoryThinning(Duration.ZERO, Duration.ZERO);
        assertThat(onlyWeekly.stageOf(NOW.minusNanos(1), NOW)).isEqualTo(Stage.WEEKLY);
    }

    /** Points over the last 300 days before NOW, some sharing a day or an instant. */
    private List<StoredPoint> randomHistory(Random random, int size) {
        List<StoredPoint> points = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Instant at = random.nextInt(10) == 0 && !points.isEmpty()
                    ? points.get(random.nextInt(points.size())).computedAt()
                    : NOW.minus(Duration.ofMinutes(random.nextInt(300 * 24 * 60)));
            points.add(point(at));
        }
        return points;
    }

    private static List<StoredPoint> applied(List<StoredPoint> points, Plan plan) {
        Set<Long> deleted = new HashSet<>(plan.deleted());
        List<StoredPoint> left = new ArrayList<>();
        for (StoredPoint point : points) {
            if (!deleted.contains(point.id())) {
                left.add(new StoredPoint(point.id(), point.computedAt(), plan.restaged().getOrDefault(point.id(), point.keptAs())));
            }
        }
        return left;
    }

    private static Set<Long> ids(List<StoredPoint> points) {
        Set<Long> ids = new HashSet<>();
        points.forEach(point -> ids.add(point.id()));
        return ids;
    }
}
