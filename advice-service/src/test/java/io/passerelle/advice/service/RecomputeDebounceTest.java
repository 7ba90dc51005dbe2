package io.passerelle.advice.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a change makes an owner due for a recompute: a trailing debounce (each change pushes the due time back)
 * bounded by the maximum wait after the first change not yet recomputed; a change due at once never waits.
 * Each case runs in one transaction rolled back at the end, so that {@code now()} is one instant (T below),
 * the row's earlier history is written as it would have been, and the recompute worker never sees the row.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RecomputeDebounceTest {
    private static final long DEBOUNCE = 1_000;
    private static final long MAX_WAIT = 5_000;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    private SqlConnection connection;
    private Transaction transaction;
    private final String owner = "debounce-" + UUID.randomUUID();

    @BeforeEach
    void begin() {
        connection = pool.getConnection().await().atMost(PATIENCE);
        transaction = connection.begin().await().atMost(PATIENCE);
    }

    @AfterEach
    void rollBack() {
        transaction.rollback().await().atMost(PATIENCE);
        connection.close().await().atMost(PATIENCE);
    }

    @Test
    void aFirstChangeIsDueOneDebounceLater() {
        markDue(DEBOUNCE);

        assertThat(dueAfterNow()).isEqualTo(Duration.ofMillis(DEBOUNCE));
        assertThat(firstMarkedAfterNow()).isZero();
    }

    @Test
    void aLaterChangePushesTheDueTimeBackAndKeepsTheFirstChange() {
        existingRow(-3_000, -2_000);

        markDue(DEBOUNCE);

        assertThat(dueAfterNow()).isEqualTo(Duration.ofMillis(DEBOUNCE));
        assertThat(firstMarkedAfterNow()).isEqualTo(Duration.ofMillis(-3_000));
    }

    @Test
    void changesWithoutPauseWaitNoLongerThanTheMaximumAfterTheFirst() {
        // First change 8 s ago, the latest one due in 1 s: the maximum wait ran out 3 s ago, so the owner is due now.
        existingRow(-8_000, 1_000);

        markDue(DEBOUNCE);

        assertThat(dueAfterNow()).isEqualTo(Duration.ofMillis(-8_000 + MAX_WAIT));
    }

    @Test
    void aDebouncedChangeNeverBringsAnEarlierRequestedDueTimeForward() {
        // Due in 1.5 s, later than this change's debounce would make it (a retry, for example).
        existingRow(0, 1_500);

        markDue(DEBOUNCE);

        assertThat(dueAfterNow()).isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void aChangeDueAtOnceIsNotDelayed() {
        existingRow(-1_000, 1_000);

        RecomputeService.markDueNow(connection, List.of(owner)).await().atMost(PATIENCE);

        assertThat(dueAfterNow()).isZero();
    }

    private void markDue(long delayMillis) {
        Map<String, String> causes = new HashMap<>();
        causes.put(owner, null);
        RecomputeService.markDue(connection, causes, delayMillis, MAX_WAIT).await().atMost(PATIENCE);
    }

    /** The row as earlier changes left it: first marked and due these milliseconds from now. */
    private void existingRow(long firstMarkedMillis, long dueMillis) {
        connection.preparedQuery("""
                        INSERT INTO owner_recompute (owner_id, first_marked_at, due_at)
                        VALUES ($1, now() + ($2::bigint * interval '1 millisecond'), now() + ($3::bigint * interval '1 millisecond'))""")
                .execute(Tuple.of(owner, firstMarkedMillis, dueMillis)).await().atMost(PATIENCE);
    }

    private Duration dueAfterNow() {
        return sinceNow("due_at");
    }

    private Duration firstMarkedAfterNow() {
        return sinceNow("first_marked_at");
    }

    private Duration sinceNow(String column) {
        Row row = connection.preparedQuery("SELECT " + column + " AS at, now() AS now FROM owner_recompute WHERE owner_id = $1")
                .execute(Tuple.of(owner)).await().atMost(PATIENCE).iterator().next();
        OffsetDateTime at = row.getOffsetDateTime("at");
        return Duration.between(row.getOffsetDateTime("now"), at);
    }
}
