package io.passerelle.graph.diagnostics;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.diagnostics.Diagnostics.Share;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The main figures of an owner's diagnostics at one instant, as the history keeps them (API.md's
 * "Diagnostics summary point"): contacts by tie class and by geographic scale (count, and share of all
 * contacts, as in {@link Diagnostics}), the alter-ego index and Burt's brokerage measures.
 *
 * @param alterEgoIndex null when no contact could be compared with the owner
 * @param brokerage     null when the diagnostics had no brokerage measures
 */
@Schema(description = "The main figures of an owner's diagnostics when they were computed: a point of their history")
public record DiagnosticsPoint(
        @Schema(description = "When these figures were computed")
        Instant computedAt,
        @Schema(description = "How many contacts the owner had")
        int contacts,
        @Schema(description = "Contacts per tie class, count and share")
        Map<String, Share> byClass,
        @Schema(description = "The alter-ego index, 0 to 1; absent when no contact could be compared with the owner")
        Double alterEgoIndex,
        @Schema(description = "Contacts per geographic scale, count and share")
        Map<String, Share> byScale,
        @Schema(description = "Burt's measures; absent when the diagnostics had none (mutual-contact data too thin)")
        BrokerageFigures brokerage) {

    /**
     * Measures summed over the contacts in another order (rows come in no fixed order) can differ in
     * their last bits: closer than this, two figures are the same.
     */
    public static final double TOLERANCE = 1e-9;

    private static final TieClass[] TIE_CLASSES = TieClass.values();
    private static final GeographicScale[] SCALES = GeographicScale.values();

    /** Burt's measures as the history keeps them; each null when the diagnostics had none. */
    @Schema(description = "Burt's measures as the history keeps them")
    public record BrokerageFigures(
            @Schema(description = "Burt's constraint")
            Double constraint,
            @Schema(description = "Effective size")
            Double effectiveSize,
            @Schema(description = "Effective size over contacts, 0 to 1")
            Double efficiency) {
    }

    /** The point of a computation of the diagnostics. */
    public static DiagnosticsPoint of(Diagnostics diagnostics) {
        Map<TieClass, Integer> byClass = new EnumMap<>(TieClass.class);
        for (TieClass tieClass : TIE_CLASSES) {
            byClass.put(tieClass, count(diagnostics.byClass(), tieClass.name()));
        }
        Map<GeographicScale, Integer> byScale = new EnumMap<>(GeographicScale.class);
        for (GeographicScale scale : SCALES) {
            byScale.put(scale, count(diagnostics.byScale(), scale.name()));
        }
        Brokerage brokerage = diagnostics.brokerage();
        BrokerageFigures figures = brokerage == null ? null
                : new BrokerageFigures(brokerage.constraint(), brokerage.effectiveSize(), brokerage.efficiency());
        return of(diagnostics.computedAt(), diagnostics.contacts(), byClass, diagnostics.alterEgoIndex(), byScale, figures);
    }

    /**
     * A point from its counts (a class or scale left out counts 0); shares are count / contacts, 0
     * without contacts, as {@link NetworkDiagnostics} computes them.
     */
    public static DiagnosticsPoint of(Instant computedAt, int contacts, Map<TieClass, Integer> byClass, Double alterEgoIndex,
            Map<GeographicScale, Integer> byScale, BrokerageFigures brokerage) {
        Map<String, Share> classes = new LinkedHashMap<>();
        for (TieClass tieClass : TIE_CLASSES) {
            classes.put(tieClass.name(), share(byClass.getOrDefault(tieClass, 0), contacts));
        }
        Map<String, Share> scales = new LinkedHashMap<>();
        for (GeographicScale scale : SCALES) {
            scales.put(scale.name(), share(byScale.getOrDefault(scale, 0), contacts));
        }
        boolean noBrokerage = brokerage == null
                || brokerage.constraint() == null && brokerage.effectiveSize() == null && brokerage.efficiency() == null;
        return new DiagnosticsPoint(computedAt, contacts, Collections.unmodifiableMap(classes), alterEgoIndex,
                Collections.unmodifiableMap(scales), noBrokerage ? null : brokerage);
    }

    public int count(TieClass tieClass) {
        return count(byClass, tieClass.name());
    }

    public int count(GeographicScale scale) {
        return count(byScale, scale.name());
    }

    public double share(TieClass tieClass) {
        return share(byClass, tieClass.name());
    }

    public double share(GeographicScale scale) {
        return share(byScale, scale.name());
    }

    /** The brokerage measures, each null when unknown (also when the whole brokerage is). */
    public BrokerageFigures brokerageFigures() {
        return brokerage == null ? new BrokerageFigures(null, null, null) : brokerage;
    }

    /**
     * Whether the two points have the same figures, whenever they were computed: the same counts, and
     * measures both unknown or within {@link #TOLERANCE}. A point is recorded only when it differs from
     * the last one.
     */
    public boolean sameFiguresAs(DiagnosticsPoint other) {
        if (other == null || contacts != other.contacts) {
            return false;
        }
        for (TieClass tieClass : TIE_CLASSES) {
            if (count(tieClass) != other.count(tieClass)) {
                return false;
            }
        }
        for (GeographicScale scale : SCALES) {
            if (count(scale) != other.count(scale)) {
                return false;
            }
        }
        BrokerageFigures mine = brokerageFigures();
        BrokerageFigures theirs = other.brokerageFigures();
        return same(alterEgoIndex, other.alterEgoIndex)
                && same(mine.constraint(), theirs.constraint())
                && same(mine.effectiveSize(), theirs.effectiveSize())
                && same(mine.efficiency(), theirs.efficiency());
    }

    private static boolean same(Double a, Double b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return Math.abs(a - b) <= TOLERANCE;
    }

    private static Share share(int count, int contacts) {
        return new Share(count, contacts == 0 ? 0.0 : (double) count / contacts);
    }

    private static int count(Map<String, Share> shares, String key) {
        Share share = shares == null ? null : shares.get(key);
        return share == null ? 0 : share.count();
    }

    private static double share(Map<String, Share> shares, String key) {
        Share share = shares == null ? null : shares.get(key);
        return share == null ? 0.0 : share.share();
    }
}
