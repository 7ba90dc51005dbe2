package io.passerelle.runtime.retry;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.common.KafkaException;

/**
 * What the background jobs (graph-service's replays, ingestion-service's import jobs) may cure by
 * waiting and trying again: the broker or the database unreachable, a lost connection, a deadlock or
 * lock timeout, an administrator's shutdown. A failure the database reports for the statement itself
 * (missing table, bad data), or a bug, cannot be cured so. {@link #isTransient(Throwable, Function)}
 * walks a failure's causes, asking each one the job's own cases first, then {@link #of(Throwable)}.
 */
public final class TransientFailures {
    /**
     * SQLSTATE classes of a server that is away or busy rather than of a bad statement: connection
     * exception, transaction rollback (deadlock, serialization), insufficient resources, object not in
     * prerequisite state (lock timeout), operator intervention (shutdown), system error.
     */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "55", "57", "58");

    /** What one link of a failure's chain of causes says. */
    public enum Verdict {
        /** Waiting can cure it. */
        TRANSIENT,
        /** Waiting cannot cure it. */
        PERMANENT,
        /** This link does not say; look at its cause. */
        UNDECIDED
    }

    private TransientFailures() {
    }

    /**
     * Whether waiting can cure {@code failure}: the first link of its chain of causes that decides, asked
     * {@code ownCases} (what only the caller knows, such as its own exceptions) before {@link #of(Throwable)};
     * a chain where no link decides is a bug, which waiting cannot cure.
     */
    public static boolean isTransient(Throwable failure, Function<Throwable, Verdict> ownCases) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Verdict verdict = ownCases.apply(cause);
            if (verdict == Verdict.UNDECIDED) {
                verdict = of(cause);
            }
            if (verdict != Verdict.UNDECIDED) {
                return verdict == Verdict.TRANSIENT;
            }
        }
        return false;
    }

    /** The verdict of {@code cause} alone, not of its causes. */
    public static Verdict of(Throwable cause) {
        // First: PgException is itself a VertxException, and the server's own SQLSTATE is the better witness.
        if (cause instanceof PgException pg) {
            String state = pg.getSqlState();
            return state != null && state.length() >= 2 && TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2))
                    ? Verdict.TRANSIENT : Verdict.PERMANENT;
        }
        // The Vert.x client reports a closed connection or pool with VertxException or a stackless Throwable of its own.
        if (cause instanceof KafkaException || cause instanceof IOException || cause instanceof TimeoutException
                || cause instanceof VertxException || cause.getClass().getName().equals("io.vertx.core.impl.NoStackTraceThrowable")) {
            return Verdict.TRANSIENT;
        }
        return Verdict.UNDECIDED;
    }
}
