package io.passerelle.ingestion.rest;

import io.passerelle.ingestion.imports.ImportWarning;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import io.passerelle.ingestion.repository.ImportJob;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job: the 202 of an import run as a job, and {@code GET .../imports/{importId}}. */
@Schema(description = "An import job and its progress. The counts and lists are those of a synchronous import's answer, "
        + "as of the job's last checkpoint; they are final once the state is COMPLETED.")
public record ImportJobAnswer(
        @Schema(description = "The job's id, as in the Location of the 202") String importId,
        @Schema(description = "The format the file is read as", example = "linkedin-connections") String format,
        @Schema(description = "QUEUED (staged, not started), RUNNING, COMPLETED (every accepted event is durably in Kafka) or "
                + "FAILED (see error)") ImportJob.State state,
        @Schema(description = "How much of the file has been read, in bytes (the reader reads a little ahead of the "
                + "checkpointed records); equal to bytesTotal once COMPLETED") long bytesRead,
        @Schema(description = "The size of the file, in bytes") long bytesTotal,
        @Schema(description = "Events published and acknowledged by the broker so far") long accepted,
        @Schema(description = "The first rejected lines, up to passerelle.ingestion.imports.max-reported-rejections") List<RejectedRecord> rejected,
        @Schema(description = "How many lines were rejected so far") long rejectedCount,
        @Schema(description = "The first values left out of imported lines, up to "
                + "passerelle.ingestion.imports.max-reported-warnings") List<ImportWarning> warnings,
        @Schema(description = "How many values were left out so far") long warningCount,
        @Schema(description = "When the file was received and staged") Instant createdAt,
        @Schema(description = "When an instance first started the job; absent while QUEUED") Instant startedAt,
        @Schema(description = "When the job ended; absent before") Instant finishedAt,
        @Schema(description = "Why a FAILED job failed; for a RUNNING one, the transient failure it is waiting out") String error) {

    static ImportJobAnswer of(ImportJob job) {
        return new ImportJobAnswer(job.importId().toString(), job.format(), job.state(), job.bytesRead(), job.bytesTotal(),
                job.accepted(), job.rejected(), job.rejectedCount(), job.warnings(), job.warningCount(), job.createdAt(),
                job.startedAt(), job.finishedAt(), job.error());
    }
}
