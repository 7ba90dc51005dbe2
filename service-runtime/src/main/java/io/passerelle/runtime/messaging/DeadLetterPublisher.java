package io.passerelle.runtime.messaging;

import io.passerelle.contracts.Topics;
import io.passerelle.runtime.logging.LogContext;
import io.passerelle.runtime.logging.LogSafe;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sends a record a consumer cannot process to {@code <topic>.dlq}, unchanged, with the reason and
 * its origin in headers (the same header names as SmallRye's own dead-letter strategy), so that the
 * consumer goes on and an operator can inspect and replay it. A service that consumes declares the
 * {@code dead-letters} outgoing channel in its configuration.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final MutinyEmitter<String> deadLetters;

    public DeadLetterPublisher(@Channel("dead-letters") MutinyEmitter<String> deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Completes once the broker has the dead letter, so that the original can then be acknowledged. */
    public Uni<Void> send(ReceivedEvent event, String reason) {
        // The reason may quote a value of the record's body: the log line leaves it out, the dead letter's header keeps it.
        try (LogContext ignored = LogContext.forRecord(event)) {
            Log.warnf("Dead-lettering %s (ce_id=%s, ce_type=%s): %s", event.position(), event.id(), event.type(),
                    LogSafe.withoutQuotedValues(reason));
        }
        RecordHeaders headers = new RecordHeaders();
        event.headers().forEach(headers::add);
        headers.add(REASON, utf8(reason));
        headers.add(TOPIC, utf8(event.topic()));
        headers.add(PARTITION, utf8(Integer.toString(event.partition())));
        headers.add(OFFSET, utf8(Long.toString(event.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.deadLetterOf(event.topic()))
                .withKey(event.key())
                .withHeaders(headers)
                .build();
        return deadLetters.sendMessage(Message.of(event.data(), Metadata.of(metadata)));
    }

    private static byte[] utf8(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
