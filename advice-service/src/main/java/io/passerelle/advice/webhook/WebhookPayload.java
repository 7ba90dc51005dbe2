package io.passerelle.advice.webhook;

import java.time.Instant;

/**
 * The body of every delivery (Standard Webhooks): the event type, when the event happened, and its
 * data (a Recommendation, a RecommendationWithdrawn or a {@link TieClassChange}). It is written
 * once, when the delivery is enqueued, so that every retry sends the very same bytes.
 */
public record WebhookPayload(String type, Instant timestamp, Object data) {
}
