package io.passerelle.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.runtime.database.Pipelined;
import io.passerelle.runtime.messaging.consumer.Failures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Pipelined} on the service's own pool and PostgreSQL: the statements of a transaction are all
 * sent before the first answer, run in the order given, and the first one to fail is the failure.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class PipelinedStatementsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void statementsRunInTheOrderGivenEachSeeingWhatTheEarlierOnesDid() {
        List<Integer> values = pool.withTransaction(connection -> Pipelined.inOrder(List.of(
                        connection.query("CREATE TEMPORARY TABLE pipelined (v integer) ON COMMIT DROP").execute(),
                        connection.preparedQuery("INSERT INTO pipelined VALUES ($1)").execute(Tuple.of(1)),
                        connection.query("UPDATE pipelined SET v = v * 10").execute(),
                        connection.preparedQuery("INSERT INTO pipelined VALUES ($1)").execute(Tuple.of(2))))
                        .chain(() -> connection.query("SELECT v FROM pipelined ORDER BY v").execute())
                        .map(rows -> {
                            List<Integer> read = new ArrayList<>();
                            for (Row row : rows) {
                                read.add(row.getInteger(0));
                            }
                            return read;
                        }))
                .await().atMost(WAIT);

        assertThat(values).as("the update ran after the first insert and before the second").containsExactly(2, 10);
    }

    /**
     * The first statement waits for an advisory lock that another session holds; the later ones must
     * have been sent (subscribed, which sends them) before it answers: one wait for the whole, not one
     * per statement. Chained statements would be sent only after the lock is released.
     */
    @Test
    void everyStatementIsSentBeforeTheFirstAnswers() throws Exception {
        long key = UUID.randomUUID().getMostSignificantBits();
        AtomicInteger sentBeforeTheLockWasGranted = new AtomicInteger(-1);
        AtomicInteger sent = new AtomicInteger();
        CompletableFuture<Void> done;
        try (Connection holder = GraphDatabase.connect(); Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + key + ")");
            done = pool.withTransaction(connection -> {
                List<Uni<?>> statements = new ArrayList<>();
                statements.add(connection.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(key))
                        .onSubscription().invoke(sent::incrementAndGet)
                        .invoke(() -> sentBeforeTheLockWasGranted.set(sent.get())));
                for (int i = 0; i < 3; i++) {
                    statements.add(connection.query("SELECT 1").execute().onSubscription().invoke(sent::incrementAndGet));
                }
                return Pipelined.inOrder(statements);
            }).subscribeAsCompletionStage().toCompletableFuture();
            // Once PostgreSQL shows the first statement queued behind the lock, a chained second one could not have
            // been sent yet (it waits for the first's answer, which the held lock keeps from coming).
            await().atMost(WAIT).until(() -> waitsForAdvisoryLock(statement, key));
            assertThat(done).as("still waiting for the lock").isNotDone();
            assertThat(sent.get()).as("statements sent while the first waits for its lock").isEqualTo(4);
            statement.execute("SELECT pg_advisory_unlock(" + key + ")");
        }
        done.get(30, TimeUnit.SECONDS);
        assertThat(sentBeforeTheLockWasGranted.get()).isEqualTo(4);
    }

    /** Whether a session waits for the advisory lock of this key (PostgreSQL shows a bigint key as its two 32-bit halves). */
    private static boolean waitsForAdvisoryLock(Statement statement, long key) throws Exception {
        try (ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND classid::bigint = " + (key >>> 32) + " AND objid::bigint = " + (key & 0xFFFFFFFFL) + " AND objsubid = 1")) {
            waiting.next();
            return waiting.getLong(1) > 0;
        }
    }

    @Test
    void theFirstFailureIsReportedNotTheAbortedTransactionBehindIt() {
        Throwable failure = catchThrowable(() -> pool.withTransaction(connection -> Pipelined.inOrder(List.of(
                        connection.query("CREATE TEMPORARY TABLE pipelined_refusal (v integer NOT NULL) ON COMMIT DROP").execute(),
                        connection.preparedQuery("INSERT INTO pipelined_refusal VALUES ($1)").execute(Tuple.of((Integer) null)),
                        connection.query("SELECT 1").execute(),
                        connection.query("SELECT 2").execute())))
                .await().atMost(WAIT));

        assertThat(failure).isInstanceOf(PgException.class);
        assertThat(((PgException) failure).getSqlState()).as("not_null_violation, not 25P02 (in_failed_sql_transaction)")
                .isEqualTo("23502");
        assertThat(Failures.refusesData(failure)).as("recognised as a refusal of the data, which isolates the event").isTrue();
    }

    @Test
    void noStatementIsNothingAndOneIsItself() {
        assertThat(Pipelined.inOrder(List.of()).await().atMost(WAIT)).isNull();
        Integer answered = pool.withConnection(connection -> {
            AtomicInteger value = new AtomicInteger();
            return Pipelined.inOrder(List.of(connection.query("SELECT 42").execute()
                            .invoke(rows -> value.set(rows.iterator().next().getInteger(0)))))
                    .map(ignored -> value.get());
        }).await().atMost(WAIT);
        assertThat(answered).isEqualTo(42);
    }
}
