package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.TieClass;

/**
 * How well a tie's strength suits outreach, in [0, 1]. WEAK ties follow a bell centred on a
 * moderately weak strength (Rajkumar et al., Science 2022: an inverted U); DORMANT ties have a
 * fixed value, higher when they were once STRONG (Levin et al. 2011); NASCENT and STRONG ties
 * score lower (a cold start; redundant information).
 */
public final class StrengthSweetSpot {
    private final RankingParameters.StrengthCurve curve;

    public StrengthSweetSpot(RankingParameters.StrengthCurve curve) {
        this.curve = curve;
    }

    public double value(RankableTie tie) {
        return switch (tie.tieClass()) {
            case WEAK -> weakValue(tie.tie().strength());
            case DORMANT -> formerlyStrong(tie) ? curve.dormantFormerlyStrong() : curve.dormant();
            case NASCENT -> curve.nascent();
            case STRONG -> curve.strong();
        };
    }

    /** Fewer mutual contacts means the tie more likely bridges to circles the owner does not reach (Burt). */
    public double bridging(RankableTie tie) {
        int mutuals = Math.max(0, tie.tie().mutualContacts());
        return curve.bridgingHalfMutuals() / (curve.bridgingHalfMutuals() + mutuals);
    }

    /** Whether a weak tie sits close enough to the centre of the bell to say so in a reason. */
    public boolean isModeratelyWeak(RankableTie tie) {
        return tie.tieClass() == TieClass.WEAK && weakValue(tie.tie().strength()) >= 0.6;
    }

    public static boolean formerlyStrong(RankableTie tie) {
        return tie.tieClass() == TieClass.DORMANT && tie.previousTieClass() == TieClass.STRONG;
    }

    private double weakValue(double strength) {
        double distance = (strength - curve.weakCentre()) / curve.weakWidth();
        return Math.exp(-0.5 * distance * distance);
    }
}
