package io.passerelle.ingestion.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

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
    @Min(1)
    int inFlight();

    /** How many rejected lines an answer lists; the count of all of them is always given. */
    @WithDefault("1000")
    @Min(0)
    int maxReportedRejections();

    /** How many warnings (values left out of imported lines) an answer lists; the count of all of them is always given. */
    @WithDefault("1000")
    @Min(0)
    int maxReportedWarnings();

    /**
     * A body whose {@code Content-Length} is above this is always imported as a job (202), even without
     * {@code Prefer: respond-async}: a request that long would outlive clients' and proxies' timeouts.
     * A body sent without a length is a job only when asked.
     */
    @WithDefault("4M")
    MemorySize asyncAboveBytes();

    /** The size of the chunks (rows of {@code import_chunks}) a job's body is staged in. */
    @WithDefault("1M")
    MemorySize stagingChunkSize();

    /** A chunk is a byte array: at least one byte, at most what an array holds. */
    @AssertTrue(message = "is false: staging-chunk-size must be from 1 byte to 2147483647 bytes")
    default boolean isStagingChunkSizeUsable() {
        long bytes = stagingChunkSize().asLongValue();
        return bytes >= 1 && bytes <= Integer.MAX_VALUE;
    }

    Jobs jobs();

    /** How import jobs are run ({@code passerelle.ingestion.imports.jobs.*}). */
    interface Jobs {
        /**
         * How long a job claimed by an instance is left to it without a checkpoint; another instance (or
         * this one, restarted) takes the job over from its last checkpoint once the lease lapsed.
         */
        @WithDefault("60s")
        @DurationMin(millis = 1)
        Duration lease();

        /** How often an instance looks for a job to start or take over (read by the scheduler). */
        @WithDefault("2s")
        @DurationMin(millis = 1)
        Duration pollInterval();

        /** Jobs one instance runs at once. */
        @WithDefault("2")
        @Min(1)
        int workers();

        /** Records read between two checkpoints (progress, counters and position, in one transaction). */
        @WithDefault("1000")
        @Min(1)
        int checkpointRecords();

        /** Back-off before a job that hit a transient failure (broker or database away) is taken up again. */
        @WithDefault("5s")
        @DurationMin(millis = 1)
        Duration retryAfter();

        /** How long a finished job (and its answer) stays readable; older ones are deleted. */
        @WithDefault("168h")
        @DurationMin(nanos = 0)
        Duration retention();
    }
}
