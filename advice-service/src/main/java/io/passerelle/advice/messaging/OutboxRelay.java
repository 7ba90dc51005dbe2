package io.passerelle.advice.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.advice.config.AdviceConfig;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.runtime.messaging.CloudEventMessages;
import io.passerelle.runtime.tracing.TraceContext;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes the outbox to {@code passerelle.recommendations.v1}: rows are read in id order, sent one
 * after the other (each awaits the broker's acknowledgement, acks=all, idempotent producer), and
 * marked sent in the same transaction that locked them. A failed send rolls back, so the rows are
 * sent again later: delivery is at least once, and consumers dedupe on the CloudEvents id. Rows are
 * locked with {@code FOR UPDATE SKIP LOCKED}, and a transaction-scoped advisory lock lets one
 * instance relay at a time, which keeps each owner's events in order across instances.
 */
@ApplicationScoped
public class OutboxRelay {
    /** The CloudEvents {@code source} of every event this service writes. */
    static final URI SOURCE = URI.create("urn:passerelle:advice-service");
    static final String PENDING = """
            SELECT id, event_id, record_key, event_type, subject, payload, traceparent FROM outbox
            WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED""";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final AdviceConfig.Outbox settings;

    public OutboxRelay(Pool pool, @Channel("recommendations") MutinyEmitter<String> emitter, AdviceConfig config) {
        this.pool = pool;
        this.emitter = emitter;
        this.settings = config.outbox();
    }

    // Skipped once shutdown began: the database pool may be closed already, and a run would only log its failure.
    @Scheduled(every = "${advice.outbox.poll-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return relay().chain(sent -> sent >= settings.batchSize() ? poll() : Uni.createFrom().voidItem())
                .onFailure().invoke(e -> Log.warnf("Publishing the outbox failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Sends one batch of pending events; the number sent. */
    public Uni<Integer> relay() {
        return pool.withTransaction(connection -> connection.query("SELECT pg_try_advisory_xact_lock(hashtext('advice-outbox-relay'))")
                .execute()
                .chain(locked -> locked.iterator().next().getBoolean(0) ? sendPending(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> sendPending(SqlConnection connection) {
        return connection.preparedQuery(PENDING).execute(Tuple.of(settings.batchSize())).chain(rows -> {
            List<Row> pending = new ArrayList<>();
            rows.forEach(pending::add);
            if (pending.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Long[] ids = pending.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
            return Multi.createFrom().iterable(pending)
                    .onItem().transformToUniAndConcatenate(row -> emitter.sendMessage(TraceContext.continuing(CloudEventMessages.of(
                            row.getString("record_key"), row.getString("event_id"), row.getString("event_type"), SOURCE,
                            row.getString("subject"), json(row.getString("payload"))), row.getString("traceparent"))))
                    .collect().last()
                    .chain(() -> connection.preparedQuery("UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])")
                            .execute(Tuple.of(ids)))
                    // Events naming an erased contact or owner are kept only until the broker has them.
                    .chain(() -> connection.preparedQuery("DELETE FROM outbox WHERE id = ANY($1::bigint[]) AND purge_when_sent")
                            .execute(Tuple.of(ids)))
                    .replaceWith(pending.size());
        });
    }

    /** Sent rows are kept a while for inspection, then purged. */
    // Skipped once shutdown began: the database pool may be closed already, and a run would only log its failure.
    @Scheduled(every = "1h", delayed = "1m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        return pool.query("DELETE FROM outbox WHERE sent_at < now() - interval '7 days'").execute().replaceWithVoid()
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    // The payload was written as JSON by this service; re-reading it lets the message carry it unchanged.
    private static JsonNode json(String payload) {
        try {
            return EventJson.read(payload, JsonNode.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("outbox payload is not JSON", e);
        }
    }
}
