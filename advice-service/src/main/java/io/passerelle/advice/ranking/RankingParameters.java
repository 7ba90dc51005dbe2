package io.passerelle.advice.ranking;

/**
 * Every tunable number of the ranking, with the documented defaults of the service README.
 *
 * @param score how relevance, the strength sweet spot and bridging combine into the score
 * @param targets how much each kind of target weighs inside relevance
 * @param strength the sweet-spot curve and the values of the non-weak classes
 * @param bridging how the bridging value is made of few mutual contacts and of a sector or place the network lacks
 * @param emphasis the per-objective shifts of the score weights
 * @param diversity the re-ranking that keeps the list from being ten look-alikes
 * @param defaultLanguage the message language when neither the objective nor the owner sets one
 */
public record RankingParameters(ScoreWeights score, TargetWeights targets, StrengthCurve strength, Bridging bridging,
                                Emphasis emphasis, Diversity diversity, String defaultLanguage) {

    public static RankingParameters defaults() {
        return new RankingParameters(
                new ScoreWeights(0.55, 0.3, 0.15),
                new TargetWeights(0.8, 0.7, 1.0, 0.6, 0.5, 0.3, 0.5, 0.7),
                new StrengthCurve(0.35, 0.15, 0.7, 0.85, 0.35, 0.2, 10),
                new Bridging(0.5, 0.25, 0.25, 0.2),
                new Emphasis(0.05, 2.0),
                new Diversity(0.25, 0.5, 0.3, 0.2, 10),
                "en");
    }

    /** The same parameters with another diversity re-ranking (e.g. none, to see the raw order). */
    public RankingParameters withDiversity(Diversity other) {
        return new RankingParameters(score, targets, strength, bridging, emphasis, other, defaultLanguage);
    }

    /**
     * bridging = (mutuals·m + sectorNovelty·s + placeNovelty·p) / (m + s + p), where mutuals is
     * {@code h / (h + mutualContacts)} and a novelty is {@code max(0, 1 − share / commonShare)}, share
     * being the part of the owner's ties in the contact's sector (or region); the owner's own sector
     * and region have no novelty, and an unknown one neither.
     */
    public record Bridging(double mutuals, double sectorNovelty, double placeNovelty, double commonShare) {
        public Bridging {
            requireNonNegative(mutuals, sectorNovelty, placeNovelty);
            if (mutuals + sectorNovelty + placeNovelty <= 0 || commonShare <= 0 || commonShare > 1) {
                throw new IllegalArgumentException("bridging weights must not all be zero and commonShare must be in (0, 1]");
            }
        }
    }

    /**
     * @param digitalWeakTieBonus added to a WEAK tie's score, times its sweet-spot value, when the
     *                            objective targets a digital sector (weak ties matter more there:
     *                            Rajkumar et al. 2022)
     * @param reputationBridgingFactor multiplies the bridging weight for E_REPUTATION (reaching new
     *                                 audiences is the point of that objective)
     */
    public record Emphasis(double digitalWeakTieBonus, double reputationBridgingFactor) {
        public Emphasis {
            requireNonNegative(digitalWeakTieBonus, reputationBridgingFactor);
        }
    }

    /**
     * Maximal-marginal-relevance re-ranking: each next pick maximises
     * {@code score − penalty · max similarity to the already picked}, where the similarity of two
     * contacts is the weighted share of company, sector and city they have in common.
     *
     * @param poolFactor how many candidates per requested place the re-ranking looks at (the rest is
     *                   too far down to matter)
     */
    public record Diversity(double penalty, double company, double sector, double city, int poolFactor) {
        public Diversity {
            requireNonNegative(penalty, company, sector, city);
            if (poolFactor < 1) {
                throw new IllegalArgumentException("poolFactor must be at least 1");
            }
        }

        public static Diversity none() {
            return new Diversity(0, 1, 0, 0, 1);
        }

        double similarityWeight() {
            return company + sector + city;
        }
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
