package io.passerelle.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Settings of the ingestion service ({@code passerelle.ingestion.*}). */
@ConfigMapping(prefix = "passerelle.ingestion")
public interface IngestionConfig {

    /**
     * Longest a request waits for the broker's acknowledgement before answering 503. Kept above the
     * producer's own {@code delivery.timeout.ms} so that the producer's more precise error usually
     * wins; this bound only guarantees that no request hangs.
     */
    @WithDefault("6s")
    @DurationMin(millis = 1)
    Duration publishTimeout();

    /** The {@code Retry-After} advertised when the broker is unavailable. */
    @WithDefault("5s")
    @DurationMin(millis = 1)
    Duration retryAfter();
}
