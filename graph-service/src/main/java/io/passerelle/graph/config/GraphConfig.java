package io.passerelle.graph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;
import java.util.OptionalDouble;

/** Settings of the graph service ({@code passerelle.graph.*}); see the README for each key and its environment variable. */
@ConfigMapping(prefix = "passerelle.graph")
public interface GraphConfig {

    /** CloudEvents {@code source} of what this service publishes. */
    @WithDefault("urn:passerelle:graph-service")
    URI eventSource();

    /** A tie is republished when its strength moved by more than this since it was last published. */
    @WithDefault("0.01")
    double strengthEpsilon();

    /**
     * How far ahead of this service's clock an interaction's {@code occurredAt} may be and still be
     * valid: more than ingestion's own tolerance, since the two services' clocks differ too.
     */
    @WithDefault("5m")
    Duration clockSkewTolerance();

    /** Concurrent sends to Kafka while publishing a batch's tie updates. */
    @WithDefault("64")
    int publishConcurrency();

    Retry retry();

    TieModel tieModel();

    /** Back-off of a batch that failed for a transient reason (database or broker down): it is retried, never skipped. */
    interface Retry {
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }

    /** Overrides of the tie model's defaults (TieParameters.defaults(), documented in the README). */
    interface TieModel {
        Weights weights();

        Optional<Duration> volumeHalfLife();

        Optional<Duration> recencyHalfLife();

        OptionalDouble strongThreshold();

        OptionalDouble weakThreshold();

        Optional<Period> dormantAfter();

        /** Weight of each dimension in the strength. */
        interface Weights {
            OptionalDouble intensity();

            OptionalDouble intimacy();

            OptionalDouble duration();

            OptionalDouble recency();

            OptionalDouble reciprocity();

            OptionalDouble structural();

            OptionalDouble socialDistance();

            OptionalDouble originPrior();
        }
    }
}
