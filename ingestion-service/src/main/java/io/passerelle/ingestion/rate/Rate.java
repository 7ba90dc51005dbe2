package io.passerelle.ingestion.rate;

import java.time.Duration;

/**
 * A limit: on average {@code perSecond} requests a second, and at most {@code burst} at once. It is
 * enforced as resilience4j's {@code AtomicRateLimiter} does: {@code burst} permits per window of
 * {@code burst / perSecond}, all restored when a window starts.
 */
public record Rate(double perSecond, int burst) {

    public Rate {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate must be a positive number of requests per second, not " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("a burst must be at least 1, not " + burst);
        }
    }

    /** The window after which the whole burst is available again. */
    public Duration window() {
        return Duration.ofNanos(Math.max(1L, Math.round(burst / perSecond * 1e9)));
    }

    /** How the limit reads in an answer: "100 at once, 20 per second". */
    public String describe() {
        String rate = perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
        return burst + " at once, " + rate + " per second on average";
    }
}
