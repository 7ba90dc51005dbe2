package io.passerelle.ingestion.rest;

import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 200 answer of an NDJSON batch: every accepted line's event is durably in Kafka. */
@Schema(description = "The batch is recorded: every accepted line's event is durably in Kafka; rejected lines are listed.")
public record BatchAnswer(
        @Schema(description = "Lines published and acknowledged by the broker")
        long accepted,
        @Schema(description = "The lines that were refused, each with errors [{field, message}] (the first ones)")
        List<RejectedRecord> rejected,
        @Schema(description = "How many lines were rejected in all")
        long rejectedCount) {
}
