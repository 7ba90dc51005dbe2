package io.passerelle.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.passerelle.ingestion.messaging.PublishingFixtures.config;
import static io.passerelle.ingestion.messaging.PublishingFixtures.profileEvent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.passerelle.contracts.EventTypes;
import io.passerelle.ingestion.metrics.IngestionMetrics;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** How the publisher turns each answer of an emitter into a completion, a 503 or a fault, without a broker. */
class EventPublisherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScriptedEmitter owners = new ScriptedEmitter();
    private final ScriptedEmitter contacts = new ScriptedEmitter();
    private final ScriptedEmitter interactions = new ScriptedEmitter();
    private final ScriptedEmitter imports = new ScriptedEmitter();
    private final EventPublisher publisher = new EventPublisher(owners, contacts, interactions, imports, config(Duration.ofMillis(300)),
            new IngestionMetrics(new SimpleMeterRegistry()));

    @Test
    void anAcknowledgedEventCompletesAndWentToItsTopicsEmitterAsACloudEvent() {
        owners.answer = () -> Uni.createFrom().voidItem();

        publisher.publish(profileEvent()).await().atMost(WAIT);

        assertThat(contacts.sent).isEmpty();
        assertThat(interactions.sent).isEmpty();
        assertThat(owners.sent).hasSize(1);
        Message<?> message = owners.sent.get(0);
        OutgoingCloudEventMetadata<?> cloudEvent = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertThat(cloudEvent.getId()).isEqualTo("event-1");
        assertThat(cloudEvent.getType()).isEqualTo(EventTypes.OWNER_PROFILE_UPDATED);
        assertThat(cloudEvent.getSource()).isEqualTo(EventPublisher.SOURCE);
        assertThat(cloudEvent.getSubject()).contains("owner-1");
        assertThat(message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey()).isEqualTo("owner-1");
        assertThat((String) message.getPayload()).contains("\"ownerId\":\"owner-1\"").contains("\"displayName\":\"Ada\"");
    }

    @Test
    void anEmitterThatRefusesAtOnceGivesA503WithRetryAfter() {
        owners.answer = () -> {
            throw new IllegalStateException("SRMSG00249: channel not ready");
        };

        assertUnavailable(() -> publisher.publish(profileEvent()).await().atMost(WAIT));
    }

    @Test
    void aFullEmitterBufferGivesA503() {
        owners.answer = () -> Uni.createFrom().failure(new BackPressureFailure("Buffer full, cannot emit"));

        assertUnavailable(() -> publisher.publish(profileEvent()).await().atMost(WAIT));
    }

    @Test
    void aBrokerThatNeverAcknowledgesGivesA503AfterThePublishTimeout() {
        owners.answer = () -> Uni.createFrom().nothing();

        assertUnavailable(() -> publisher.publish(profileEvent()).await().atMost(WAIT));
    }

    @Test
    void aRecordTheBrokerWillNeverAcceptIsAFaultNotA503() {
        owners.answer = () -> Uni.createFrom().failure(new RecordTooLargeException("too large"));

        assertThatThrownBy(() -> publisher.publish(profileEvent()).await().atMost(WAIT))
                .isInstanceOf(RecordTooLargeException.class);
    }

    private static void assertUnavailable(Runnable publishing) {
        assertThatThrownBy(publishing::run)
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.problem().status()).isEqualTo(503);
                    assertThat(problem.retryAfter()).isEqualTo(PublishingFixtures.RETRY_AFTER);
                });
    }


    /** An emitter whose answer to {@code sendMessage} each test decides. */
    private static final class ScriptedEmitter implements MutinyEmitter<String> {
        final List<Message<?>> sent = new ArrayList<>();
        Supplier<Uni<Void>> answer = () -> Uni.createFrom().failure(new AssertionError("unexpected send"));

        @Override
        public <M extends Message<? extends String>> Uni<Void> sendMessage(M message) {
            sent.add(message);
            return answer.get();
        }

        @Override
        public Uni<Void> send(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendAndAwait(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellable sendAndForget(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> void send(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> void sendMessageAndAwait(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> Cancellable sendMessageAndForget(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void error(Exception e) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
