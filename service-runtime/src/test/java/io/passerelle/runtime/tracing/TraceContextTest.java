package io.passerelle.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class TraceContextTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void readsTheTraceIdOfAWellFormedTraceparentOnly() {
        assertThat(TraceContext.traceId(TRACEPARENT)).contains(TRACE_ID);
        assertThat(TraceContext.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceContext.traceId("not a traceparent")).isEmpty();
        assertThat(TraceContext.traceId(null)).isEmpty();
    }

    @Test
    void readsTheTraceparentHeaderOfARecord() {
        assertThat(TraceContext.traceparent(headers(TRACEPARENT))).contains(TRACEPARENT);
        assertThat(TraceContext.traceparent(headers("garbage"))).isEmpty();
        assertThat(TraceContext.traceparent(new RecordHeaders())).isEmpty();
    }

    @Test
    void aMessageContinuingATraceCarriesItAsTracingMetadata() {
        Message<String> message = TraceContext.continuing(Message.of("data"), TRACEPARENT);
        TracingMetadata tracing = message.getMetadata(TracingMetadata.class).orElseThrow();
        assertThat(Span.fromContext(tracing.getCurrentContext()).getSpanContext().getTraceId()).isEqualTo(TRACE_ID);
        assertThat(TraceContext.traceparentOf(tracing.getCurrentContext())).isEqualTo(TRACEPARENT);
    }

    @Test
    void aMessageWithoutTraceIsLeftAsItIs() {
        Message<String> message = Message.of("data");
        assertThat(TraceContext.continuing(message, null)).isSameAs(message);
        assertThat(TraceContext.continuing(message, "garbage")).isSameAs(message);
    }

    @Test
    void aBatchKnowsEachRecordsTraceByEventAndByOwnerUntilItCompletes() {
        ConsumedTraces traces = new ConsumedTraces();
        String other = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        List<ConsumerRecord<String, String>> batch = List.of(
                record("owner-1/contact-1", "event-1", TRACEPARENT),
                record("owner-2", "event-2", other),
                record("owner-3", "event-3", null));
        AtomicReference<List<String>> seen = new AtomicReference<>();
        traces.during(batch, () -> {
            seen.set(java.util.Arrays.asList(traces.traceparentOf("event-1"), traces.traceparentOf("event-2"),
                    traces.traceparentOf("event-3"), traces.traceparentOfOwner("owner-1"), traces.traceparentOfOwner("owner-2")));
            return Uni.createFrom().voidItem();
        }).await().indefinitely();

        assertThat(seen.get()).containsExactly(TRACEPARENT, other, null, TRACEPARENT, other);
        assertThat(traces.traceparentOf("event-1")).as("forgotten once the batch completed").isNull();
        assertThat(traces.traceparentOfOwner("owner-2")).isNull();
    }

    private static ConsumerRecord<String, String> record(String key, String eventId, String traceparent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("topic", 0, 0, key, "{}");
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static RecordHeaders headers(String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
