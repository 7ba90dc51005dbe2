package io.passerelle.runtime.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.passerelle.runtime.messaging.DeadLetterPublisher;
import io.passerelle.runtime.messaging.ReceivedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The consumer's own logic, with an in-memory database: what is applied, in which order, what is
 * skipped, retried, isolated and dead-lettered. The same code against the real database and broker
 * is exercised by each service's tests.
 */
class BatchConsumerTest {
    private static final String TOPIC = "passerelle.test.v1";

    /** An in-memory stand-in for the database: applied events, recorded ids, and failures to inject. */
    private final List<String> applied = new ArrayList<>();
    private final Set<String> recordedIds = new HashSet<>();
    private final List<String> deadLetters = new ArrayList<>();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerHealth health = new ConsumerHealth();
    private final AtomicInteger transientFailuresLeft = new AtomicInteger();
    private final AtomicInteger deadLetterFailuresLeft = new AtomicInteger();
    private final List<String> healthSeenWhileFailing = new ArrayList<>();
    private String poison;
    private int transactions;

    private final EventBatchHandler<String> handler = new EventBatchHandler<>() {
        @Override
        public Decoded<String> decode(ReceivedEvent record) {
            if (record.data().startsWith("garbage")) {
                return Decoded.rejected("data is not an event: " + record.data());
            }
            if (record.data().startsWith("explodes")) {
                throw new IllegalStateException("cannot parse");
            }
            return Decoded.accepted(record.id(), record.data());
        }

        @Override
        public Uni<Void> apply(SqlConnection transaction, List<String> events) {
            if (transientFailuresLeft.getAndDecrement() > 0) {
                return Uni.createFrom().failure(new IOException("Connection reset"));
            }
            if (poison != null && events.contains(poison)) {
                return Uni.createFrom().failure(new PgException("value too long for type character varying(10)", "ERROR", "22001", null));
            }
            return Uni.createFrom().item(() -> {
                applied.addAll(events);
                return null;
            });
        }
    };

    private BatchConsumer<String> consumer() {
        // A transaction: ids recorded and events applied together, or neither.
        BatchConsumer.Transactions transactions = work -> {
            this.transactions++;
            Set<String> before = new HashSet<>(recordedIds);
            int appliedBefore = applied.size();
            return work.apply(null).onFailure().invoke(() -> {
                recordedIds.retainAll(before);
                applied.subList(appliedBefore, applied.size()).clear();
                healthSeenWhileFailing.add(health.stall("test-channel").map(ConsumerHealth.Stall::reason).orElse("none"));
            });
        };
        BatchConsumer.Deduplication deduplication = (transaction, positions) -> Uni.createFrom().item(() -> {
            Set<String> fresh = new HashSet<>();
            for (ProcessedEvents.Position position : positions) {
                if (recordedIds.add(position.eventId())) {
                    fresh.add(position.eventId());
                }
            }
            return fresh;
        });
        DeadLetterPublisher publisher = new DeadLetterPublisher(null) {
            @Override
            public Uni<Void> send(ReceivedEvent event, String reason) {
                if (deadLetterFailuresLeft.getAndDecrement() > 0) {
                    return Uni.createFrom().failure(new IOException("broker unreachable"));
                }
                deadLetters.add(event.id() + "@" + event.offset() + ": " + reason);
                return Uni.createFrom().voidItem();
            }
        };
        return new BatchConsumer<>("test-channel", handler, transactions, deduplication, publisher, settings(),
                new ConsumerMetrics(registry, "test-channel"), health);
    }

    @Test
    void appliesTheEventsOfABatchInRecordOrderInOneTransaction() {
        consume(record(0, "a", "first"), record(1, "b", "second"), record(2, "c", "third"));

        assertThat(applied).containsExactly("first", "second", "third");
        assertThat(transactions).isEqualTo(1);
        assertThat(recordedIds).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(counter("passerelle.consumer.events.applied", TOPIC)).isEqualTo(3);
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void anEventAlreadyAppliedOrRepeatedInTheBatchIsSkipped() {
        consume(record(0, "a", "first"));
        consume(record(1, "a", "first again"), record(2, "b", "second"), record(3, "b", "second again"));

        assertThat(applied).containsExactly("first", "second");
        assertThat(counter("passerelle.consumer.duplicates", TOPIC)).isEqualTo(2);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheOthersAreApplied() {
        consume(record(0, "a", "first"), record(1, "x", "garbage!"), record(2, "y", "explodes"), record(3, "b", "second"));

        assertThat(applied).containsExactly("first", "second");
        assertThat(deadLetters).containsExactly(
                "x@1: data is not an event: garbage!",
                "y@2: the record could not be read: IllegalStateException: cannot parse");
        assertThat(registry.get("passerelle.consumer.dead.lettered").tag("topic", TOPIC).tag("consumer", "test-channel").tag("cause", "unreadable").counter().count()).isEqualTo(2);
    }

    @Test
    void anEventTheDatabaseRefusesIsIsolatedAndDeadLetteredAloneWhileEveryOtherEventLands() {
        poison = "poison";
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            batch.add(record(i, "id-" + i, i == 9 ? "poison" : "event-" + i));
        }
        batch.add(5, record(99, "bad", "garbage"));

        consume(batch.toArray(ConsumerRecord[]::new));

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            if (i != 9) {
                expected.add("event-" + i);
            }
        }
        assertThat(applied).as("every other event, in record order").containsExactlyElementsOf(expected);
        assertThat(recordedIds).doesNotContain("id-9", "bad");
        assertThat(deadLetters).as("in record order").hasSize(2);
        assertThat(deadLetters.get(0)).startsWith("bad@99");
        assertThat(deadLetters.get(1)).startsWith("id-9@9: the database refused the event: PgException")
                .contains("value too long");
        assertThat(registry.get("passerelle.consumer.dead.lettered").tag("topic", TOPIC).tag("consumer", "test-channel").tag("cause", "refused").counter().count()).isEqualTo(1);
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesWhileReadinessNamesTheStall() {
        transientFailuresLeft.set(4);

        consume(record(0, "a", "first"), record(1, "b", "second"));

        assertThat(applied).containsExactly("first", "second");
        assertThat(deadLetters).isEmpty();
        assertThat(counter("passerelle.consumer.retries")).isEqualTo(4);
        assertThat(transactions).isEqualTo(5);
        // Seen from inside the failing transaction: before its failure is reported, then as reported.
        assertThat(healthSeenWhileFailing).hasSize(4).element(1).asString().contains("Connection reset");
        assertThat(health.stalls()).as("cleared once the batch went through").isEmpty();
        assertThat(new ConsumersReadinessCheck(health).call().getStatus().name()).isEqualTo("UP");
    }

    @Test
    void readinessIsDownWithTheReasonWhileAConsumerRetries() {
        health.failed("test-channel", "IOException: Connection reset");
        health.failed("test-channel", "IOException: Connection refused");

        var response = new ConsumersReadinessCheck(health).call();

        assertThat(response.getStatus().name()).isEqualTo("DOWN");
        assertThat(response.getData().orElseThrow().get("test-channel").toString())
                .contains("2 failed attempts").contains("Connection refused");
    }

    @Test
    void aDeadLetterTheBrokerDoesNotTakeIsRetriedNotDropped() {
        deadLetterFailuresLeft.set(3);

        consume(record(0, "x", "garbage"));

        assertThat(deadLetters).containsExactly("x@0: data is not an event: garbage");
        assertThat(counter("passerelle.consumer.retries")).isEqualTo(3);
    }

    @Test
    void theAgeOfEachEventIsMeasuredFromItsCloudEventsTime() {
        ConsumerRecord<String, String> old = record(0, "a", "first");
        old.headers().add("ce_time", Instant.now().minus(Duration.ofMinutes(5)).toString().getBytes(StandardCharsets.UTF_8));

        consume(old);

        assertThat(registry.get("passerelle.consumer.event.age").tag("topic", TOPIC).timer().max(java.util.concurrent.TimeUnit.SECONDS))
                .isBetween(299.0, 400.0);
    }

    @SafeVarargs
    private void consume(ConsumerRecord<String, String>... records) {
        consumer().consume(List.of(records)).await().atMost(Duration.ofSeconds(30));
    }

    private double counter(String name) {
        return registry.get(name).tag("consumer", "test-channel").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double counter(String name, String topic) {
        return registry.get(name).tag("consumer", "test-channel").tag("topic", topic).counter().count();
    }

    private static ConsumerRecord<String, String> record(long offset, String id, String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ReceivedEvent.CE_ID, id.getBytes(StandardCharsets.UTF_8));
        headers.add(ReceivedEvent.CE_TYPE, "test".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(TOPIC, 0, offset, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "key",
                data, headers, java.util.Optional.empty());
    }

    private static ConsumerSettings settings() {
        return new ConsumerSettings() {
            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(1);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(5);
            }

            @Override
            public Idempotency idempotency() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
