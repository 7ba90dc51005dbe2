package io.passerelle.advice.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A delivery as the deliveries endpoint shows it (API.md's fields, then more). Unset values are
 * written as null rather than left out, so every item has the same fields; {@code history} (every
 * attempt's outcome) is there when one delivery is read.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookDelivery(String webhookId, String eventType, int attempts, DeliveryStatus status, Integer lastStatusCode,
                              Instant nextAttemptAt, String lastError, Instant lastAttemptAt, Instant deliveredAt, Instant createdAt,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<Attempt> history) {

    /** One attempt: the receiver's status code, or the error when no answer came. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMillis) {
    }

    public WebhookDelivery withHistory(List<Attempt> attempts) {
        return new WebhookDelivery(webhookId, eventType, this.attempts, status, lastStatusCode, nextAttemptAt, lastError, lastAttemptAt,
                deliveredAt, createdAt, List.copyOf(attempts));
    }
}
