package io.passerelle.advice.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The event types a webhook subscription can ask for (API.md, Webhooks), by their wire names. The
 * {@link #TEST_TYPE} message is not one of them: it goes to one subscription, on request.
 */
public enum WebhookEventType {
    RECOMMENDATION_ISSUED("recommendation.issued"),
    RECOMMENDATION_WITHDRAWN("recommendation.withdrawn"),
    TIE_CLASS_CHANGED("tie.class-changed"),
    /** An import job of ingestion-service has completed ({@code passerelle.import.completed} on {@code passerelle.imports.v1}). */
    IMPORT_COMPLETED("import.completed");

    /** The type of the message {@code POST /v1/webhook-subscriptions/{id}/test} sends. */
    public static final String TEST_TYPE = "webhook.test";

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in subscriptions, in the {@code type} of a delivery body and in the deliveries list. */
    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
