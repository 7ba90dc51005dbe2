package io.passerelle.graph.config;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Origin;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TieStrengthModel;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** Builds the tie model from its documented defaults and the overrides found in configuration. */
public class TieModelProducer {

    @Produces
    @Singleton
    TieStrengthModel tieStrengthModel(GraphConfig config) {
        TieParameters parameters = parameters(config.tieModel());
        Log.infof("Tie model: weights %s, strong >= %.2f, dormant after %s, gestures %s (recency x %.2f), nascent for %s",
                parameters.weights(), parameters.strongThreshold(), parameters.dormantAfter(), parameters.gestureChannels(),
                parameters.gestureRecencyFactor(), parameters.nascentFor());
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
        overrides.recencyHalfLifeFactors().forEach((origin, factor) -> factors.put(origin(origin, "recency-half-life-factors"), factor));
        Set<Channel> gestures = overrides.gestureChannels().map(TieModelProducer::channels).orElse(defaults.gestureChannels());
        Set<Origin> sharedPast = overrides.sharedPastOrigins().map(TieModelProducer::origins).orElse(defaults.sharedPastOrigins());
        return defaults.withWeights(weights)
                .withGestures(gestures, or(overrides.gestureRecencyFactor(), defaults.gestureRecencyFactor()))
                .withSharedPast(overrides.nascentFor().orElse(defaults.nascentFor()), sharedPast,
                        overrides.sharedPastCloseness().orElse(defaults.sharedPastCloseness()))
                .withRecencyHalfLifeFactors(factors)
                .withHalfLives(overrides.volumeHalfLife().orElse(defaults.volumeHalfLife()),
                        overrides.recencyHalfLife().orElse(defaults.recencyHalfLife()))
                .withThresholds(or(overrides.strongThreshold(), defaults.strongThreshold()),
                        or(overrides.weakThreshold(), defaults.weakThreshold()),
                        overrides.dormantAfter().orElse(defaults.dormantAfter()));
    }

    private static Set<Channel> channels(List<String> names) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        names.forEach(name -> channels.add(constant(Channel.class, name, "gesture-channels", "channel")));
        return channels;
    }

    private static Set<Origin> origins(List<String> names) {
        Set<Origin> origins = EnumSet.noneOf(Origin.class);
        names.forEach(name -> origins.add(origin(name, "shared-past-origins")));
        return origins;
    }

    private static Origin origin(String key, String property) {
        return constant(Origin.class, key, property, "origin");
    }

    /** An enumeration constant written in any case, with hyphens or underscores ({@code public-comment}, {@code FORMER_COLLEAGUE}). */
    private static <E extends Enum<E>> E constant(Class<E> type, String name, String property, String what) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("passerelle.graph.tie-model." + property + ": unknown " + what + " '" + name + "'", e);
        }
    }

    private static double or(OptionalDouble value, double fallback) {
        return value.isPresent() ? value.getAsDouble() : fallback;
    }
}
