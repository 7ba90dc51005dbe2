package io.passerelle.graph.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.graph.replay.PublishCursor;
import io.passerelle.graph.replay.ReplayCounts;
import io.passerelle.graph.replay.ReplayJob;
import io.passerelle.graph.replay.ReplayState;
import io.passerelle.graph.replay.TopicOffset;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The replay jobs ({@code replay_jobs}, V7). Requests and reads go through the pool; the job's own
 * writes run on the connection of the transaction that did the work they record, after
 * {@link #lockClaimed}, so that a job's progress and its effect commit together and an instance that
 * lost its claim writes nothing.
 */
@ApplicationScoped
public class ReplayJobStore {
    private static final String COLUMNS = """
            replay_id, state, requested_at, started_at, switched_at, finished_at, topic_offsets::text AS topic_offsets,
            records_read, events_applied, unreadable, refused, ties_published, tombstones_published,
            publish_cursor::text AS publish_cursor, error, attempts, last_retry_at, last_retry_reason""";
    private static final TypeReference<TreeMap<String, TopicOffset>> OFFSETS = new TypeReference<>() {
    };

    private final Pool pool;

    public ReplayJobStore(Pool pool) {
        this.pool = pool;
    }

    /** A new QUEUED job, or empty when a job is active already (one at a time: V7's partial unique index). */
    public Uni<Optional<ReplayJob>> request(UUID replayId) {
        return pool.preparedQuery("INSERT INTO replay_jobs (replay_id, state) VALUES ($1, 'QUEUED') ON CONFLICT DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.of(replayId))
                .map(ReplayJobStore::first);
    }

    /** The active job, if any. */
    public Uni<Optional<ReplayJob>> active() {
        return pool.query("SELECT " + COLUMNS + " FROM replay_jobs WHERE state IN ('QUEUED', 'RUNNING', 'SWITCHING', 'PUBLISHING')")
                .execute()
                .map(ReplayJobStore::first);
    }

    public Uni<Optional<ReplayJob>> find(UUID replayId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM replay_jobs WHERE replay_id = $1")
                .execute(Tuple.of(replayId))
                .map(ReplayJobStore::first);
    }

    /** The latest jobs, the latest requested first. */
    public Uni<List<ReplayJob>> recent(int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM replay_jobs ORDER BY requested_at DESC, replay_id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(ReplayJobStore::all);
    }

    /**
     * Claims the active job for {@code claimant} for {@code lease}, when nobody holds it: a QUEUED job, or
     * one whose claimant let its lease lapse (it died, or lost the database). A job locked by the
     * transaction of the instance working on it is skipped, whatever its lease.
     */
    public Uni<Optional<ReplayJob>> claim(String claimant, Duration lease) {
        return pool.preparedQuery("""
                        UPDATE replay_jobs SET claimed_by = $1, lease_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1
                        WHERE replay_id = (
                            SELECT replay_id FROM replay_jobs
                            WHERE state IN ('QUEUED', 'RUNNING', 'SWITCHING', 'PUBLISHING')
                              AND (lease_until IS NULL OR lease_until < now())
                            ORDER BY requested_at
                            LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(claimant, lease.toMillis()))
                .map(ReplayJobStore::first);
    }

    /**
     * Records the transient failure {@code claimant}'s run of the job is retried after (through the pool, not the run's own
     * connection, which the failure may have closed); nothing when the job is not {@code claimant}'s any more.
     */
    public Uni<Void> recordRetry(UUID replayId, String claimant, String reason) {
        return pool.preparedQuery("UPDATE replay_jobs SET last_retry_at = now(), last_retry_reason = $3 WHERE replay_id = $1 AND claimed_by = $2")
                .execute(Tuple.of(replayId, claimant, reason))
                .replaceWithVoid();
    }

    /** Lets another instance take the job over at once (this one is stopping). */
    public Uni<Void> release(UUID replayId, String claimant) {
        return pool.preparedQuery("UPDATE replay_jobs SET lease_until = now() WHERE replay_id = $1 AND claimed_by = $2")
                .execute(Tuple.of(replayId, claimant))
                .replaceWithVoid();
    }

    /**
     * Locks the job's row for the caller's transaction and answers the job, or empty when it is not
     * {@code claimant}'s any more (another instance took it over). While the row is locked no other
     * instance can claim the job.
     */
    public Uni<Optional<ReplayJob>> lockClaimed(SqlConnection connection, UUID replayId, String claimant) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM replay_jobs WHERE replay_id = $1 AND claimed_by = $2 FOR UPDATE")
                .execute(Tuple.of(replayId, claimant))
                .map(ReplayJobStore::first);
    }

    /** Renews the lease outside any work (while waiting for records); false when the job is not {@code claimant}'s any more. */
    public Uni<Boolean> renew(SqlClient client, UUID replayId, String claimant, Duration lease) {
        return client.preparedQuery("""
                        UPDATE replay_jobs SET lease_until = now() + $3 * interval '1 millisecond'
                        WHERE replay_id = $1 AND claimed_by = $2 AND state IN ('QUEUED', 'RUNNING', 'SWITCHING', 'PUBLISHING')""")
                .execute(Tuple.of(replayId, claimant, lease.toMillis()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** RUNNING, reading from {@code offsets}; in the transaction that created the rebuild's tables. */
    public Uni<Void> start(SqlConnection connection, UUID replayId, SortedMap<String, TopicOffset> offsets, Duration lease) {
        return connection.preparedQuery("""
                        UPDATE replay_jobs SET state = 'RUNNING', started_at = now(), topic_offsets = $2::text::jsonb,
                            lease_until = now() + $3 * interval '1 millisecond'
                        WHERE replay_id = $1""")
                .execute(Tuple.of(replayId, EventJson.write(offsets), lease.toMillis()))
                .replaceWithVoid();
    }

    /** Records what a transaction of the rebuild read and applied, in that transaction, and renews the lease. */
    public Uni<Void> progress(SqlConnection connection, UUID replayId, ReplayState state, SortedMap<String, TopicOffset> offsets,
            ReplayCounts read, Duration lease) {
        return connection.preparedQuery("""
                        UPDATE replay_jobs SET state = $2, topic_offsets = $3::text::jsonb,
                            records_read = records_read + $4, events_applied = events_applied + $5,
                            unreadable = unreadable + $6, refused = refused + $7,
                            lease_until = now() + $8 * interval '1 millisecond'
                        WHERE replay_id = $1""")
                .execute(Tuple.from(List.of(replayId, state.name(), EventJson.write(offsets), read.recordsRead(), read.eventsApplied(),
                        read.unreadable(), read.refused(), lease.toMillis())))
                .replaceWithVoid();
    }

    /**
     * Records what a transaction of one lane of the rebuild read and applied, as the last statement of that transaction: the
     * offsets of the lane's partitions are merged into the job's (the other lanes' stay as they are), the counts added and
     * the lease renewed, only while the job is still RUNNING and {@code claimant}'s. The row is locked from here to the
     * commit only, so that the lanes' transactions run side by side instead of queueing for the job's row. False when the
     * job is not the claimant's any more: the caller rolls back.
     */
    public Uni<Boolean> laneProgress(SqlConnection connection, UUID replayId, String claimant, SortedMap<String, TopicOffset> offsets,
            ReplayCounts read, Duration lease) {
        return connection.preparedQuery("""
                        UPDATE replay_jobs SET topic_offsets = topic_offsets || $3::text::jsonb,
                            records_read = records_read + $4, events_applied = events_applied + $5,
                            unreadable = unreadable + $6, refused = refused + $7,
                            lease_until = now() + $8 * interval '1 millisecond'
                        WHERE replay_id = $1 AND claimed_by = $2 AND state = 'RUNNING'""")
                .execute(Tuple.from(List.of(replayId, claimant, EventJson.write(offsets), read.recordsRead(), read.eventsApplied(),
                        read.unreadable(), read.refused(), lease.toMillis())))
                .map(rows -> rows.rowCount() == 1);
    }

    /** PUBLISHING from the first tie: in the switch's transaction. */
    public Uni<Void> switched(SqlConnection connection, UUID replayId, SortedMap<String, TopicOffset> offsets, ReplayCounts read,
            Duration lease) {
        return progress(connection, replayId, ReplayState.PUBLISHING, offsets, read, lease)
                .chain(() -> connection.preparedQuery("UPDATE replay_jobs SET switched_at = now(), publish_cursor = $2::text::jsonb WHERE replay_id = $1")
                        .execute(Tuple.of(replayId, EventJson.write(PublishCursor.start(PublishCursor.Phase.TIES)))))
                .replaceWithVoid();
    }

    /** Records a published page, in the transaction that read it. */
    public Uni<Void> published(SqlConnection connection, UUID replayId, PublishCursor cursor, long ties, long tombstones, Duration lease) {
        return connection.preparedQuery("""
                        UPDATE replay_jobs SET publish_cursor = $2::text::jsonb, ties_published = ties_published + $3,
                            tombstones_published = tombstones_published + $4, lease_until = now() + $5 * interval '1 millisecond'
                        WHERE replay_id = $1""")
                .execute(Tuple.of(replayId, EventJson.write(cursor), ties, tombstones, lease.toMillis()))
                .replaceWithVoid();
    }

    /**
     * Records a page published by one lane of the ties' publication, or the lane done, in the transaction that read it: its
     * statement is the transaction's last, so that lanes hold the job's row only for that long. False, recording nothing,
     * when the job is not {@code claimant}'s any more or not PUBLISHING.
     */
    public Uni<Boolean> lanePublished(SqlConnection connection, UUID replayId, String claimant, int lane, PublishCursor.Lane position,
            long ties, Duration lease) {
        return connection.preparedQuery("""
                        UPDATE replay_jobs SET publish_cursor = jsonb_set(publish_cursor, ARRAY['lanes', $3], $4::text::jsonb),
                            ties_published = ties_published + $5, lease_until = now() + $6 * interval '1 millisecond'
                        WHERE replay_id = $1 AND claimed_by = $2 AND state = 'PUBLISHING'
                          AND jsonb_array_length(publish_cursor -> 'lanes') > $7""")
                .execute(Tuple.from(List.of(replayId, claimant, Integer.toString(lane), EventJson.write(position), ties, lease.toMillis(),
                        lane)))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> complete(SqlConnection connection, UUID replayId) {
        return end(connection, replayId, ReplayState.COMPLETED, null);
    }

    public Uni<Void> fail(SqlConnection connection, UUID replayId, String error) {
        return end(connection, replayId, ReplayState.FAILED, error);
    }

    private static Uni<Void> end(SqlConnection connection, UUID replayId, ReplayState state, String error) {
        return connection.preparedQuery("""
                        UPDATE replay_jobs SET state = $2, error = $3, finished_at = now(), publish_cursor = NULL,
                            claimed_by = NULL, lease_until = NULL
                        WHERE replay_id = $1""")
                .execute(Tuple.of(replayId, state.name(), error))
                .replaceWithVoid();
    }

    private static Optional<ReplayJob> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(job(rows.iterator().next()));
    }

    private static List<ReplayJob> all(RowSet<Row> rows) {
        List<ReplayJob> jobs = new ArrayList<>(rows.size());
        rows.forEach(row -> jobs.add(job(row)));
        return jobs;
    }

    private static ReplayJob job(Row row) {
        return new ReplayJob(
                row.getUUID("replay_id"),
                ReplayState.valueOf(row.getString("state")),
                instant(row.getOffsetDateTime("requested_at")),
                instant(row.getOffsetDateTime("started_at")),
                instant(row.getOffsetDateTime("switched_at")),
                instant(row.getOffsetDateTime("finished_at")),
                offsets(row.getString("topic_offsets")),
                new ReplayCounts(row.getLong("records_read"), row.getLong("events_applied"), row.getLong("unreadable"), row.getLong("refused")),
                row.getLong("ties_published"),
                row.getLong("tombstones_published"),
                ProjectionStore.read(row.getString("publish_cursor"), PublishCursor.class),
                row.getString("error"),
                row.getInteger("attempts"),
                instant(row.getOffsetDateTime("last_retry_at")),
                row.getString("last_retry_reason"));
    }

    private static SortedMap<String, TopicOffset> offsets(String json) {
        try {
            return EventJson.mapper().readValue(json, OFFSETS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored replay offsets cannot be read", e);
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
