package io.passerelle.runtime.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The validator's notion of "now" for {@code @PastOrPresent}: the UTC clock moved forward by
 * {@code passerelle.validation.clock-skew-tolerance}, because no caller's clock, and no other
 * service's, is exactly this one. A consumer should tolerate more than ingestion-service does, so
 * that an event ingestion accepted is never refused downstream.
 */
@ApplicationScoped
public class ClockSkewTolerantClockProvider implements ClockProvider {
    public static final String TOLERANCE_KEY = "passerelle.validation.clock-skew-tolerance";
    static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(30);

    private final Clock clock = new TolerantClock();

    @Override
    public Clock getClock() {
        return clock;
    }

    /**
     * Reads the tolerance when the time is asked, not when the clock is built: the validator takes its
     * clock while the application is still initialising, before runtime configuration is available.
     */
    private static final class TolerantClock extends Clock {
        @Override
        public Instant instant() {
            Duration tolerance = ConfigProvider.getConfig().getOptionalValue(TOLERANCE_KEY, Duration.class).orElse(DEFAULT_TOLERANCE);
            return Instant.now().plus(tolerance);
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
