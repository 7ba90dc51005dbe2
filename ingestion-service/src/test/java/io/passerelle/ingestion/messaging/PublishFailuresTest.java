package io.passerelle.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class PublishFailuresTest {

    @Test
    void brokerTimeoutsAndUnderReplicationAreTransient() {
        assertThat(PublishFailures.isTransient(new TimeoutException("Topic not present in metadata after 3000 ms"))).isTrue();
        assertThat(PublishFailures.isTransient(new NotEnoughReplicasException("1 of 3"))).isTrue();
    }

    @Test
    void aTransientCauseIsFoundThroughWrappers() {
        assertThat(PublishFailures.isTransient(new CompletionException(new TimeoutException("expired")))).isTrue();
    }

    @Test
    void ourOwnDeadlineAndARefusingEmitterAreTransient() {
        assertThat(PublishFailures.isTransient(new io.smallrye.mutiny.TimeoutException())).isTrue();
        assertThat(PublishFailures.isTransient(new IllegalStateException("SRMSG00034: Insufficient downstream requests"))).isTrue();
    }

    @Test
    void aRecordTheBrokerRefusesOrAMissingAuthorisationIsNotTransient() {
        assertThat(PublishFailures.isTransient(new RecordTooLargeException("too large"))).isFalse();
        assertThat(PublishFailures.isTransient(new CompletionException(new TopicAuthorizationException("denied")))).isFalse();
        assertThat(PublishFailures.isTransient(new SerializationException("cannot serialize"))).isFalse();
    }
}
