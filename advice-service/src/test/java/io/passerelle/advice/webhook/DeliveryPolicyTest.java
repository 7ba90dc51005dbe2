package io.passerelle.advice.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final DoubleSupplier MIDDLE = () -> 0.5;
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(
            new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30)), 0.5), Duration.ofHours(24));

    @Test
    void only2xxIsASuccess() {
        for (int code : new int[] {200, 201, 202, 204, 299}) {
            DeliveryPolicy.Decision decision = POLICY.decide(1, AttemptResult.answered(code, null), NOW, MIDDLE);
            assertThat(decision.status()).as("HTTP %d", code).isEqualTo(DeliveryStatus.SUCCEEDED);
            assertThat(decision.nextAttemptAt()).isNull();
            assertThat(decision.error()).isNull();
        }
        for (int code : new int[] {100, 199, 300, 301, 302, 307, 308, 400, 404, 429, 500, 503}) {
            assertThat(POLICY.decide(1, AttemptResult.answered(code, null), NOW, MIDDLE).status()).as("HTTP %d", code)
                    .isEqualTo(DeliveryStatus.PENDING);
        }
    }

    @Test
    void aRedirectIsAFailureThatSaysWhy() {
        DeliveryPolicy.Decision decision = POLICY.decide(1, AttemptResult.answered(302, null), NOW, MIDDLE);

        assertThat(decision.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(decision.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(decision.error()).contains("302").contains("redirects are not followed");
    }

    @Test
    void goneFailsTheDeliveryAndDisablesTheSubscription() {
        DeliveryPolicy.Decision decision = POLICY.decide(1, AttemptResult.answered(410, null), NOW, MIDDLE);

        assertThat(decision.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(decision.disableSubscription()).isTrue();
        assertThat(decision.error()).contains("410");
        assertThat(POLICY.decide(1, AttemptResult.answered(500, null), NOW, MIDDLE).disableSubscription()).isFalse();
    }

    @Test
    void failuresFollowTheScheduleThenFail() {
        assertThat(POLICY.decide(1, AttemptResult.answered(500, null), NOW, MIDDLE).nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(POLICY.decide(2, AttemptResult.answered(500, null), NOW, MIDDLE).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(POLICY.decide(3, AttemptResult.noAnswer("connection refused or unreachable"), NOW, MIDDLE))
                .isEqualTo(new DeliveryPolicy.Decision(DeliveryStatus.PENDING, NOW.plus(Duration.ofMinutes(30)), false,
                        "connection refused or unreachable"));
        DeliveryPolicy.Decision last = POLICY.decide(4, AttemptResult.answered(503, null), NOW, MIDDLE);
        assertThat(last.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(last.nextAttemptAt()).isNull();
        assertThat(last.error()).isEqualTo("HTTP 503");
    }

    @Test
    void retryAfterIsHonouredWhenItAsksForLaterThanTheBackoff() {
        assertThat(POLICY.decide(1, AttemptResult.answered(503, "120"), NOW, MIDDLE).nextAttemptAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(POLICY.decide(1, AttemptResult.answered(429, "Wed, 04 Mar 2026 11:00:00 GMT"), NOW, MIDDLE).nextAttemptAt())
                .isEqualTo(Instant.parse("2026-03-04T11:00:00Z"));
        // Sooner than the backoff: the backoff wins.
        assertThat(POLICY.decide(2, AttemptResult.answered(503, "1"), NOW, MIDDLE).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        // Later than the cap: the cap wins.
        assertThat(POLICY.decide(1, AttemptResult.answered(503, "999999"), NOW, MIDDLE).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        // Unreadable: ignored.
        assertThat(POLICY.decide(1, AttemptResult.answered(503, "later"), NOW, MIDDLE).nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        // It does not extend the schedule past its last attempt.
        assertThat(POLICY.decide(4, AttemptResult.answered(503, "60"), NOW, MIDDLE).status()).isEqualTo(DeliveryStatus.FAILED);
    }
}
