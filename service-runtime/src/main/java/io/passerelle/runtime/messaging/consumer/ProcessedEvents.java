package io.passerelle.runtime.messaging.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code processed_events} table of a consuming service: the id of every event applied, with the
 * record it came from, written in the transaction that applies it. A redelivered record finds its id
 * there and is skipped. Each service's migrations create the table with these columns:
 * {@code event_id text PRIMARY KEY, topic text, record_partition integer, record_offset bigint,
 * processed_at timestamptz NOT NULL DEFAULT now()}, and an index on {@code processed_at}.
 */
public final class ProcessedEvents {
    // Inserted in id order, so that two transactions recording overlapping ids lock them in the same order.
    static final String RECORD = """
            INSERT INTO processed_events (event_id, topic, record_partition, record_offset)
            SELECT e.event_id, e.topic, e.record_partition, e.record_offset
            FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[]) AS e(event_id, topic, record_partition, record_offset)
            ORDER BY e.event_id
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""";
    static final String PURGE = """
            DELETE FROM processed_events WHERE event_id IN (
                SELECT event_id FROM processed_events WHERE processed_at < $1
                ORDER BY processed_at LIMIT $2 FOR UPDATE SKIP LOCKED)""";

    private ProcessedEvents() {
    }

    /** A consumed record's id and position. */
    public record Position(String eventId, String topic, int partition, long offset) {
    }

    /** Records the ids; answers those that were not there yet, the only ones to apply. */
    public static Uni<Set<String>> record(SqlConnection transaction, List<Position> positions) {
        Tuple arguments = Tuple.of(
                positions.stream().map(Position::eventId).toArray(String[]::new),
                positions.stream().map(Position::topic).toArray(String[]::new),
                positions.stream().map(Position::partition).toArray(Integer[]::new),
                positions.stream().map(Position::offset).toArray(Long[]::new));
        return transaction.preparedQuery(RECORD).execute(arguments).map(rows -> {
            Set<String> fresh = new HashSet<>();
            rows.forEach(row -> fresh.add(row.getString(0)));
            return fresh;
        });
    }

    /** Deletes at most {@code limit} ids applied before {@code before}; the number deleted. */
    public static Uni<Integer> purge(Pool pool, Instant before, int limit) {
        return pool.preparedQuery(PURGE).execute(Tuple.of(OffsetDateTime.ofInstant(before, ZoneOffset.UTC), limit))
                .map(rows -> rows.rowCount());
    }
}
