package io.passerelle.graph.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Origin;
import io.passerelle.tie.TieParameters;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TieModelProducerTest {

    private static GraphConfig.TieModel overrides(Map<String, Double> factors, OptionalDouble intensity) {
        return overrides(factors, intensity, Optional.empty(), Optional.empty());
    }

    private static GraphConfig.TieModel overrides(Map<String, Double> factors, OptionalDouble intensity, Optional<List<String>> gestures,
            Optional<List<String>> sharedPast) {
        return new GraphConfig.TieModel() {
            @Override
            public Weights weights() {
                return new Weights() {
                    public OptionalDouble intensity() { return intensity; }
                    public OptionalDouble intimacy() { return OptionalDouble.empty(); }
                    public OptionalDouble duration() { return OptionalDouble.empty(); }
                    public OptionalDouble recency() { return OptionalDouble.empty(); }
                    public OptionalDouble reciprocity() { return OptionalDouble.empty(); }
                    public OptionalDouble structural() { return OptionalDouble.empty(); }
                    public OptionalDouble socialDistance() { return OptionalDouble.empty(); }
                    public OptionalDouble originPrior() { return OptionalDouble.empty(); }
                };
            }

            @Override
            public Optional<Duration> volumeHalfLife() {
                return Optional.empty();
            }

            @Override
            public Optional<Duration> recencyHalfLife() {
                return Optional.of(Duration.ofDays(100));
            }

            @Override
            public OptionalDouble strongThreshold() {
                return OptionalDouble.empty();
            }

            @Override
            public OptionalDouble weakThreshold() {
                return OptionalDouble.empty();
            }

            @Override
            public Optional<Period> dormantAfter() {
                return Optional.of(Period.ofYears(2));
            }

            @Override
            public Map<String, Double> recencyHalfLifeFactors() {
                return factors;
            }

            @Override
            public Optional<List<String>> gestureChannels() {
                return gestures;
            }

            @Override
            public OptionalDouble gestureRecencyFactor() {
                return OptionalDouble.of(0.5);
            }

            @Override
            public Optional<Period> nascentFor() {
                return Optional.of(Period.ofMonths(18));
            }

            @Override
            public Optional<List<String>> sharedPastOrigins() {
                return sharedPast;
            }

            @Override
            public OptionalInt sharedPastCloseness() {
                return OptionalInt.of(4);
            }
        };
    }

    @Test
    void appliesOverridesOnTopOfTheDocumentedDefaults() {
        TieParameters parameters = TieModelProducer.parameters(overrides(Map.of("family", 4.0, "Former-Colleague", 0.5), OptionalDouble.of(0.4)));

        assertThat(parameters.recencyHalfLifeFactors()).containsEntry(Origin.FAMILY, 4.0).containsEntry(Origin.FORMER_COLLEAGUE, 0.5)
                .containsEntry(Origin.FRIEND, TieParameters.defaults().recencyHalfLifeFactors().get(Origin.FRIEND));
        assertThat(parameters.recencyHalfLife(Origin.FAMILY)).isEqualTo(Duration.ofDays(400));
        assertThat(parameters.weights().intensity()).isEqualTo(0.4);
        assertThat(parameters.weights().intimacy()).isEqualTo(TieParameters.defaults().weights().intimacy());
        assertThat(parameters.dormantAfter()).isEqualTo(Period.ofYears(2));
    }

    @Test
    void appliesTheGestureAndSharedPastOverrides() {
        TieParameters defaults = TieModelProducer.parameters(overrides(Map.of(), OptionalDouble.empty()));
        TieParameters overridden = TieModelProducer.parameters(overrides(Map.of(), OptionalDouble.empty(),
                Optional.of(List.of("reaction", " Public-Comment")), Optional.of(List.of("family", "FORMER_COLLEAGUE"))));

        assertThat(defaults.gestureChannels()).isEqualTo(TieParameters.defaults().gestureChannels());
        assertThat(defaults.sharedPastOrigins()).isEqualTo(TieParameters.defaults().sharedPastOrigins());
        assertThat(overridden.gestureChannels()).containsExactlyInAnyOrder(Channel.REACTION, Channel.PUBLIC_COMMENT);
        assertThat(overridden.sharedPastOrigins()).containsExactlyInAnyOrder(Origin.FAMILY, Origin.FORMER_COLLEAGUE);
        assertThat(overridden.gestureRecencyFactor()).isEqualTo(0.5);
        assertThat(overridden.nascentFor()).isEqualTo(Period.ofMonths(18));
        assertThat(overridden.sharedPastCloseness()).isEqualTo(4);
        assertThatThrownBy(() -> TieModelProducer.parameters(overrides(Map.of(), OptionalDouble.empty(), Optional.of(List.of("like")),
                Optional.empty()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gesture-channels").hasMessageContaining("like");
        assertThatThrownBy(() -> TieModelProducer.parameters(overrides(Map.of(), OptionalDouble.empty(), Optional.empty(),
                Optional.of(List.of("cousin"))))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shared-past-origins");
    }

    @Test
    void anUnknownOriginInTheFactorsIsAConfigurationError() {
        assertThatThrownBy(() -> TieModelProducer.parameters(overrides(Map.of("cousin", 2.0), OptionalDouble.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cousin");
    }
}
