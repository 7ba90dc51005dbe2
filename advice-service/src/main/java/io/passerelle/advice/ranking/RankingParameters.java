package io.passerelle.advice.ranking;

/**
 * Every tunable number of the ranking, with the documented defaults of the service README.
 *
 * @param score how relevance, the strength sweet spot and bridging combine into the score
 * @param targets how much each kind of target weighs inside relevance
 * @param strength the sweet-spot curve and the values of the non-weak classes
 * @param defaultLanguage the message language when neither the objective nor the owner sets one
 */
public record RankingParameters(ScoreWeights score, TargetWeights targets, StrengthCurve strength, String defaultLanguage) {

    public static RankingParameters defaults() {
        return new RankingParameters(
                new ScoreWeights(0.6, 0.3, 0.1),
                new TargetWeights(0.8, 0.7, 1.0, 0.6, 0.5, 0.3, 0.5, 0.7),
                new StrengthCurve(0.35, 0.15, 0.7, 0.85, 0.35, 0.2, 10),
                "en");
    }

    /** score = relevance·w1 + sweetSpot·w2 + bridging·w3 (each term in [0, 1]; weights are normalised by their sum). */
    public record ScoreWeights(double relevance, double sweetSpot, double bridging) {
        public ScoreWeights {
            requireNonNegative(relevance, sweetSpot, bridging);
            if (relevance + sweetSpot + bridging <= 0) {
                throw new IllegalArgumentException("score weights must not all be zero");
            }
        }
    }

    /**
     * Weight of each kind of target the objective names; relevance is the weighted mean, over the
     * kinds the objective names, of how well the contact matches each kind.
     *
     * @param pastCompanyFactor how much a past employer counts compared with the current one
     */
    public record TargetWeights(double sectors, double roles, double companies, double pastCompanyFactor,
                                double locations, double scales, double topics, double needs) {
        public TargetWeights {
            requireNonNegative(sectors, roles, companies, pastCompanyFactor, locations, scales, topics, needs);
        }
    }

    /**
     * The strength sweet spot (Rajkumar et al. 2022: an inverted U, moderately weak ties help most).
     *
     * @param weakCentre the strength of a WEAK tie that scores best
     * @param weakWidth the spread of the bell around it
     * @param dormant the value of a DORMANT tie (Levin et al. 2011: worth reactivating)
     * @param dormantFormerlyStrong the value of a DORMANT tie that was STRONG (trust survives)
     * @param nascent the value of a NASCENT tie (known, never talked to: a colder start)
     * @param strong the value of a STRONG tie (redundant information; light requests only)
     * @param bridgingHalfMutuals the number of mutual contacts at which bridging value halves
     */
    public record StrengthCurve(double weakCentre, double weakWidth, double dormant, double dormantFormerlyStrong,
                                double nascent, double strong, double bridgingHalfMutuals) {
        public StrengthCurve {
            requireNonNegative(weakCentre, dormant, dormantFormerlyStrong, nascent, strong);
            if (weakWidth <= 0 || bridgingHalfMutuals <= 0) {
                throw new IllegalArgumentException("weakWidth and bridgingHalfMutuals must be positive");
            }
        }
    }

    private static void requireNonNegative(double... values) {
        for (double value : values) {
            if (value < 0 || Double.isNaN(value)) {
                throw new IllegalArgumentException("ranking weights must be non-negative numbers");
            }
        }
    }
}
