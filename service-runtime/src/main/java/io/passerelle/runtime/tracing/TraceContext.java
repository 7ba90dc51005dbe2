package io.passerelle.runtime.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The W3C trace context ({@code traceparent}) of an event, carried by hand where the automatic
 * instrumentation cannot see the cause: from a record of a consumed batch to the records it causes
 * (a batch holds events of many traces), and through database rows to what a scheduled job
 * publishes or sends later (the outbox, webhook deliveries, pending recomputes).
 *
 * <p>A message given a trace context here gets it as {@link TracingMetadata}: the Kafka connector
 * starts its producer span under it and writes that span's {@code traceparent} header, so the record
 * carries the cause's trace id whichever thread sends it.
 */
public final class TraceContext {
    /** The W3C Trace Context header, on HTTP requests and Kafka records alike. */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private TraceContext() {
    }

    /** The {@code traceparent} header of a Kafka record, if it has a well-formed one. */
    public static Optional<String> traceparent(Headers headers) {
        if (headers == null) {
            return Optional.empty();
        }
        Header header = headers.lastHeader(TRACEPARENT);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return traceId(value).isPresent() ? Optional.of(value) : Optional.empty();
    }

    /** The trace id of a {@code traceparent} value, if it is well-formed and names a valid trace. */
    public static Optional<String> traceId(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        SpanContext span = Span.fromContext(context(traceparent)).getSpanContext();
        return span.isValid() ? Optional.of(span.getTraceId()) : Optional.empty();
    }

    /** The {@code traceparent} of the span current on this thread, or null outside any trace. */
    public static String current() {
        return traceparentOf(Context.current());
    }

    /** The {@code traceparent} of a context, or null when it holds no valid span. */
    public static String traceparentOf(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a {@code traceparent} value names (the root context when it is absent or malformed). */
    public static Context context(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), traceparent, SINGLE_HEADER);
    }

    /**
     * The message, sent under the trace a {@code traceparent} names: its record carries that trace
     * id. Unchanged when {@code traceparent} is null or malformed (it is then traced under whatever
     * context is current when it is sent).
     */
    public static <T> Message<T> continuing(Message<T> message, String traceparent) {
        if (traceId(traceparent).isEmpty()) {
            return message;
        }
        return message.addMetadata(TracingMetadata.withCurrent(context(traceparent)));
    }

    // The carrier is the traceparent value itself; the propagator asks for no other header that matters here.
    private static final TextMapGetter<String> SINGLE_HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };
}
