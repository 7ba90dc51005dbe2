package io.passerelle.advice.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Decides what follows an attempt. Only a 2xx is a success: a redirect is a failure (its
 * {@code Location} is not followed, so a receiver cannot send signed payloads elsewhere). A 410
 * Gone fails the delivery and disables the subscription. Any other answer, or none, is retried
 * after the schedule's wait, or after {@code Retry-After} when the receiver asks for later (at most
 * {@code maxRetryAfter} from now); after the last attempt the delivery is FAILED.
 */
public record DeliveryPolicy(RetrySchedule schedule, Duration maxRetryAfter) {

    /** The next state of a delivery; {@code nextAttemptAt} is null unless it stays PENDING. */
    public record Decision(DeliveryStatus status, Instant nextAttemptAt, boolean disableSubscription, String error) {
    }

    public static final String GONE = "the endpoint answered 410 Gone: subscription disabled";

    public Decision decide(int attempt, AttemptResult result, Instant now, DoubleSupplier random) {
        Integer code = result.statusCode();
        if (code != null && code >= 200 && code < 300) {
            return new Decision(DeliveryStatus.SUCCEEDED, null, false, null);
        }
        if (code != null && code == 410) {
            return new Decision(DeliveryStatus.FAILED, null, true, GONE);
        }
        String error = code == null ? result.error()
                : code >= 300 && code < 400 ? "HTTP " + code + ": redirects are not followed, only 2xx is a success"
                : "HTTP " + code;
        Duration wait = schedule.delayAfter(attempt, random);
        if (wait == null) {
            return new Decision(DeliveryStatus.FAILED, null, false, error);
        }
        Instant next = now.plus(wait);
        Optional<Instant> asked = RetryAfter.parse(result.retryAfter(), now);
        if (asked.isPresent() && asked.get().isAfter(next)) {
            Instant latest = now.plus(maxRetryAfter);
            next = asked.get().isAfter(latest) ? (latest.isAfter(next) ? latest : next) : asked.get();
        }
        return new Decision(DeliveryStatus.PENDING, next, false, error);
    }
}
