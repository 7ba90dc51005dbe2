package io.passerelle.advice.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.ranking.RankingParameters;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The configuration defaults are the documented ranking defaults. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RankingConfigurationTest {
    @Inject
    AdviceConfig config;

    @Test
    void configuredDefaultsAreTheRankingDefaults() {
        assertThat(RankingConfiguration.parameters(config)).isEqualTo(RankingParameters.defaults());
    }
}
