package io.passerelle.ingestion.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of file imports and NDJSON batches ({@code passerelle.ingestion.imports.*}). */
@ConfigMapping(prefix = "passerelle.ingestion.imports")
public interface ImportConfig {

    /**
     * Largest body an import or a batch accepts; beyond it the answer is 413. Checked against
     * {@code Content-Length} before reading and counted while streaming a body sent without one.
     * {@code quarkus.http.limits.max-body-size} must stay above it.
     */
    @WithDefault("50M")
    MemorySize maxBytes();

    /** How many events of one import may await the broker's acknowledgement at once. */
    @WithDefault("256")
    int inFlight();

    /** How many rejected lines an answer lists; the count of all of them is always given. */
    @WithDefault("1000")
    int maxReportedRejections();

    /** How many warnings (values left out of imported lines) an answer lists; the count of all of them is always given. */
    @WithDefault("1000")
    int maxReportedWarnings();
}
