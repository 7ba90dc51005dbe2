package io.passerelle.runtime.messaging.consumer;

import io.passerelle.runtime.messaging.ReceivedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;

/**
 * What a consuming service supplies to {@link BatchConsumer}: how to read a record, and how to apply
 * new events inside a transaction. Everything else (deduplication, retries, isolating what the
 * database refuses, dead letters, metrics, health) is the consumer's.
 *
 * @param <E> the service's own event type
 */
public interface EventBatchHandler<E> {

    /**
     * Reads a record without any I/O: {@link Decoded#accepted} or {@link Decoded#rejected} with the
     * reason. An exception thrown here rejects the record with the exception's message.
     */
    Decoded<E> decode(ReceivedEvent record);

    /**
     * Takes, first in the transaction, the locks the events need, so that concurrent batches over
     * the same data queue instead of deadlocking. Nothing by default.
     *
     * <p>The consumer sends the statement recording the batch's event ids as soon as it has subscribed
     * to this {@code Uni}, without waiting for its answer: the locks must be taken by statements sent at
     * subscription ({@link io.passerelle.runtime.database.Pipelined#inOrder} for several), so that they
     * reach PostgreSQL before that one. A lock sent only after another statement's answer would come
     * after the recording.
     */
    default Uni<Void> lock(SqlConnection transaction, List<E> events) {
        return Uni.createFrom().voidItem();
    }

    /**
     * Applies events never applied before, in record order, on the connection of an open
     * transaction; the consumer commits it with their ids in {@code processed_events}. A failure
     * rolls everything back: a transient one (connection lost, deadlock…) is retried, a refusal of
     * the data (see {@link Failures#refusesData}) isolates the offending record.
     */
    Uni<Void> apply(SqlConnection transaction, List<E> events);
}
