package io.passerelle.advice.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a {@code webhook.test} message came to: its {@code webhook-id}, whether the destination
 * answered 2xx, its status code or, without an answer, the error, and how long it took.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookTestResult(String webhookId, boolean delivered, Integer statusCode, String error, long durationMillis) {
}
