package io.passerelle.advice.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final RetrySchedule DEFAULT = new RetrySchedule(RetrySchedule.DEFAULT_DELAYS, 0.5);

    @Test
    void theDefaultScheduleSpansAboutThreeDaysInTenAttempts() {
        assertThat(DEFAULT.maxAttempts()).isEqualTo(10);
        assertThat(DEFAULT.nominalSpan()).isBetween(Duration.ofHours(70), Duration.ofHours(74));
        // Each wait is longer than the one before: the backoff grows.
        for (int i = 1; i < RetrySchedule.DEFAULT_DELAYS.size() - 1; i++) {
            assertThat(RetrySchedule.DEFAULT_DELAYS.get(i)).isGreaterThan(RetrySchedule.DEFAULT_DELAYS.get(i - 1));
        }
    }

    @Test
    void jitterSpreadsEachWaitAroundItsNominalValue() {
        assertThat(DEFAULT.delayAfter(2, () -> 0.0)).isEqualTo(Duration.ofSeconds(150));
        assertThat(DEFAULT.delayAfter(2, () -> 0.5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(DEFAULT.delayAfter(2, () -> 0.999_999)).isBetween(Duration.ofSeconds(449), Duration.ofSeconds(450));
        Random random = new Random(7);
        double total = 0;
        for (int i = 0; i < 2000; i++) {
            Duration wait = DEFAULT.delayAfter(8, random::nextDouble);
            assertThat(wait).isBetween(Duration.ofHours(10), Duration.ofHours(30));
            total += wait.toMillis();
        }
        assertThat(total / 2000).isCloseTo(Duration.ofHours(20).toMillis(), org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void withoutJitterTheWaitsAreExactAndTheLastAttemptHasNone() {
        RetrySchedule exact = new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), 0);

        assertThat(exact.delayAfter(1, () -> 0.9)).isEqualTo(Duration.ofSeconds(1));
        assertThat(exact.delayAfter(2, () -> 0.1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(exact.delayAfter(3, () -> 0.5)).isNull();
        assertThat(exact.delayAfter(7, () -> 0.5)).isNull();
        assertThat(exact.maxAttempts()).isEqualTo(3);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1)), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(), 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULT.delayAfter(0, () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
