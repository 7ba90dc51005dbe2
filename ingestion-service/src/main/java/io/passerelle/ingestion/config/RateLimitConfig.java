package io.passerelle.ingestion.config;

import io.passerelle.ingestion.rate.Rate;
import io.passerelle.ingestion.rate.RateLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Rate limits of the write endpoints ({@code passerelle.ingestion.rate-limit.*}). The rates and bursts
 * have their defaults in {@code application.properties} (one place for the eight numbers, each
 * explained there and in the README).
 */
@ConfigMapping(prefix = "passerelle.ingestion.rate-limit")
public interface RateLimitConfig {

    /** Whether writes and imports are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Whether a token of role {@code platform} is exempt from the per-caller limits. The platform's
     * backend writes for every owner with one token, so a per-caller limit on it would throttle the
     * whole service; its owners' limits still apply.
     */
    @WithDefault("true")
    boolean exemptPlatformCaller();

    /** PUT, POST and DELETE of profiles, contacts, interactions, batches and erasures. */
    Limits writes();

    /** POST .../imports: a whole file per request. */
    Limits imports();

    /** A caller's or owner's limiter unused this long is dropped (never before its window has passed). */
    @WithDefault("10m")
    @DurationMin(nanos = 0)
    Duration idleExpiry();

    /** At most this many limiters are kept (callers and owners of both classes together). */
    @WithDefault("100000")
    @Min(1)
    long maxKeys();

    interface Limits {
        // Named here because a start-up's validation problem spells a group as its method ("perCaller"), not as its key.
        @WithName("per-caller")
        Limit perCaller();

        @WithName("per-owner")
        Limit perOwner();
    }

    interface Limit {
        /** Requests per second on average. */
        @DecimalMin(value = "0.0", inclusive = false)
        double rate();

        /** Requests at once; the whole burst comes back every {@code burst / rate} seconds. */
        @Min(1)
        int burst();

        default Rate toRate() {
            return new Rate(rate(), burst());
        }
    }

    default RateLimits.Settings toSettings() {
        return new RateLimits.Settings(writes().perCaller().toRate(), writes().perOwner().toRate(),
                imports().perCaller().toRate(), imports().perOwner().toRate(), idleExpiry(), maxKeys());
    }
}
