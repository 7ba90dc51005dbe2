package io.passerelle.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.passerelle.ingestion.messaging.PublishingFixtures.config;
import static io.passerelle.ingestion.messaging.PublishingFixtures.profileEvent;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.ingestion.PendingEvent;
import io.passerelle.ingestion.metrics.IngestionMetrics;
import io.passerelle.runtime.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link EventRecordSender#publish}, the single writes' way to the producer, on Kafka's own
 * {@code MockProducer} (each test decides when and how the "broker" answers): the answer, the 503s,
 * the fault, and each publication counted once, whichever of the acknowledgement and the timeout comes first.
 */
class EventRecordSenderTest {
    /** Only how long a test waits for an answer that must come; nothing here measures time. */
    private static final long WAIT_SECONDS = 10;

    /** The threads that called {@code send}, in order. */
    private final List<String> sendingThreads = new CopyOnWriteArrayList<>();
    private final MockProducer<String, String> producer = new MockProducer<>(false, null, new StringSerializer(), new StringSerializer()) {
        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            sendingThreads.add(Thread.currentThread().getName());
            return super.send(record, callback);
        }
    };
    private final AtomicReference<String> channelAsked = new AtomicReference<>();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private EventRecordSender sender = sender(Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        sender.stop();
    }

    @Test
    void completesWithTheEventOnlyOnceTheBrokerHasTheRecord() throws Exception {
        PendingEvent<OwnerProfileUpdated> event = profileEvent();

        CompletableFuture<PendingEvent<OwnerProfileUpdated>> answer = sender.publish(event);
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> producer.history().size() == 1);
        assertThat(answer).isNotDone();
        assertThat(channelAsked).hasValue("owners");
        ProducerRecord<String, String> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo(Topics.OWNERS);
        assertThat(record.key()).isEqualTo("owner-1");
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("event-1");

        producer.completeNext();

        assertThat(answer.get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(event);
        assertThat(timerCount("acknowledged")).isEqualTo(1);
        assertThat(timerCount("unavailable")).isZero();
        assertThat(registry.get("passerelle.ingestion.accepted").tag("kind", "owner.profile-updated").counter().count()).isEqualTo(1);
    }

    @Test
    void whileTheTopicIsAcknowledgedRecordsAreSentFromTheCallersThreadAndAfterAFailureFromTheSendingThreadAgain() throws Exception {
        CompletableFuture<?> first = sender.publish(profileEvent());
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> producer.history().size() == 1);
        producer.completeNext();
        first.get(WAIT_SECONDS, TimeUnit.SECONDS);

        CompletableFuture<?> second = sender.publish(profileEvent());
        // Sent before publish returned, by the caller: the topic's metadata is known.
        assertThat(producer.history()).hasSize(2);
        producer.errorNext(new NetworkException("broker gone"));
        assertUnavailable(second);

        sender.publish(profileEvent());
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> producer.history().size() == 3);
        String caller = Thread.currentThread().getName();
        assertThat(sendingThreads).containsExactly("ingestion-kafka-sender", caller, "ingestion-kafka-sender");
    }

    @Test
    void afterAPublishTimeoutRecordsGoThroughTheSendingThreadAgain() throws Exception {
        sender.stop();
        // Long enough for the first record's acknowledgement, which the test gives at once, to come before it.
        sender = sender(Duration.ofSeconds(3));
        CompletableFuture<?> first = sender.publish(profileEvent());
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> producer.history().size() == 1);
        producer.completeNext();
        first.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertUnavailable(sender.publish(profileEvent())); // sent from this thread, never answered

        sender.publish(profileEvent());
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> producer.history().size() == 3);
        assertThat(sendingThreads).containsExactly("ingestion-kafka-sender", Thread.currentThread().getName(), "ingestion-kafka-sender");
    }

    @Test
    void aBrokerThatNeverAnswersIsA503AfterThePublishTimeoutAndALateAcknowledgementIsNotCountedAgain() throws Exception {
        sender.stop();
        sender = sender(Duration.ofMillis(200));

        CompletableFuture<PendingEvent<OwnerProfileUpdated>> answer = sender.publish(profileEvent());

        assertUnavailable(answer);
        // The broker's acknowledgement after the answer (if the record had left before the timeout).
        producer.completeNext();
        assertThat(timerCount("unavailable")).isEqualTo(1);
        assertThat(timerCount("acknowledged")).isZero();
        assertThat(registry.find("passerelle.ingestion.accepted").counter()).isNull();
    }

    @Test
    void aFailureARetryMayCureIsA503() throws Exception {
        CompletableFuture<PendingEvent<OwnerProfileUpdated>> answer = sender.publish(profileEvent());
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> producer.history().size() == 1);

        producer.errorNext(new NetworkException("broker gone"));

        assertUnavailable(answer);
        assertThat(timerCount("unavailable")).isEqualTo(1);
    }

    @Test
    void aRecordTheBrokerWillNeverAcceptIsAFaultNotA503() throws Exception {
        CompletableFuture<PendingEvent<OwnerProfileUpdated>> answer = sender.publish(profileEvent());
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> producer.history().size() == 1);

        producer.errorNext(new RecordTooLargeException("too large"));

        assertThatThrownBy(() -> answer.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RecordTooLargeException.class);
        assertThat(timerCount("failed")).isEqualTo(1);
    }

    @Test
    void aProducerThatRefusesAtOnceIsA503() throws Exception {
        producer.close();

        assertUnavailable(sender.publish(profileEvent()));
        assertThat(timerCount("unavailable")).isEqualTo(1);
    }

    private EventRecordSender sender(Duration publishTimeout) {
        return new EventRecordSender(channel -> {
            channelAsked.set(channel);
            return producer;
        }, config(publishTimeout), new IngestionMetrics(registry));
    }

    private long timerCount(String outcome) {
        return registry.get("passerelle.ingestion.publish").tag("outcome", outcome).timer().count();
    }

    private static void assertUnavailable(CompletableFuture<?> answer) {
        assertThatThrownBy(() -> answer.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.problem().status()).isEqualTo(503);
                    assertThat(problem.retryAfter()).isEqualTo(PublishingFixtures.RETRY_AFTER);
                });
    }
}
