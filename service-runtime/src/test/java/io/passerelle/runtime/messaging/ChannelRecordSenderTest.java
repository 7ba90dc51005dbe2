package io.passerelle.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A batch of records completes once the broker acknowledged all of them, and fails with the first failure. */
class ChannelRecordSenderTest {
    private final MockProducer<String, String> producer = new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    // The sends run on the caller's thread here (the producer's sending thread is the connector's); what they throw
    // fails the returned Uni, as the connector's runOnSendingThread does.
    private final ChannelRecordSender<String> sender = new ChannelRecordSender<>("passerelle.test.v1",
            sends -> Uni.createFrom().item(() -> {
                sends.accept(producer);
                return true;
            }).replaceWithVoid());

    @Test
    void completesOnlyOnceEveryRecordIsAcknowledgedAndSendsThemInOrder() {
        UniAssertSubscriber<Void> result = sender.sendAll(records(3)).subscribe().withSubscriber(UniAssertSubscriber.create());

        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("k0", "k1", "k2");
        producer.completeNext();
        producer.completeNext();
        result.assertNotTerminated();
        producer.completeNext();
        result.assertCompleted();
    }

    @Test
    void failsWithTheFirstFailureWhateverIsAcknowledgedAfterIt() {
        UniAssertSubscriber<Void> result = sender.sendAll(records(3)).subscribe().withSubscriber(UniAssertSubscriber.create());

        producer.completeNext();
        producer.errorNext(new TimeoutException("no acknowledgement"));
        result.assertFailedWith(TimeoutException.class, "no acknowledgement");
        producer.completeNext(); // the last record's acknowledgement comes after: the result stays the failure
        result.assertFailedWith(TimeoutException.class, "no acknowledgement");
    }

    @Test
    void aSendThatThrowsFailsTheBatch() {
        producer.sendException = new TimeoutException("no metadata within max.block.ms");

        sender.sendAll(records(2)).subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertFailedWith(TimeoutException.class, "no metadata");
    }

    @Test
    void nothingToSendCompletesAtOnce() {
        sender.sendAll(List.of()).subscribe().withSubscriber(UniAssertSubscriber.create()).assertCompleted();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void tombstonesAndEventsGoToTheChannelsTopic() {
        assertThat(sender.topic()).isEqualTo("passerelle.test.v1");
        ProducerRecord<String, String> tombstone = CloudEventRecords.tombstone(sender.topic(), "o1/c1");
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.topic()).isEqualTo("passerelle.test.v1");
    }

    private List<ProducerRecord<String, String>> records(int n) {
        return IntStream.range(0, n).mapToObj(i -> new ProducerRecord<>(sender.topic(), "k" + i, "v" + i)).toList();
    }
}
