package io.passerelle.ingestion.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.ingestion.imports.ImportWarning;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import io.passerelle.ingestion.repository.ImportJob.State;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The import jobs and their staged bodies ({@code import_jobs}, {@code import_chunks}; V1). Its methods
 * block: they are called from request worker threads and from the jobs' own threads, never from the
 * event loop. Every write of a running job names the instance that claimed it, so that an instance
 * that lost its lease (it stalled, and another took the job over) writes nothing.
 */
@ApplicationScoped
public class ImportJobStore {
    private static final String COLUMNS = """
            import_id, owner_id, format, owner_profile_url, state, bytes_total, chunk_count, records_done, bytes_read,
            accepted, rejected_count, warning_count, rejected::text AS rejected, warnings::text AS warnings,
            created_at, started_at, finished_at, attempts, error""";
    private static final TypeReference<List<RejectedRecord>> REJECTED = new TypeReference<>() {
    };
    private static final TypeReference<List<ImportWarning>> WARNINGS = new TypeReference<>() {
    };

    private final Pool pool;

    public ImportJobStore(Pool pool) {
        this.pool = pool;
    }

    /** Decides, from the first chunk, whether the file may be staged at all (throws to refuse it). */
    @FunctionalInterface
    public interface FirstChunkCheck {
        void check(byte[] firstChunk) throws IOException;
    }

    /**
     * Stages a body as a QUEUED job, chunk by chunk as it is read, in one transaction: the job becomes
     * visible (and claimable) only once the whole body is stored, and a body cut short (the client went
     * away, the limit was passed, the process died) leaves nothing behind. Only one chunk is held at a time.
     */
    public ImportJob stage(UUID importId, String ownerId, String format, String ownerProfileUrl, InputStream body,
            int chunkSize, FirstChunkCheck firstChunkCheck) throws IOException {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction transaction = connection.begin().await().indefinitely();
            try {
                connection.preparedQuery("""
                                INSERT INTO import_jobs (import_id, owner_id, format, owner_profile_url, state, bytes_total, chunk_count)
                                VALUES ($1, $2, $3, $4, 'QUEUED', 0, 0)""")
                        .execute(Tuple.of(importId, ownerId, format, ownerProfileUrl)).await().indefinitely();
                long total = 0;
                int seq = 0;
                byte[] chunk = new byte[chunkSize];
                while (true) {
                    int length = body.readNBytes(chunk, 0, chunkSize); // less than chunkSize only at the end
                    byte[] data = length == chunkSize ? chunk : Arrays.copyOf(chunk, length);
                    if (seq == 0) {
                        firstChunkCheck.check(data);
                    }
                    if (length == 0) {
                        break;
                    }
                    // Buffer.buffer copies, so the array is reused for the next chunk (the Mutiny Tuple takes the core Buffer).
                    connection.preparedQuery("INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, $2, $3)")
                            .execute(Tuple.of(importId, seq, Buffer.buffer(data))).await().indefinitely();
                    total += length;
                    seq++;
                    if (length < chunkSize) {
                        break;
                    }
                }
                RowSet<Row> rows = connection.preparedQuery("UPDATE import_jobs SET bytes_total = $2, chunk_count = $3 WHERE import_id = $1 RETURNING " + COLUMNS)
                        .execute(Tuple.of(importId, total, seq)).await().indefinitely();
                transaction.commit().await().indefinitely();
                return job(rows.iterator().next());
            } catch (IOException | RuntimeException e) {
                try {
                    transaction.rollback().await().indefinitely();
                } catch (RuntimeException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        } finally {
            connection.close().await().indefinitely();
        }
    }

    public Optional<ImportJob> find(UUID importId) {
        return first(pool.preparedQuery("SELECT " + COLUMNS + " FROM import_jobs WHERE import_id = $1")
                .execute(Tuple.of(importId)).await().indefinitely());
    }

    /**
     * Claims for {@code claimant} the oldest job nobody holds: a QUEUED one, or a RUNNING one whose
     * instance let its lease lapse (it died, or stalled). {@code FOR UPDATE SKIP LOCKED}: two instances
     * claiming at once never get the same job.
     */
    public Optional<ImportJob> claim(String claimant, Duration lease) {
        return first(pool.preparedQuery("""
                        UPDATE import_jobs SET state = 'RUNNING', claimed_by = $1, lease_until = now() + $2 * interval '1 millisecond',
                            started_at = coalesce(started_at, now()), attempts = attempts + 1
                        WHERE import_id = (
                            SELECT import_id FROM import_jobs
                            WHERE state IN ('QUEUED', 'RUNNING') AND (lease_until IS NULL OR lease_until < now())
                            ORDER BY created_at
                            LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(claimant, lease.toMillis())).await().indefinitely());
    }

    /**
     * Records the job's position and counters (absolute values), appends the rejected lines and warnings
     * listed since the previous checkpoint, and renews the lease: one statement, so one transaction.
     * False when the job is not {@code claimant}'s any more (nothing was written).
     */
    public boolean checkpoint(UUID importId, String claimant, Checkpoint checkpoint, Duration lease) {
        return pool.preparedQuery("""
                        UPDATE import_jobs SET records_done = $3, bytes_read = $4, accepted = $5, rejected_count = $6, warning_count = $7,
                            rejected = rejected || $8::text::jsonb, warnings = warnings || $9::text::jsonb,
                            lease_until = now() + $10 * interval '1 millisecond', error = NULL
                        WHERE import_id = $1 AND claimed_by = $2 AND state = 'RUNNING'""")
                .execute(Tuple.from(List.of(importId, claimant, checkpoint.recordsDone(), checkpoint.bytesRead(), checkpoint.accepted(),
                        checkpoint.rejectedCount(), checkpoint.warningCount(), EventJson.write(checkpoint.newlyRejected()),
                        EventJson.write(checkpoint.newWarnings()), lease.toMillis())))
                .await().indefinitely().rowCount() == 1;
    }

    /**
     * Dates the end of a job whose every record is checkpointed, once: a job taken over between this and
     * {@link #complete} keeps the same {@code finishedAt}, so its completion event is the same. Empty when
     * the job is not {@code claimant}'s any more.
     */
    public Optional<ImportJob> finishing(UUID importId, String claimant) {
        return first(pool.preparedQuery("""
                        UPDATE import_jobs SET finished_at = coalesce(finished_at, now()), bytes_read = bytes_total
                        WHERE import_id = $1 AND claimed_by = $2 AND state = 'RUNNING'
                        RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(importId, claimant)).await().indefinitely());
    }

    /** COMPLETED, and the staged body deleted, in one transaction. */
    public boolean complete(UUID importId, String claimant) {
        return ended(importId, claimant, State.COMPLETED, null);
    }

    /** FAILED for good (a failure a retry cannot fix), and the staged body deleted. */
    public boolean fail(UUID importId, String claimant, String error) {
        return ended(importId, claimant, State.FAILED, error);
    }

    private boolean ended(UUID importId, String claimant, State state, String error) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                                UPDATE import_jobs SET state = $3, finished_at = coalesce(finished_at, now()), error = $4,
                                    claimed_by = NULL, lease_until = NULL
                                WHERE import_id = $1 AND claimed_by = $2 AND state = 'RUNNING'""")
                        .execute(Tuple.of(importId, claimant, state.name(), error))
                        .call(updated -> updated.rowCount() == 1
                                ? connection.preparedQuery("DELETE FROM import_chunks WHERE import_id = $1").execute(Tuple.of(importId))
                                : io.smallrye.mutiny.Uni.createFrom().nullItem())
                        .map(updated -> updated.rowCount() == 1))
                .await().indefinitely();
    }

    /**
     * Leaves a job that hit a transient failure (broker or database away) to be claimed again after
     * {@code delay}, from its last checkpoint, by this instance or another.
     */
    public void postpone(UUID importId, String claimant, Duration delay, String error) {
        pool.preparedQuery("""
                        UPDATE import_jobs SET lease_until = now() + $3 * interval '1 millisecond', error = $4
                        WHERE import_id = $1 AND claimed_by = $2 AND state = 'RUNNING'""")
                .execute(Tuple.of(importId, claimant, delay.toMillis(), error)).await().indefinitely();
    }

    /** One chunk of a staged body. */
    public byte[] chunk(UUID importId, int seq) {
        RowSet<Row> rows = pool.preparedQuery("SELECT data FROM import_chunks WHERE import_id = $1 AND seq = $2")
                .execute(Tuple.of(importId, seq)).await().indefinitely();
        if (rows.size() == 0) {
            throw new UncheckedIOException(new IOException("Chunk " + seq + " of import " + importId + " is missing"));
        }
        return rows.iterator().next().getBuffer("data").getBytes();
    }

    /** Erasure of an owner: every job of theirs, whatever its state, and its staged file. Does not block. */
    public io.smallrye.mutiny.Uni<Void> deleteOwnerJobs(String ownerId) {
        return pool.preparedQuery("DELETE FROM import_jobs WHERE owner_id = $1").execute(Tuple.of(ownerId)).replaceWithVoid();
    }

    /** Deletes the jobs finished before {@code retention} ago; how many. */
    public int deleteFinishedBefore(Duration retention) {
        return pool.preparedQuery("""
                        DELETE FROM import_jobs WHERE state IN ('COMPLETED', 'FAILED')
                          AND finished_at < now() - $1 * interval '1 millisecond'""")
                .execute(Tuple.of(retention.toMillis())).await().indefinitely().rowCount();
    }

    /**
     * What a checkpoint writes: the position in the file, the counters, and the rejected lines and
     * warnings listed since the previous checkpoint.
     */
    public record Checkpoint(long recordsDone, long bytesRead, long accepted, long rejectedCount, long warningCount,
                             List<RejectedRecord> newlyRejected, List<ImportWarning> newWarnings) {
    }

    private static Optional<ImportJob> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(job(rows.iterator().next()));
    }

    private static ImportJob job(Row row) {
        try {
            return new ImportJob(row.getUUID("import_id"), row.getString("owner_id"), row.getString("format"),
                    row.getString("owner_profile_url"), State.valueOf(row.getString("state")), row.getLong("bytes_total"),
                    row.getInteger("chunk_count"), row.getLong("records_done"), row.getLong("bytes_read"), row.getLong("accepted"),
                    row.getLong("rejected_count"), row.getLong("warning_count"),
                    EventJson.mapper().readValue(row.getString("rejected"), REJECTED),
                    EventJson.mapper().readValue(row.getString("warnings"), WARNINGS),
                    instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("started_at")),
                    instant(row.getOffsetDateTime("finished_at")), row.getInteger("attempts"), row.getString("error"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable issues of import " + row.getUUID("import_id"), e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
