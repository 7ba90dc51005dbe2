package io.passerelle.advice.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as the API shows it: API.md's {@code {id, url, eventTypes, secret}} plus
 * whether it is enabled and, when it is not, why and since when; {@code ownerIds} (null: every
 * owner) and, after a rotation, until when the previous secret still signs. The secret is shown when
 * the subscription is created, read one by one, and when it is rotated, not in the list.
 */
public record WebhookSubscription(String id, String url, List<String> eventTypes,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String secret, boolean enabled,
                                  String disabledReason, Instant disabledAt, Instant createdAt, List<String> ownerIds,
                                  Instant previousSecretExpiresAt) {

    public WebhookSubscription withoutSecret() {
        return new WebhookSubscription(id, url, eventTypes, null, enabled, disabledReason, disabledAt, createdAt, ownerIds,
                previousSecretExpiresAt);
    }
}
