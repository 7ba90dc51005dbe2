package io.passerelle.runtime.messaging.consumer;

import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * Tells a failure that no retry can cure (the database refuses the data itself) from one that
 * passes (the database or the broker is unreachable, slow, or the transaction lost a race).
 */
public final class Failures {
    /**
     * SQLSTATE classes of refused data: 21 cardinality violation (for instance an upsert touching
     * a row twice), 22 data exception, 23 integrity constraint violation, 54 program limit exceeded.
     * Anything else, a programming error included, is retried rather than sent to the dead-letter
     * topic: a stalled consumer with readiness DOWN is seen and fixed, a dead-lettered stream is data
     * to put back by hand.
     */
    private static final Set<String> REFUSED_DATA_CLASSES = Set.of("21", "22", "23", "54");

    private Failures() {
    }

    /** Whether retrying cannot help: the database refused the data, or the handler said so. */
    public static boolean refusesData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventRefusedException) {
                return true;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().length() >= 2) {
                return REFUSED_DATA_CLASSES.contains(pg.getSqlState().substring(0, 2));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** One line for logs, health and dead-letter reasons. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
