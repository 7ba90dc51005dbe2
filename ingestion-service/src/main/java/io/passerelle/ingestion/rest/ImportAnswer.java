package io.passerelle.ingestion.rest;

import io.passerelle.ingestion.imports.ImportWarning;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 200 answer of an import: every accepted event is durably in Kafka. */
@Schema(description = "The file is imported: every accepted event is durably in Kafka; rejected lines are listed, "
        + "and so are the values left out of the lines that were imported.")
public record ImportAnswer(
        @Schema(description = "The format the file was read as", example = "linkedin-connections")
        String format,
        @Schema(description = "Events published and acknowledged by the broker (contacts, or interactions for messages)")
        long accepted,
        @Schema(description = "The lines that could not be imported, with what is wrong in each (the first ones, "
                + "up to passerelle.ingestion.imports.max-reported-rejections)")
        List<RejectedRecord> rejected,
        @Schema(description = "How many lines were rejected in all")
        long rejectedCount,
        @Schema(description = "In line order, each optional value that could not be read or is invalid (a date, an e-mail "
                + "address, ...): {line, field, message}. The line is imported without that value. The first ones, up to "
                + "passerelle.ingestion.imports.max-reported-warnings")
        List<ImportWarning> warnings,
        @Schema(description = "How many values were left out in all")
        long warningCount) {
}
