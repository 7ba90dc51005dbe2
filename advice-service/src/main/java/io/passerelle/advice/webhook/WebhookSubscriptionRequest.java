package io.passerelle.advice.webhook;

import java.util.List;

/** The body of {@code POST /v1/webhook-subscriptions} (API.md): {@code secret} is generated when absent. */
public record WebhookSubscriptionRequest(String url, List<String> eventTypes, String secret) {
}
