package io.passerelle.graph.diagnostics;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which points of an owner's diagnostics history are kept as they age: every point computed within
 * {@code keepEveryPointFor} of now; older, within {@code keepDailyPointsFor}, the last point of each
 * day; older still, the last point of each ISO week (Monday to Sunday). Days and weeks are UTC's.
 *
 * <p>The rule only ever deletes a point that is not the last of its day or week, so the last point of
 * every day and week, the newest point of all included, outlives any thinning: thinning now and again
 * later keeps the same points as thinning once later, and a point deleted would have been deleted by
 * any later run.
 */
public final class HistoryThinning {
    /** Orders an owner's points: by instant, then by id (the later insert) when two share an instant. */
    private static final Comparator<StoredPoint> CHRONOLOGICAL =
            Comparator.comparing(StoredPoint::computedAt).thenComparingLong(StoredPoint::id);

    private final Duration keepEveryPointFor;
    private final Duration keepDailyPointsFor;

    /** How far the thinning has judged a point (stored as {@code kept_as}, the ordinal). */
    public enum Stage {
        /** Recent: every point kept. */
        EVERY_POINT,
        /** Kept as the last point of its day. */
        DAILY,
        /** Kept as the last point of its ISO week. */
        WEEKLY
    }

    /** A point as stored: its row id, when it was computed, and the stage it was last judged at. */
    public record StoredPoint(long id, Instant computedAt, Stage keptAs) {
    }

    /** What to do with an owner's points: the ids to delete, and the kept points whose stage moves. */
    public record Plan(List<Long> deleted, Map<Long, Stage> restaged) {
        public boolean isEmpty() {
            return deleted.isEmpty() && restaged.isEmpty();
        }
    }

    /** @throws IllegalArgumentException when a duration is negative or daily points are kept for less time than every point */
    public HistoryThinning(Duration keepEveryPointFor, Duration keepDailyPointsFor) {
        if (keepEveryPointFor.isNegative() || keepDailyPointsFor.isNegative()) {
            throw new IllegalArgumentException("The history's durations must not be negative: every point for " + keepEveryPointFor
                    + ", daily points for " + keepDailyPointsFor);
        }
        if (keepDailyPointsFor.compareTo(keepEveryPointFor) < 0) {
            throw new IllegalArgumentException("Daily points must be kept at least as long as every point: every point for "
                    + keepEveryPointFor + ", daily points for " + keepDailyPointsFor);
        }
        this.keepEveryPointFor = keepEveryPointFor;
        this.keepDailyPointsFor = keepDailyPointsFor;
    }

    /** Points computed before this instant are judged per day (kept only as the last of their day). */
    public Instant dailyBefore(Instant now) {
        return now.minus(keepEveryPointFor);
    }

    /** Points computed before this instant are judged per week (kept only as the last of their week). */
    public Instant weeklyBefore(Instant now) {
        return now.minus(keepDailyPointsFor);
    }

    /** The stage a point computed at {@code computedAt} has reached at {@code now}. */
    public Stage stageOf(Instant computedAt, Instant now) {
        if (!computedAt.isBefore(dailyBefore(now))) {
            return Stage.EVERY_POINT;
        }
        if (!computedAt.isBefore(weeklyBefore(now))) {
            return Stage.DAILY;
        }
        return Stage.WEEKLY;
    }

    /** The ids of the points kept at {@code now}, among all of one owner's points. */
    public List<Long> kept(Collection<StoredPoint> ownerPoints, Instant now) {
        Map<LocalDate, StoredPoint> lastOfDay = new HashMap<>();
        Map<LocalDate, StoredPoint> lastOfWeek = new HashMap<>();
        for (StoredPoint point : ownerPoints) {
            lastOfDay.merge(day(point.computedAt()), point, HistoryThinning::later);
            lastOfWeek.merge(week(point.computedAt()), point, HistoryThinning::later);
        }
        List<Long> kept = new ArrayList<>();
        ownerPoints.stream().sorted(CHRONOLOGICAL).forEach(point -> {
            boolean keep = switch (stageOf(point.computedAt(), now)) {
                case EVERY_POINT -> true;
                case DAILY -> lastOfDay.get(day(point.computedAt())) == point;
                case WEEKLY -> lastOfWeek.get(week(point.computedAt())) == point;
            };
            if (keep) {
                kept.add(point.id());
            }
        });
        return kept;
    }

    /**
     * What to do with all of one owner's points at {@code now}: delete those not kept; set the stage of
     * the kept ones whose stage changed (so that they are not judged again until they reach the next).
     */
    public Plan plan(Collection<StoredPoint> ownerPoints, Instant now) {
        List<Long> kept = kept(ownerPoints, now);
        Set<Long> keptIds = new HashSet<>(kept);
        List<Long> deleted = new ArrayList<>();
        Map<Long, Stage> restaged = new LinkedHashMap<>();
        ownerPoints.stream().sorted(CHRONOLOGICAL).forEach(point -> {
            if (!keptIds.contains(point.id())) {
                deleted.add(point.id());
                return;
            }
            Stage stage = stageOf(point.computedAt(), now);
            if (stage != point.keptAs()) {
                restaged.put(point.id(), stage);
            }
        });
        return new Plan(List.copyOf(deleted), Collections.unmodifiableMap(restaged));
    }

    /** The UTC day of an instant. */
    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The ISO week of an instant, named by its Monday (UTC). */
    static LocalDate week(Instant instant) {
        return day(instant).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static StoredPoint later(StoredPoint a, StoredPoint b) {
        return CHRONOLOGICAL.compare(a, b) >= 0 ? a : b;
    }
}
