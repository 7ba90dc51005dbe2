package io.passerelle.ingestion.messaging;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a failure that a later retry may overcome (broker unreachable, timeout, emitter full or
 * not ready) from one that will fail again whatever the caller does (a record the broker refuses,
 * a missing authorisation), so that the first answers 503 and the second is reported as a fault.
 */
public final class PublishFailures {
    private PublishFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
            if (cause instanceof SerializationException
                    || cause instanceof ApiException) {
                return false;
            }
        }
        // Timeouts, emitter overflow, a channel not ready or a closed producer: nothing the request got wrong.
        return true;
    }
}
