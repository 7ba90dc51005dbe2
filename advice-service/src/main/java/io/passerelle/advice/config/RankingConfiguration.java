package io.passerelle.advice.config;

import io.passerelle.advice.ranking.RankingParameters;
import io.passerelle.advice.ranking.WeakTieRanker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the plain-Java ranker from the {@code advice.ranking.*} settings. */
@ApplicationScoped
public class RankingConfiguration {

    // Singleton: the ranker is an immutable final class, which a normal-scoped client proxy could not wrap.
    @Produces
    @Singleton
    WeakTieRanker weakTieRanker(AdviceConfig config) {
        return new WeakTieRanker(parameters(config));
    }

    static RankingParameters parameters(AdviceConfig config) {
        AdviceConfig.Ranking r = config.ranking();
        return new RankingParameters(
                new RankingParameters.ScoreWeights(r.relevanceWeight(), r.sweetSpotWeight(), r.bridgingWeight()),
                new RankingParameters.TargetWeights(r.sectorWeight(), r.roleWeight(), r.companyWeight(), r.pastCompanyFactor(),
                        r.locationWeight(), r.scaleWeight(), r.topicWeight(), r.needWeight()),
                new RankingParameters.StrengthCurve(r.weakCentre(), r.weakWidth(), r.dormantValue(), r.dormantFormerlyStrongValue(),
                        r.nascentValue(), r.strongValue(), r.bridgingHalfMutuals()),
                config.defaultLanguage());
    }
}
