package io.passerelle.advice.webhook;

import io.passerelle.contracts.json.EventJson;
import java.time.Instant;

/**
 * An event to deliver to every enabled subscription that asks for its type. {@code eventId} is
 * deterministic (the outbox event id, or derived from the tie snapshot), so that enqueuing the same
 * event twice gives each subscription one delivery; {@code contactId} (null when the event concerns
 * no contact) and {@code ownerId} let an erasure find the delivery.
 */
public record WebhookEvent(String eventId, WebhookEventType type, String ownerId, String contactId, String payload) {

    public static WebhookEvent of(String eventId, WebhookEventType type, String ownerId, String contactId, Instant timestamp, Object data) {
        return new WebhookEvent(eventId, type, ownerId, contactId, EventJson.write(new WebhookPayload(type.wireName(), timestamp, data)));
    }
}
