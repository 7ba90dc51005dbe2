package io.passerelle.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.runtime.database.DatabaseSettings;
import io.passerelle.runtime.messaging.consumer.ConsumerSettings;
import io.passerelle.runtime.security.TokenCacheConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** service-runtime's own settings: the defaults pass, values that cannot work stop the start-up with the property named. */
class SettingsValidationTest {

    @Test
    void defaultsAreValid() {
        assertThat(SettingsValidation.problems(ConsumerSettings.class, Map.of())).isEmpty();
        assertThat(SettingsValidation.problems(DatabaseSettings.class, Map.of())).isEmpty();
        assertThat(SettingsValidation.problems(TokenCacheConfig.class, Map.of())).isEmpty();
    }

    @Test
    void consumerSettingsOutOfRange() {
        assertThat(SettingsValidation.problems(ConsumerSettings.class, Map.of(
                "passerelle.consumer.initial-backoff", "0s",
                "passerelle.consumer.max-backoff", "-1s",
                "passerelle.consumer.idempotency.window", "0s",
                "passerelle.consumer.idempotency.purge-batch-size", "0")))
                .anyMatch(problem -> problem.startsWith("passerelle.consumer.initial-backoff "))
                .anyMatch(problem -> problem.startsWith("passerelle.consumer.max-backoff "))
                .anyMatch(problem -> problem.startsWith("passerelle.consumer.idempotency.window "))
                .anyMatch(problem -> problem.startsWith("passerelle.consumer.idempotency.purge-batch-size "))
                .contains("passerelle.consumer initialBackoffAtMostMaxBackoff is false: initial-backoff must be at most max-backoff")
                .hasSize(5);
    }

    @Test
    void theFirstWaitIsAtMostTheLongest() {
        assertThat(SettingsValidation.problems(ConsumerSettings.class, Map.of("passerelle.consumer.initial-backoff", "31s")))
                .containsExactly("passerelle.consumer initialBackoffAtMostMaxBackoff is false: initial-backoff must be at most max-backoff");
        assertThat(SettingsValidation.problems(ConsumerSettings.class, Map.of("passerelle.consumer.initial-backoff", "30s"))).isEmpty();
        assertThat(SettingsValidation.problems(ConsumerSettings.class, Map.of("passerelle.consumer.initial-backoff", "2s",
                "passerelle.consumer.max-backoff", "2s"))).isEmpty();
    }

    @Test
    void databaseSettingsOutOfRange() {
        assertThat(SettingsValidation.problems(DatabaseSettings.class, Map.of(
                "passerelle.database.stall-timeout", "0s",
                "passerelle.database.health-timeout", "0s")))
                .hasSize(2)
                .anyMatch(problem -> problem.startsWith("passerelle.database.stall-timeout "))
                .anyMatch(problem -> problem.startsWith("passerelle.database.health-timeout "));
    }

    @Test
    void tokenCacheMayBeTurnedOffButNotNegative() {
        assertThat(SettingsValidation.problems(TokenCacheConfig.class, Map.of("passerelle.security.token-cache.max-size", "0"))).isEmpty();
        assertThat(SettingsValidation.problems(TokenCacheConfig.class, Map.of("passerelle.security.token-cache.max-size", "-1")))
                .containsExactly("passerelle.security.token-cache.max-size must be greater than or equal to 0");
    }
}
