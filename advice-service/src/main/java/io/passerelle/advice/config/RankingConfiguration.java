package io.passerelle.advice.config;

import io.passerelle.advice.coverage.CoverageCalculator;
import io.passerelle.advice.ranking.CoolDownPolicy;
import io.passerelle.advice.ranking.RelevanceMatcher;
import io.passerelle.advice.ranking.RankingParameters;
import io.passerelle.contracts.model.Outcome;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import io.passerelle.advice.ranking.WeakTieRanker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the plain-Java ranker, coverage calculator and cool-down policy from the {@code advice.ranking.*} settings. */
@ApplicationScoped
public class RankingConfiguration {

    // Singleton: the ranker is an immutable final class, which a normal-scoped client proxy could not wrap.
    @Produces
    @Singleton
    WeakTieRanker weakTieRanker(AdviceConfig config) {
        return new WeakTieRanker(parameters(config));
    }

    /** Coverage matches targets with the ranking's own target settings. */
    @Produces
    @Singleton
    CoverageCalculator coverageCalculator(AdviceConfig config) {
        return new CoverageCalculator(new RelevanceMatcher(parameters(config).targets()));
    }

    static RankingParameters parameters(AdviceConfig config) {
        AdviceConfig.Ranking r = config.ranking();
        return new RankingParameters(
                new RankingParameters.ScoreWeights(r.relevanceWeight(), r.sweetSpotWeight(), r.bridgingWeight()),
                new RankingParameters.TargetWeights(r.sectorWeight(), r.roleWeight(), r.companyWeight(), r.pastCompanyFactor(),
                        r.locationWeight(), r.scaleWeight(), r.topicWeight(), r.needWeight()),
                new RankingParameters.StrengthCurve(r.mutualPeak(), r.mutualWidth(), r.mutualFloor(), r.unknownMutuals(), r.intensityShare(),
                        r.dormantValue(), r.dormantFormerlyStrongValue(), r.nascentValue(), r.strongValue(), r.formerlyStrongPeak()),
                new RankingParameters.Bridging(r.bridgingMutualsWeight(), r.bridgingSectorWeight(), r.bridgingPlaceWeight(),
                        r.bridgingCommonShare(), r.bridgingHalfMutuals()),
                new RankingParameters.Emphasis(r.digitalWeakTieBonus(), r.reputationBridgingFactor(), r.profileWeight(), r.territoryFactor()),
                new RankingParameters.Diversity(r.diversityPenalty(), r.diversityCompanyWeight(), r.diversitySectorWeight(),
                        r.diversityCityWeight(), r.diversityPoolFactor()),
                r.reciprocityWindow(),
                r.conversationRest(),
                config.defaultLanguage());
    }

    @Produces
    @Singleton
    CoolDownPolicy coolDownPolicy(AdviceConfig config) {
        AdviceConfig.CoolDown c = config.coolDown();
        Map<Outcome, Duration> durations = new EnumMap<>(Outcome.class);
        durations.put(Outcome.DISMISSED, c.dismissed());
        durations.put(Outcome.NOT_RELEVANT, c.notRelevant());
        durations.put(Outcome.CONTACTED, c.contacted());
        durations.put(Outcome.REPLIED, c.replied());
        durations.put(Outcome.MET, c.met());
        durations.put(Outcome.HELPED, c.helped());
        return new CoolDownPolicy(durations);
    }
}
