package io.passerelle.graph.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.contracts.model.Origin;
import io.passerelle.tie.TieParameters;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TieModelProducerTest {

    private static GraphConfig.TieModel overrides(Map<String, Double> factors, OptionalDouble intensity) {
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
    void anUnknownOriginInTheFactorsIsAConfigurationError() {
        assertThatThrownBy(() -> TieModelProducer.parameters(overrides(Map.of("cousin", 2.0), OptionalDouble.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cousin");
    }
}
