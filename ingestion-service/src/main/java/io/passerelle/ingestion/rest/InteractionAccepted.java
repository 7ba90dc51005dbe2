package io.passerelle.ingestion.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 202 answer to a recorded interaction, with the interaction id to reuse when retrying. */
@Schema(description = "The interaction is recorded. Retrying with the same interactionId yields the same eventId and is counted once.")
public record InteractionAccepted(
        @Schema(description = "CloudEvents id of the published event, derived from ownerId and interactionId")
        String eventId,
        @Schema(description = "The caller's interactionId, or the one generated when it was absent")
        String interactionId) {
}
