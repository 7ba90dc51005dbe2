package io.passerelle.runtime.messaging.consumer;

import io.passerelle.runtime.retry.BackoffSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Settings of every batch consumer of a service ({@code passerelle.consumer.*}; see service-runtime's README). */
@ConfigMapping(prefix = "passerelle.consumer")
public interface ConsumerSettings extends BackoffSettings {

    /** First wait before retrying a batch that failed for a transient reason; doubled at each failure. */
    @Override
    @WithDefault("200ms")
    @DurationMin(millis = 1)
    Duration initialBackoff();

    /** Longest wait between two attempts: a stall of any length ends at most this long before the batch goes on. */
    @Override
    @WithDefault("30s")
    @DurationMin(millis = 1)
    Duration maxBackoff();

    Idempotency idempotency();

    /** How long applied event ids are remembered in {@code processed_events}, and their purge. */
    interface Idempotency {
        /**
         * The shortest time an event id is remembered: a redelivery or a client's retry within it is
         * recognised and skipped. The window in force is the longer of this and the retention of the
         * consumed topics (a topic kept for ever keeps every id).
         */
        @WithDefault("30d")
        @DurationMin(millis = 1)
        Duration window();

        /** How often expired ids are purged. */
        @WithDefault("1h")
        @DurationMin(millis = 1)
        Duration purgeEvery();

        /** Ids deleted per statement, so that a purge never holds many locks or a long transaction. */
        @WithDefault("1000")
        @Min(1)
        int purgeBatchSize();
    }
}
