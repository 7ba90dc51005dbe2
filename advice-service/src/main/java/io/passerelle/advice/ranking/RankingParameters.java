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
 * @param reciprocityWindow how recent a two-way exchange must be for the contact to be asked a
 *                          committing favour (DOMAIN.md section 5: two years)
 * @param conversationRest a contact with a two-way exchange this recent is already in conversation
 *                         with the owner: not recommended (DOMAIN.md section 3: no one contacted yesterday)
 * @param defaultLanguage the message language when neither the objective nor the owner sets one
 */
public record RankingParameters(ScoreWeights score, TargetWeights targets, StrengthCurve strength, Bridging bridging,
                                Emphasis emphasis, Diversity diversity, java.time.Duration reciprocityWindow,
                                java.time.Duration conversationRest, String defaultLanguage) {

    public RankingParameters {
        if (reciprocityWindow == null || reciprocityWindow.isNegative() || reciprocityWindow.isZero()) {
            throw new IllegalArgumentException("reciprocityWindow must be a positive duration");
        }
        if (conversationRest == null || conversationRest.isNegative()) {
            throw new IllegalArgumentException("conversationRest must not be negative");
        }
    }

    public static RankingParameters defaults() {
        return new RankingParameters(
                new ScoreWeights(0.55, 0.3, 0.15),
                new TargetWeights(0.8, 0.7, 1.0, 0.6, 0.5, 0.3, 0.5, 0.7),
                new StrengthCurve(10, 0.9, 0.3, 0.5, 0.35, 0.7, 0.85, 0.35, 0.25, 0.55),
                new Bridging(0.5, 0.25, 0.25, 0.2, 10),
                new Emphasis(0.05, 2.0, 0.3, 2.0),
                new Diversity(0.25, 0.5, 0.3, 0.2, 10),
                java.time.Duration.ofDays(730),
                java.time.Duration.ofDays(14),
                "en");
    }

    /** The same parameters with another diversity re-ranking (e.g. none, to see the raw order). */
    public RankingParameters withDiversity(Diversity other) {
        return new RankingParameters(score, targets, strength, bridging, emphasis, other, reciprocityWindow, conversationRest,
                defaultLanguage);
    }

    /**
     * bridging = (mutuals·m + sectorNovelty·s + placeNovelty·p) / (m + s + p), where mutuals is
     * {@code h / (h + mutualContacts)} and a novelty is {@code max(0, 1 − share / commonShare)}, share
     * being the part of the owner's ties in the contact's sector (or region); the owner's own sector
     * and region have no novelty, and an unknown one neither. The few-mutuals part counts for
     * E_REPUTATION only (reach into other clusters: Burt's effective size); for the other objectives
     * mutual contacts follow the inverted U of {@link StrengthCurve}. The place part counts for a job
     * search only when the objective targets scales.
     *
     * @param halfMutuals the number of mutual contacts at which the few-mutuals part halves
     */
    public record Bridging(double mutuals, double sectorNovelty, double placeNovelty, double commonShare, double halfMutuals) {
        public Bridging {
            requireNonNegative(mutuals, sectorNovelty, placeNovelty);
            if (mutuals + sectorNovelty + placeNovelty <= 0 || commonShare <= 0 || commonShare > 1 || !(halfMutuals > 0)) {
                throw new IllegalArgumentException(
                        "bridging weights must not all be zero, commonShare must be in (0, 1] and halfMutuals positive");
            }
        }
    }

    /**
     * @param digitalWeakTieBonus weight of a WEAK tie's sweet-spot value added to the score of a job
     *                            search that targets a digital sector (weak ties matter more there:
     *                            Rajkumar et al. 2022); the score is renormalised, so it never saturates
     * @param reputationBridgingFactor multiplies the bridging weight for E_REPUTATION (reaching new
     *                                 audiences is the point of that objective)
     * @param profileWeight weight of the objective's own signal (recruiters and hiring managers for a
     *                      job search, decision makers and clients for prospecting, a declared need for
     *                      business creation, an audience for e-reputation) next to relevance, sweet
     *                      spot and bridging
     * @param territoryFactor how many times more places and scales weigh in relevance for prospecting
     */
    public record Emphasis(double digitalWeakTieBonus, double reputationBridgingFactor, double profileWeight, double territoryFactor) {
        public Emphasis {
            requireNonNegative(digitalWeakTieBonus, reputationBridgingFactor, profileWeight, territoryFactor);
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
     * The sweet spot (Rajkumar et al., Science 2022). Measured by mutual connections, the relation
     * between tie strength and job mobility is an inverted U peaking around ten; measured by
     * interaction intensity, the weakest ties help most. For a WEAK tie:
     * {@code sweet = (1 − intensityShare)·mutualFit + intensityShare·(1 − intensity)}, with
     * {@code mutualFit = floor + (1 − floor)·exp(−½·((ln(1 + k) − ln(1 + peak)) / width)²)} over its k
     * mutual contacts ({@code unknownMutuals} when the contact carries no mutual-contact data).
     * Other classes: {@code value·(0.8 + 0.2·mutualFit)}, where value is the class's.
     *
     * @param mutualPeak the number of mutual contacts that helps most
     * @param mutualWidth the spread of the bell, in natural-log units of (1 + mutual contacts)
     * @param mutualFloor the fit of a tie far from the peak (zero or hundreds of mutual contacts)
     * @param unknownMutuals the fit when mutual contacts are not known
     * @param intensityShare the share of the WEAK value that prefers a lower interaction intensity
     * @param dormant the value of a DORMANT tie (Levin et al. 2011: worth reactivating)
     * @param dormantFormerlyStrong the value of a DORMANT tie whose peak strength reached {@code formerlyStrongPeak}
     * @param nascent the value of a NASCENT tie (known, never talked to: a colder start)
     * @param strong the value of a STRONG tie (redundant information; light requests only)
     * @param formerlyStrongPeak the peak strength at which a dormant tie counts as formerly strong
     *                           (graph-service's strong threshold)
     */
    public record StrengthCurve(double mutualPeak, double mutualWidth, double mutualFloor, double unknownMutuals, double intensityShare,
                                double dormant, double dormantFormerlyStrong, double nascent, double strong, double formerlyStrongPeak) {
        public StrengthCurve {
            requireNonNegative(mutualPeak, dormant, dormantFormerlyStrong, nascent, strong);
            requireUnit(mutualFloor, unknownMutuals, intensityShare, formerlyStrongPeak);
            if (!(mutualWidth > 0)) {
                throw new IllegalArgumentException("mutualWidth must be positive");
            }
        }
    }

    private static void requireUnit(double... values) {
        for (double value : values) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("ranking shares must be in [0, 1]");
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
