package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.TieClass;

/**
 * How well a tie suits outreach, in [0, 1], following the research on the right variables
 * (DOMAIN.md sections 3 and 5): an inverted U over mutual contacts, and the lower the interaction
 * intensity the better, among WEAK ties (Rajkumar et al., Science 2022); DORMANT ties worth
 * reactivating, more so when they were once strong, read from the tie's peak strength (Levin et
 * al. 2011); NASCENT and STRONG ties lower (a cold start; redundant information); family and
 * friends at 0.8 of their value (the seed: the distance of weak ties gives objectivity). The
 * formulas are those of {@link RankingParameters.StrengthCurve}.
 */
public final class StrengthSweetSpot {
    /** How much of its value a tie keeps when its origin is FAMILY or FRIEND (seed C7: distance gives objectivity). */
    static final double CLOSE_ORIGIN_FACTOR = 0.8;

    private final RankingParameters.StrengthCurve curve;
    private final double logPeak;

    public StrengthSweetSpot(RankingParameters.StrengthCurve curve) {
        this.curve = curve;
        this.logPeak = Math.log1p(curve.mutualPeak());
    }

    public double value(RankableTie tie) {
        double value = classValue(tie);
        // The seed's weak ties "whose distance gives objectivity": family and friends, whatever the strength, less so.
        return tie.origin() != null && tie.origin().isClosePersonal() ? CLOSE_ORIGIN_FACTOR * value : value;
    }

    private double classValue(RankableTie tie) {
        double mutualFit = mutualFit(tie);
        return switch (tie.tieClass()) {
            case WEAK -> (1 - curve.intensityShare()) * mutualFit + curve.intensityShare() * (1 - intensity(tie));
            case DORMANT -> dormantValue(tie) * (0.8 + 0.2 * mutualFit);
            case NASCENT -> curve.nascent() * (0.8 + 0.2 * mutualFit);
            case STRONG -> curve.strong() * (0.8 + 0.2 * mutualFit);
        };
    }

    /**
     * From {@code dormant} for a tie that never was strong to {@code dormantFormerlyStrong} for one whose
     * peak reached the strong threshold, in proportion to its peak, and a little more above it: the
     * stronger it was, the more trust survived the silence (Levin et al. 2011).
     */
    private double dormantValue(RankableTie tie) {
        double peak = Math.max(0, Math.min(1, tie.tie().peakStrength()));
        if (formerlyStrong(tie)) {
            return curve.dormantFormerlyStrong() + 0.1 * Math.max(0, peak - curve.formerlyStrongPeak());
        }
        double share = Math.min(1, peak / curve.formerlyStrongPeak());
        return curve.dormant() + (curve.dormantFormerlyStrong() - curve.dormant()) * share * share;
    }

    /** The inverted U over mutual contacts, in [floor, 1]; {@code unknownMutuals} without mutual-contact data. */
    public double mutualFit(RankableTie tie) {
        if (!knowsMutualContacts(tie)) {
            return curve.unknownMutuals();
        }
        double distance = (Math.log1p(Math.max(0, tie.tie().mutualContacts())) - logPeak) / curve.mutualWidth();
        return curve.mutualFloor() + (1 - curve.mutualFloor()) * Math.exp(-0.5 * distance * distance);
    }

    /**
     * Whether a weak tie sits near the peak of the inverted U (with the defaults, about 5 to 20
     * mutual contacts), which a reason may then say.
     */
    public boolean isModeratelyWeak(RankableTie tie) {
        return tie.tieClass() == TieClass.WEAK && knowsMutualContacts(tie) && mutualFit(tie) >= 0.8;
    }

    /** A dormant tie that was strong once: its peak strength reached the strong threshold (or its last class was STRONG). */
    public boolean formerlyStrong(RankableTie tie) {
        return tie.tieClass() == TieClass.DORMANT
                && (tie.tie().peakStrength() >= curve.formerlyStrongPeak() || tie.previousTieClass() == TieClass.STRONG);
    }

    private static boolean knowsMutualContacts(RankableTie tie) {
        Contact contact = tie.contact();
        return tie.tie().mutualContacts() > 0 || (contact != null && contact.mutualContactIds() != null);
    }

    private static double intensity(RankableTie tie) {
        return tie.tie().dimensions() == null ? 0 : Math.max(0, Math.min(1, tie.tie().dimensions().intensity()));
    }
}
