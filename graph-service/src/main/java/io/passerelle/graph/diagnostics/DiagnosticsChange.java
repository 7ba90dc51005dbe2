package io.passerelle.graph.diagnostics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.diagnostics.DiagnosticsPoint.BrokerageFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the main figures of an owner's diagnostics changed since 30 and since 90 days (API.md
 * Diagnostics {@code change}): each the current figures minus those of the history point in force
 * then, the newest point computed at or before that instant. A window is null when the history holds
 * no point that old: the owner has been known (or its history kept) for less time, or was erased and
 * came back since. Written as null rather than left out, so that a reader sees there is nothing to
 * compare with.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "How the main figures changed since 30 and since 90 days: now minus the history point in force then")
public record DiagnosticsChange(
        @Schema(description = "Since the point in force 30 days ago; null when the history holds no point that old", nullable = true)
        Since since30Days,
        @Schema(description = "Since the point in force 90 days ago; null when the history holds no point that old", nullable = true)
        Since since90Days) {
    public static final Duration SHORT_WINDOW = Duration.ofDays(30);
    public static final Duration LONG_WINDOW = Duration.ofDays(90);

    /**
     * The change of {@code current} since the points in force 30 and 90 days ago (either null when
     * the history holds no point that old).
     */
    public static DiagnosticsChange of(DiagnosticsPoint current, DiagnosticsPoint inForce30DaysAgo, DiagnosticsPoint inForce90DaysAgo) {
        return new DiagnosticsChange(Since.between(current, inForce30DaysAgo), Since.between(current, inForce90DaysAgo));
    }

    /** The instant whose point in force a window compares with: {@code window} before {@code now}. */
    public static Instant comparedAsOf(Instant now, Duration window) {
        return now.minus(window);
    }

    /**
     * The differences, now minus then, of every main figure.
     *
     * @param comparedWith  when the point compared with was computed
     * @param alterEgoIndex null when either index is unknown
     * @param brokerage     each measure null when either is unknown
     */
    @Schema(description = "Each main figure now minus its value in the point compared with")
    public record Since(
            @Schema(description = "When the point compared with was computed: the newest at or before 30 (90) days ago")
            Instant comparedWith,
            @Schema(description = "Contacts gained (positive) or lost (negative)")
            int contacts,
            @Schema(description = "Per tie class, how its count and share moved")
            Map<String, ShareChange> byClass,
            @Schema(description = "How the alter-ego index moved; absent when either index is unknown")
            Double alterEgoIndex,
            @Schema(description = "Per geographic scale, how its count and share moved")
            Map<String, ShareChange> byScale,
            @Schema(description = "How Burt's measures moved")
            BrokerageChange brokerage) {

        /** Null when there is no point to compare with. */
        public static Since between(DiagnosticsPoint now, DiagnosticsPoint then) {
            if (then == null) {
                return null;
            }
            Map<String, ShareChange> byClass = new LinkedHashMap<>();
            for (TieClass tieClass : TieClass.values()) {
                byClass.put(tieClass.name(), new ShareChange(now.count(tieClass) - then.count(tieClass),
                        now.share(tieClass) - then.share(tieClass)));
            }
            Map<String, ShareChange> byScale = new LinkedHashMap<>();
            for (GeographicScale scale : GeographicScale.values()) {
                byScale.put(scale.name(), new ShareChange(now.count(scale) - then.count(scale), now.share(scale) - then.share(scale)));
            }
            BrokerageFigures current = now.brokerageFigures();
            BrokerageFigures past = then.brokerageFigures();
            return new Since(then.computedAt(), now.contacts() - then.contacts(), Collections.unmodifiableMap(byClass),
                    difference(now.alterEgoIndex(), then.alterEgoIndex()), Collections.unmodifiableMap(byScale),
                    new BrokerageChange(difference(current.constraint(), past.constraint()),
                            difference(current.effectiveSize(), past.effectiveSize()),
                            difference(current.efficiency(), past.efficiency())));
        }
    }

    /** How a count moved, and the share of all contacts it is. */
    @Schema(description = "How a count moved, and the share of all contacts it is, now minus then")
    public record ShareChange(
            @Schema(description = "The count now minus then")
            int count,
            @Schema(description = "The share now minus then, -1 to 1")
            double share) {
    }

    /** How Burt's measures moved; each null when either value is unknown. */
    @Schema(description = "How Burt's measures moved, now minus then; each absent when either value is unknown")
    public record BrokerageChange(
            @Schema(description = "Constraint now minus then")
            Double constraint,
            @Schema(description = "Effective size now minus then")
            Double effectiveSize,
            @Schema(description = "Efficiency now minus then")
            Double efficiency) {
    }

    private static Double difference(Double now, Double then) {
        return now == null || then == null ? null : now - then;
    }
}
