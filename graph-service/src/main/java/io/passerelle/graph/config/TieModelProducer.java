package io.passerelle.graph.config;

import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TieStrengthModel;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import io.passerelle.contracts.model.Origin;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Builds the tie model from its documented defaults and the overrides found in configuration. */
public class TieModelProducer {

    @Produces
    @Singleton
    TieStrengthModel tieStrengthModel(GraphConfig config) {
        TieParameters parameters = parameters(config.tieModel());
        Log.infof("Tie model: weights %s, strong >= %.2f, dormant after %s", parameters.weights(),
                parameters.strongThreshold(), parameters.dormantAfter());
        return new TieStrengthModel(parameters);
    }

    static TieParameters parameters(GraphConfig.TieModel overrides) {
        TieParameters defaults = TieParameters.defaults();
        TieParameters.Weights w = defaults.weights();
        GraphConfig.TieModel.Weights o = overrides.weights();
        TieParameters.Weights weights = new TieParameters.Weights(
                or(o.intensity(), w.intensity()),
                or(o.intimacy(), w.intimacy()),
                or(o.duration(), w.duration()),
                or(o.recency(), w.recency()),
                or(o.reciprocity(), w.reciprocity()),
                or(o.structural(), w.structural()),
                or(o.socialDistance(), w.socialDistance()),
                or(o.originPrior(), w.originPrior()));
        Map<Origin, Double> factors = new EnumMap<>(defaults.recencyHalfLifeFactors());
        overrides.recencyHalfLifeFactors().forEach((origin, factor) -> factors.put(origin(origin), factor));
        return defaults.withWeights(weights)
                .withRecencyHalfLifeFactors(factors)
                .withHalfLives(overrides.volumeHalfLife().orElse(defaults.volumeHalfLife()),
                        overrides.recencyHalfLife().orElse(defaults.recencyHalfLife()))
                .withThresholds(or(overrides.strongThreshold(), defaults.strongThreshold()),
                        or(overrides.weakThreshold(), defaults.weakThreshold()),
                        overrides.dormantAfter().orElse(defaults.dormantAfter()));
    }

    private static Origin origin(String key) {
        try {
            return Origin.valueOf(key.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("passerelle.graph.tie-model.recency-half-life-factors: unknown origin '" + key + "'", e);
        }
    }

    private static double or(OptionalDouble value, double fallback) {
        return value.isPresent() ? value.getAsDouble() : fallback;
    }
}
