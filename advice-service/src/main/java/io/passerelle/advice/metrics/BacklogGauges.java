package io.passerelle.advice.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The backlogs an operator watches, read from the database: the outbox rows not yet relayed to
 * Kafka and the webhook deliveries not yet delivered, each with the age of the oldest.
 *
 * <p>A scrape never queries PostgreSQL: the gauges read values this bean refreshes every
 * {@code advice.metrics.backlog-refresh} (15 s by default, about one scrape interval) with two
 * index-backed statements ({@code outbox_unsent}, {@code webhook_deliveries_due}), so however many
 * scrapers or instances there are, the database answers a handful of cheap queries per interval.
 * The values are as old as the last refresh; when a refresh fails (the database away) the previous
 * values stay, and readiness says the database is down.
 */
@ApplicationScoped
public class BacklogGauges {
    static final String OUTBOX = """
            SELECT count(*) AS backlog, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) AS oldest
            FROM outbox WHERE sent_at IS NULL""";
    static final String WEBHOOKS = """
            SELECT count(*) AS backlog,
                   COALESCE(EXTRACT(EPOCH FROM now() - min(next_attempt_at) FILTER (WHERE next_attempt_at <= now())), 0) AS oldest_due
            FROM webhook_deliveries WHERE status = 'PENDING'""";

    /** One reading of a backlog: how many rows, and how long the oldest has been waiting, in seconds. */
    record Reading(double backlog, double oldestSeconds) {
        static final Reading NONE = new Reading(0, 0);
    }

    private final Pool pool;
    private final AtomicReference<Reading> outbox = new AtomicReference<>(Reading.NONE);
    private final AtomicReference<Reading> webhooks = new AtomicReference<>(Reading.NONE);

    public BacklogGauges(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("passerelle.outbox.backlog", outbox, reading -> reading.get().backlog())
                .description("Recommendation events written to the outbox and not yet acknowledged by Kafka").register(registry);
        Gauge.builder("passerelle.outbox.oldest.age", outbox, reading -> reading.get().oldestSeconds()).baseUnit("seconds")
                .description("Age of the oldest outbox row not yet relayed (0 when none)").register(registry);
        Gauge.builder("passerelle.webhook.backlog", webhooks, reading -> reading.get().backlog())
                .description("Webhook deliveries still pending (due now or waiting for their next retry)").register(registry);
        Gauge.builder("passerelle.webhook.oldest.due.age", webhooks, reading -> reading.get().oldestSeconds()).baseUnit("seconds")
                .description("How long the most overdue pending delivery has been due (0 when none is due)").register(registry);
    }

    // Skipped once shutdown began: the database pool may be closed already, and a run would only log its failure.
    @Scheduled(every = "${advice.metrics.backlog-refresh}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return pool.query(OUTBOX).execute().map(rows -> read(rows.iterator().next(), "oldest")).invoke(outbox::set)
                .chain(() -> pool.query(WEBHOOKS).execute().map(rows -> read(rows.iterator().next(), "oldest_due")).invoke(webhooks::set))
                .replaceWithVoid()
                .onFailure().invoke(failure -> Log.debugf("Reading the backlogs failed, the gauges keep their last values: %s", failure))
                .onFailure().recoverWithNull();
    }

    private static Reading read(Row row, String oldest) {
        return new Reading(row.getLong("backlog"), row.getNumeric(oldest).doubleValue());
    }
}
