package io.passerelle.runtime.retry;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;

/**
 * The two bounds of an exponential back-off in a configuration mapping (the first wait, doubled at each failure up to
 * the longest), checked against each other at start-up. A mapping extends it and declares both methods again with its
 * own defaults.
 */
public interface BackoffSettings {

    /** First wait after a transient failure. */
    Duration initialBackoff();

    /** Longest wait between two attempts. */
    Duration maxBackoff();

    /**
     * Mutiny's back-off refuses a first wait above the longest one when it retries (IllegalArgumentException "bound must be
     * greater than origin"): a transient failure would end the retries instead of being waited out.
     */
    @AssertTrue(message = "is false: initial-backoff must be at most max-backoff")
    default boolean isInitialBackoffAtMostMaxBackoff() {
        return initialBackoff().compareTo(maxBackoff()) <= 0;
    }
}
