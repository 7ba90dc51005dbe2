package io.passerelle.advice.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.passerelle.advice.config.AdviceConfig;
import io.passerelle.advice.repository.ProjectionWriter;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.runtime.messaging.DeadLetterPublisher;
import io.passerelle.runtime.messaging.ReceivedEvent;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The consumer's failure handling, with the database and the broker replaced by stand-ins. */
class AdviceInputsConsumerTest {

    /** Fails the first {@code failures} transactions, as a database that is down for a while. */
    static final class FlakyWriter extends ProjectionWriter {
        final AtomicInteger attempts = new AtomicInteger();
        final List<List<InboundEventDecoder.Accepted>> written = new ArrayList<>();
        private final int failures;

        FlakyWriter(int failures) {
            super(null, null, null);
            this.failures = failures;
        }

        @Override
        public Uni<Outcome> apply(List<InboundEventDecoder.Accepted> events) {
            return Uni.createFrom().deferred(() -> {
                if (attempts.incrementAndGet() <= failures) {
                    return Uni.createFrom().failure(new IllegalStateException("connection refused"));
                }
                written.add(events);
                return Uni.createFrom().item(new Outcome(events.size(), 0));
            });
        }
    }

    static final class RecordingDeadLetters extends DeadLetterPublisher {
        final List<String> reasons = new ArrayList<>();

        RecordingDeadLetters() {
            super(null);
        }

        @Override
        public Uni<Void> send(ReceivedEvent event, String reason) {
            reasons.add(event.offset() + ": " + reason);
            return Uni.createFrom().voidItem();
        }
    }

    private static AdviceInputsConsumer consumer(ProjectionWriter writer, DeadLetterPublisher deadLetters) {
        AdviceConfig config = new AdviceConfig() {
            public String defaultLanguage() { return "en"; }
            public Recommendations recommendations() { return null; }
            public Ranking ranking() { return null; }
            public CoolDown coolDown() { return null; }
            public Recompute recompute() { return null; }
            public Outbox outbox() { return null; }
            public Webhooks webhooks() { return null; }
            public Consumer consumer() {
                return new Consumer() {
                    public Duration initialBackoff() { return Duration.ofMillis(1); }
                    public Duration maxBackoff() { return Duration.ofMillis(5); }
                };
            }
        };
        return new AdviceInputsConsumer(writer, deadLetters, config, new SimpleMeterRegistry());
    }

    private static ConsumerRecord<String, String> record(long offset, String key, String type, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", ("event-" + offset).getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(Topics.TIES, 0, offset, 0L, TimestampType.CREATE_TIME, 0, 0, key, value, headers, java.util.Optional.empty());
    }

    private static ConsumerRecords<String, String> batch(List<ConsumerRecord<String, String>> records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.TIES, 0), records), Map.of());
    }

    private static String tieJson(String contactId) {
        return EventJson.write(new TieUpdated("o-1", InboundEventDecoderTest.tie(contactId, Instant.now()), null, null));
    }

    @Test
    void databaseFailuresAreRetriedUntilTheBatchIsWrittenAndNothingIsSkipped() {
        FlakyWriter writer = new FlakyWriter(3);
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();

        consumer(writer, deadLetters).consume(batch(List.of(
                record(0, "o-1/c-1", EventTypes.TIE_UPDATED, tieJson("c-1")),
                record(1, "o-1/c-2", EventTypes.TIE_UPDATED, tieJson("c-2")))))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(writer.attempts).hasValue(4);
        assertThat(writer.written).singleElement().satisfies(events ->
                assertThat(events).extracting(InboundEventDecoder.Accepted::eventId).containsExactly("event-0", "event-1"));
        assertThat(deadLetters.reasons).isEmpty();
    }

    @Test
    void badRecordsAreDeadLetteredAndTheRestOfTheBatchIsWritten() {
        FlakyWriter writer = new FlakyWriter(0);
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();

        consumer(writer, deadLetters).consume(batch(List.of(
                record(0, "o-1/c-1", EventTypes.TIE_UPDATED, "{broken"),
                record(1, "o-1/c-2", EventTypes.TIE_UPDATED, tieJson("c-2")),
                record(2, "o-1/c-3", "passerelle.tie.unknown", tieJson("c-3")))))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(writer.written).singleElement().satisfies(events ->
                assertThat(events).extracting(InboundEventDecoder.Accepted::eventId).containsExactly("event-1"));
        assertThat(deadLetters.reasons).hasSize(2);
        assertThat(deadLetters.reasons.get(0)).startsWith("0: bad JSON");
        assertThat(deadLetters.reasons.get(1)).startsWith("2: unknown CloudEvents type");
    }
}
