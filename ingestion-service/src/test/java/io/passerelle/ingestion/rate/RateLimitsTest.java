package io.passerelle.ingestion.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiting policy on a clock the test moves: keys, bursts, Retry-After and eviction. */
class RateLimitsTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    /** Writes: 3 at once per caller (1 a second), 5 per owner (1 a second); imports: 1 per caller and per owner every 4 s. */
    private RateLimits limits(Duration idleExpiry, long maxKeys) {
        return new RateLimits(new RateLimits.Settings(new Rate(1, 3), new Rate(1, 5), new Rate(0.25, 1), new Rate(0.25, 1),
                idleExpiry, maxKeys), now::get);
    }

    private RateLimits limits() {
        return limits(Duration.ofMinutes(10), 1000);
    }

    @Test
    void aBurstPassesThenTheNextIsRefusedByTheLimitThatIsReached() {
        RateLimits limits = limits();
        for (int i = 0; i < 3; i++) {
            assertThat(limits.check(LimitClass.WRITES, "caller-a", "owner-1").allowed()).isTrue();
        }
        RateLimitDecision refused = limits.check(LimitClass.WRITES, "caller-a", "owner-1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.scope()).isEqualTo(Scope.CALLER);
        assertThat(refused.limitClass()).isEqualTo(LimitClass.WRITES);
        assertThat(refused.limitName()).isEqualTo("writes.per-caller");
        assertThat(refused.rate()).isEqualTo(new Rate(1, 3));
    }

    @Test
    void anOwnerIsLimitedAcrossCallersAndOneOwnerDoesNotAffectAnother() {
        RateLimits limits = limits();
        for (int i = 0; i < 5; i++) {
            assertThat(limits.check(LimitClass.WRITES, "caller-" + i, "owner-1").allowed()).isTrue();
        }
        RateLimitDecision refused = limits.check(LimitClass.WRITES, "caller-9", "owner-1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.scope()).isEqualTo(Scope.OWNER);
        assertThat(refused.limitName()).isEqualTo("writes.per-owner");

        assertThat(limits.check(LimitClass.WRITES, "caller-9", "owner-2").allowed()).isTrue();
    }

    @Test
    void aCallerWithoutCallerLimitIsLimitedOnlyPerOwner() {
        RateLimits limits = limits();
        for (int owner = 0; owner < 20; owner++) {
            for (int i = 0; i < 5; i++) {
                assertThat(limits.check(LimitClass.WRITES, null, "owner-" + owner).allowed()).isTrue();
            }
        }
        assertThat(limits.check(LimitClass.WRITES, null, "owner-0").scope()).isEqualTo(Scope.OWNER);
    }

    @Test
    void importsAndWritesAreCountedApart() {
        RateLimits limits = limits();
        assertThat(limits.check(LimitClass.IMPORTS, "caller-a", "owner-1").allowed()).isTrue();
        RateLimitDecision refused = limits.check(LimitClass.IMPORTS, "caller-b", "owner-1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limitName()).isEqualTo("imports.per-owner");
        assertThat(limits.check(LimitClass.WRITES, "caller-a", "owner-1").allowed()).isTrue();
    }

    @Test
    void retryAfterIsTheWaitForTheNextWindowInWholeSecondsRoundedUp() {
        RateLimits limits = limits();
        assertThat(limits.check(LimitClass.IMPORTS, null, "owner-1").allowed()).isTrue();
        assertThat(limits.check(LimitClass.IMPORTS, null, "owner-1").retryAfterSeconds()).isEqualTo(4);

        now.addAndGet(SECOND + SECOND / 2);
        assertThat(limits.check(LimitClass.IMPORTS, null, "owner-1").retryAfterSeconds()).isEqualTo(3);

        now.addAndGet(2 * SECOND + SECOND / 2 - 1);
        RateLimitDecision lastNanosecond = limits.check(LimitClass.IMPORTS, null, "owner-1");
        assertThat(lastNanosecond.allowed()).isFalse();
        assertThat(lastNanosecond.retryAfterSeconds()).isEqualTo(1);

        now.addAndGet(1);
        assertThat(limits.check(LimitClass.IMPORTS, null, "owner-1").allowed()).isTrue();
    }

    @Test
    void waitingRetryAfterGivesTheWholeBurstBack() {
        RateLimits limits = limits();
        for (int i = 0; i < 5; i++) {
            limits.check(LimitClass.WRITES, null, "owner-1");
        }
        RateLimitDecision refused = limits.check(LimitClass.WRITES, null, "owner-1");
        assertThat(refused.allowed()).isFalse();

        now.addAndGet(refused.retryAfterSeconds() * SECOND);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.check(LimitClass.WRITES, null, "owner-1").allowed()).isTrue();
        }
        assertThat(limits.check(LimitClass.WRITES, null, "owner-1").allowed()).isFalse();
    }

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
        assertThat(RateLimitDecision.retryAfterSeconds(0)).isEqualTo(1);
        assertThat(RateLimitDecision.retryAfterSeconds(-5)).isEqualTo(1);
        assertThat(RateLimitDecision.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(RateLimitDecision.retryAfterSeconds(SECOND)).isEqualTo(1);
        assertThat(RateLimitDecision.retryAfterSeconds(SECOND + 1)).isEqualTo(2);
        assertThat(RateLimitDecision.retryAfterSeconds(7 * SECOND - 1)).isEqualTo(7);
    }

    @Test
    void idleLimitersAreDroppedAndComeBackFull() {
        RateLimits limits = limits(Duration.ofSeconds(30), 1000);
        for (int owner = 0; owner < 50; owner++) {
            limits.check(LimitClass.WRITES, null, "owner-" + owner);
        }
        limits.check(LimitClass.WRITES, "caller-a", "owner-0");
        assertThat(limits.size()).isEqualTo(51);

        now.addAndGet(29 * SECOND);
        limits.check(LimitClass.WRITES, "caller-a", "owner-0");
        now.addAndGet(2 * SECOND);
        assertThat(limits.size()).as("the two used 2 s ago stay, the 49 idle for 31 s are gone").isEqualTo(2);
        assertThat(limits.check(LimitClass.WRITES, null, "owner-7").allowed()).isTrue();
    }

    @Test
    void aLimiterIsNeverDroppedBeforeItsWindowHasPassed() {
        // Imports' window is 4 s; an idle expiry of 1 s must not hand a refused caller a fresh limiter.
        RateLimits limits = limits(Duration.ofSeconds(1), 1000);
        assertThat(limits.check(LimitClass.IMPORTS, null, "owner-1").allowed()).isTrue();
        now.addAndGet(2 * SECOND);
        assertThat(limits.size()).isEqualTo(1);
        assertThat(limits.check(LimitClass.IMPORTS, null, "owner-1").allowed()).isFalse();
    }

    @Test
    void theNumberOfLimitersIsBounded() {
        RateLimits limits = limits(Duration.ofHours(1), 100);
        for (int owner = 0; owner < 10_000; owner++) {
            limits.check(LimitClass.WRITES, null, "owner-" + owner);
        }
        assertThat(limits.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void aRateMustBePositiveAndABurstAtLeastOne() {
        assertThatThrownBy(() -> new Rate(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(Double.NaN, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Rate(0.1, 20).window()).isEqualTo(Duration.ofSeconds(200));
        assertThat(new Rate(1000, 2000).describe()).isEqualTo("2000 at once, 1000 per second on average");
    }
}
