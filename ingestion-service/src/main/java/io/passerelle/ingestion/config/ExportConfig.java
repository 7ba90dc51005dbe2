package io.passerelle.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Where the owner export reads its two sections, and how long it waits ({@code passerelle.export.*}). */
@ConfigMapping(prefix = "passerelle.export")
public interface ExportConfig {

    /** graph-service's base URL. */
    URI graphUrl();

    /** advice-service's base URL. */
    URI adviceUrl();

    /** Longest wait for a connection to either service. */
    @WithDefault("2s")
    @DurationMin(millis = 1)
    Duration connectTimeout();

    /**
     * Longest wait for either service's answer to begin, and then for each next chunk of it: a
     * service that does not answer in time makes the export a 503; one that stops halfway breaks
     * the response off.
     */
    @WithDefault("20s")
    @DurationMin(millis = 1)
    Duration readTimeout();
}
