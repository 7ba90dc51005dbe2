package io.passerelle.ingestion.rate;

/**
 * What {@link RateLimits#check} decided: {@link #ALLOWED}, or refused by the limit of {@code scope}
 * and {@code limitClass}, to be retried after {@code retryAfterSeconds} (a whole number, at least 1).
 */
public record RateLimitDecision(boolean allowed, LimitClass limitClass, Scope scope, Rate rate, long retryAfterSeconds) {

    public static final RateLimitDecision ALLOWED = new RateLimitDecision(true, null, null, null, 0);

    static RateLimitDecision refused(LimitClass limitClass, Scope scope, Rate rate, long nanosToWait) {
        return new RateLimitDecision(false, limitClass, scope, rate, retryAfterSeconds(nanosToWait));
    }

    /** Whole seconds, rounded up so that a client waiting that long finds the window restored; at least 1. */
    static long retryAfterSeconds(long nanosToWait) {
        long seconds = nanosToWait / 1_000_000_000L + (nanosToWait % 1_000_000_000L > 0 ? 1 : 0);
        return Math.max(1L, seconds);
    }

    /** The limit's name, as in the configuration: {@code writes.per-owner}. */
    public String limitName() {
        return limitClass.configName() + "." + scope.configName();
    }
}
