package io.passerelle.runtime.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"21000", "22001", "22P02", "23505", "23503", "23514", "54000"})
    void theDatabaseRefusingTheDataCannotBeCuredByARetry(String sqlState) {
        assertThat(Failures.refusesData(new PgException("refused", "ERROR", sqlState, null))).isTrue();
        assertThat(Failures.refusesData(new CompletionException(new PgException("refused", "ERROR", sqlState, null)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01", "08006", "08001", "53300", "57P01", "57014", "55P03", "42P01", "XX000"})
    void otherDatabaseFailuresAreRetried(String sqlState) {
        assertThat(Failures.refusesData(new PgException("failed", "ERROR", sqlState, null))).isFalse();
    }

    @Test
    void failuresOutsideTheDatabaseAreRetriedUnlessTheHandlerRefusesTheEvent() {
        assertThat(Failures.refusesData(new IOException("Connection refused"))).isFalse();
        assertThat(Failures.refusesData(new NullPointerException())).isFalse();
        assertThat(Failures.refusesData(new EventRefusedException("no such owner"))).isTrue();
    }

    @Test
    void theIdempotencyWindowIsTheLongerOfTheConfiguredOneAndTheTopicsRetention() {
        Duration thirtyDays = Duration.ofDays(30);
        assertThat(IdempotencyWindow.of(thirtyDays, List.of(Duration.ofDays(7).toMillis()))).contains(thirtyDays);
        assertThat(IdempotencyWindow.of(thirtyDays, List.of(Duration.ofDays(7).toMillis(), Duration.ofDays(90).toMillis())))
                .contains(Duration.ofDays(90));
        assertThat(IdempotencyWindow.of(thirtyDays, List.of())).contains(thirtyDays);
        assertThat(IdempotencyWindow.of(thirtyDays, List.of(Duration.ofDays(7).toMillis(), -1L)))
                .as("a topic kept for ever: ids kept for ever").isEmpty();
    }
}
