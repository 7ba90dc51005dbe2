package io.passerelle.runtime.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.runtime.retry.TransientFailures.Verdict;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.NetworkException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void anUnreachableBrokerOrDatabaseOrALostConnectionIsCuredByWaiting() {
        assertThat(TransientFailures.of(new NetworkException("broker gone"))).isEqualTo(Verdict.TRANSIENT);
        assertThat(TransientFailures.of(new IOException("reset"))).isEqualTo(Verdict.TRANSIENT);
        assertThat(TransientFailures.of(new TimeoutException())).isEqualTo(Verdict.TRANSIENT);
        assertThat(TransientFailures.of(new VertxException("Connection was closed"))).isEqualTo(Verdict.TRANSIENT);
        assertThat(TransientFailures.of(new NoStackTraceThrowable("pool closed"))).isEqualTo(Verdict.TRANSIENT);
    }

    @Test
    void theDatabaseSaysWhichOfItsErrorsWaitingCures() {
        for (String state : new String[] {"08006", "40P01", "40001", "53300", "55P03", "57P01", "58030"}) {
            assertThat(TransientFailures.of(pg(state))).as(state).isEqualTo(Verdict.TRANSIENT);
        }
        for (String state : new String[] {"42P01", "23505", "22P02", "XX000"}) {
            assertThat(TransientFailures.of(pg(state))).as(state).isEqualTo(Verdict.PERMANENT);
        }
        assertThat(TransientFailures.of(pg(null))).isEqualTo(Verdict.PERMANENT);
    }

    @Test
    void anythingElseLeavesTheVerdictToItsCause() {
        assertThat(TransientFailures.of(new IllegalStateException("a bug"))).isEqualTo(Verdict.UNDECIDED);
        assertThat(TransientFailures.of(new RuntimeException(new IOException()))).isEqualTo(Verdict.UNDECIDED);
    }

    private static PgException pg(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, null);
    }
}
