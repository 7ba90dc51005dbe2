package io.passerelle.advice.webhook;

import java.util.List;

/**
 * The body of {@code POST /v1/webhook-subscriptions} (API.md): {@code secret} is generated when
 * absent; {@code ownerIds}, when present, limits the deliveries to events about those owners.
 */
public record WebhookSubscriptionRequest(String url, List<String> eventTypes, String secret, List<String> ownerIds) {
}
