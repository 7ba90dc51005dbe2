package io.passerelle.runtime.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.Config;
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
     * The value read is kept with the configuration it came from and read again only when that
     * configuration is another (the runtime one replacing the build's): a lookup per validated
     * instant cost a twentieth of a batch's work.
     */
    private static final class TolerantClock extends Clock {
        private record Read(Config config, Duration tolerance) {
        }

        private volatile Read read;

        @Override
        public Instant instant() {
            return Instant.now().plus(tolerance());
        }

        private Duration tolerance() {
            Config config = ConfigProvider.getConfig();
            Read last = read;
            if (last == null || last.config() != config) {
                last = new Read(config, config.getOptionalValue(TOLERANCE_KEY, Duration.class).orElse(DEFAULT_TOLERANCE));
                read = last;
            }
            return last.tolerance();
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
