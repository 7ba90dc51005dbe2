package io.passerelle.ingestion.repository;

import io.passerelle.ingestion.imports.ImportWarning;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import job as stored ({@code import_jobs}).
 *
 * @param recordsDone the job's position: records of the file read and settled (published and acknowledged,
 *                    or rejected) as of its last checkpoint; a job taken over skips that many records
 * @param bytesRead   how much of the staged file the reader had consumed at the last checkpoint
 */
public record ImportJob(UUID importId, String ownerId, String format, String ownerProfileUrl, State state,
                        long bytesTotal, int chunkCount, long recordsDone, long bytesRead, long accepted,
                        long rejectedCount, long warningCount, List<RejectedRecord> rejected, List<ImportWarning> warnings,
                        Instant createdAt, Instant startedAt, Instant finishedAt, int attempts, String error) {

    public enum State {
        QUEUED, RUNNING, COMPLETED, FAILED
    }
}
