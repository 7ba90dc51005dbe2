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

    @Test
    void aChainIsJudgedByItsFirstDecidingLinkTheCallersOwnCasesFirst() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new IllegalStateException(pg("57P01"))), cause -> Verdict.UNDECIDED))
                .as("wrapped twice, the database's shutdown still decides").isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(pg("42P01")), cause -> Verdict.UNDECIDED)).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"), cause -> Verdict.UNDECIDED))
                .as("no link decides").isFalse();
        // The caller's own verdict on a link comes before the shared one, and before the link's causes.
        IllegalArgumentException own = new IllegalArgumentException(new IOException("reset"));
        assertThat(TransientFailures.isTransient(own, cause -> cause == own ? Verdict.PERMANENT : Verdict.UNDECIDED)).isFalse();
        assertThat(TransientFailures.isTransient(new VertxException("closed"), cause -> Verdict.PERMANENT)).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("not yet"),
                cause -> cause instanceof IllegalStateException ? Verdict.TRANSIENT : Verdict.UNDECIDED)).isTrue();
    }

    private static PgException pg(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, null);
    }
}
