package io.passerelle.contracts.model;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.validation.PlausiblePast;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** One exchange between an owner and a contact. {@code interactionId} makes retries idempotent. */
public record Interaction(
        @Pattern(regexp = Identifiers.INTERACTION_ID_REGEX) String interactionId,
        @NotNull @Pattern(regexp = Identifiers.CONTACT_ID_REGEX) String contactId,
        @NotNull @PlausiblePast Instant occurredAt,
        @NotNull Channel channel,
        Direction direction,
        @Min(0) @Max(100_000) Integer durationMinutes,
        Source source) {

    public Interaction withInteractionId(String id) {
        return new Interaction(id, contactId, occurredAt, channel, direction, durationMinutes, source);
    }
}
