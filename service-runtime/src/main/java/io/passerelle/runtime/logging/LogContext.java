package io.passerelle.runtime.logging;

import io.passerelle.runtime.messaging.ReceivedEvent;
import io.passerelle.runtime.tracing.ConsumedTraces;
import io.passerelle.runtime.tracing.TraceContext;
import org.jboss.logging.MDC;

/**
 * What a log line is about, in the MDC, so that production's JSON lines carry it as fields:
 * {@code ownerId}, {@code eventId}, {@code traceId} and, for a consumed record, {@code record}
 * ({@code topic-partition@offset}). Identifiers only: never a token, a secret or a body.
 * ({@code traceId} and {@code spanId} of HTTP requests are put there by Quarkus' OpenTelemetry.)
 */
public final class LogContext implements AutoCloseable {
    public static final String OWNER_ID = "ownerId";
    public static final String EVENT_ID = "eventId";
    public static final String TRACE_ID = "traceId";
    public static final String RECORD = "record";

    private final String[] keys;

    private LogContext(String... keys) {
        this.keys = keys;
    }

    /** Lines logged until {@link #close} name this consumed record, its event, owner and trace. */
    public static LogContext forRecord(ReceivedEvent record) {
        put(RECORD, record.position());
        put(EVENT_ID, record.id());
        put(OWNER_ID, ConsumedTraces.ownerOf(record.key()));
        put(TRACE_ID, TraceContext.traceparent(record.headers()).flatMap(TraceContext::traceId).orElse(null));
        return new LogContext(RECORD, EVENT_ID, OWNER_ID, TRACE_ID);
    }

    /** Lines logged until {@link #close} name this event and its owner. */
    public static LogContext forEvent(String eventId, String ownerId) {
        put(EVENT_ID, eventId);
        put(OWNER_ID, ownerId);
        return new LogContext(EVENT_ID, OWNER_ID);
    }

    /** Lines logged until {@link #close} name this owner. */
    public static LogContext forOwner(String ownerId) {
        put(OWNER_ID, ownerId);
        return new LogContext(OWNER_ID);
    }

    @Override
    public void close() {
        for (String key : keys) {
            MDC.remove(key);
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
