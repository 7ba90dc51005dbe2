package io.passerelle.graph.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The validator's notion of "now" for {@code @PastOrPresent}: the UTC clock moved forward by the
 * configured tolerance. Ingestion accepts an {@code occurredAt} slightly ahead of its clock, and
 * this service's clock is not ingestion's: without the tolerance, an accepted interaction could be
 * dead-lettered here.
 */
@ApplicationScoped
public class ClockSkewTolerantClockProvider implements ClockProvider {
    private final Clock clock;

    public ClockSkewTolerantClockProvider(Provider<GraphConfig> config) {
        this.clock = new TolerantClock(config);
    }

    @Override
    public Clock getClock() {
        return clock;
    }

    /** Reads the tolerance when the time is asked: the validator takes its clock before runtime configuration is available. */
    private static final class TolerantClock extends Clock {
        private final Provider<GraphConfig> config;

        TolerantClock(Provider<GraphConfig> config) {
            this.config = config;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(config.get().clockSkewTolerance());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The validation clock is always UTC");
        }
    }
}
