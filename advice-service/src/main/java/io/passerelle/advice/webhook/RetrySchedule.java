package io.passerelle.advice.webhook;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The waits between attempts: {@code delays.get(n - 1)} follows a failed attempt {@code n}, so a
 * delivery gets {@code delays.size() + 1} attempts in all. Each wait is spread uniformly over
 * {@code [d · (1 − jitter), d · (1 + jitter)]}: its mean stays {@code d}, so the schedule keeps its
 * total length, while receivers that failed together (an outage) are not all retried at once.
 * {@code jitter = 1} is full jitter around the mean; {@code 0} makes the waits exact (tests).
 */
public record RetrySchedule(List<Duration> delays, double jitter) {
    /** About three days in all: attempts at 0, 5 s, 5 min, 35 min, 2.6 h, 7.6 h, 17.6 h, 31.6 h, 51.6 h and 71.6 h. */
    public static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(20));

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(d -> d.isNegative())) {
            throw new IllegalArgumentException("retry delays cannot be negative: " + delays);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, not " + jitter);
        }
    }

    /** Attempts a delivery gets before it is FAILED. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * The wait after failed attempt {@code attempt} (1 for the first), or null when it was the last.
     *
     * @param random uniform in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
     */
    public Duration delayAfter(int attempt, DoubleSupplier random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + attempt);
        }
        if (attempt > delays.size()) {
            return null;
        }
        long base = delays.get(attempt - 1).toMillis();
        double factor = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Duration.ofMillis(Math.round(base * factor));
    }

    /** The sum of the nominal waits: how long after the first attempt the last one comes, jitter aside. */
    public Duration nominalSpan() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
