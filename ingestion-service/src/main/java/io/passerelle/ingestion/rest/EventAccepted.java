package io.passerelle.ingestion.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 202 answer: the id of the event now durably in Kafka. */
@Schema(description = "The request is recorded: its event is durably in Kafka and will be applied by the consumers.")
public record EventAccepted(
        @Schema(description = "CloudEvents id of the published event", example = "0d9f5c1e-3f1b-4c38-9a4e-5b6f0e2f9a11")
        String eventId) {
}
