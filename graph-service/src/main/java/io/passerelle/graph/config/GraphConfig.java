package io.passerelle.graph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hibernate.validator.constraints.time.DurationMin;

/** Settings of the graph service ({@code passerelle.graph.*}); see the README for each key and its environment variable. */
@ConfigMapping(prefix = "passerelle.graph")
public interface GraphConfig {

    /** CloudEvents {@code source} of what this service publishes. */
    @WithDefault("urn:passerelle:graph-service")
    URI eventSource();

    /** A tie is republished when its strength moved by more than this since it was last published. */
    @WithDefault("0.01")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double strengthEpsilon();

    TieModel tieModel();

    Sweep sweep();

    /** The periodic re-evaluation of ties whose class changes with time alone. */
    interface Sweep {
        /** Whether this instance sweeps; several instances may, the rows are claimed with SKIP LOCKED. */
        @WithDefault("true")
        boolean enabled();

        /** Wait after start before the first run, so that the Kafka channels are connected (read by the scheduler). */
        @WithDefault("30s")
        @DurationMin(nanos = 0)
        Duration initialDelay();

        /** How often due ties are looked for. */
        @WithDefault("60s")
        @DurationMin(millis = 1)
        Duration every();

        /** Ties claimed, re-evaluated and published per transaction. */
        @WithDefault("500")
        @Min(1)
        int pageSize();

        /** Pages per run at most, so that one run does not hold the scheduler for long; the next run goes on. */
        @WithDefault("100")
        @Min(1)
        int maxPages();

        /**
         * Age after which a tie's stored score is re-computed, so that the tie listing (read in the stored
         * order) shows strengths at most this plus one run old.
         */
        @WithDefault("6h")
        @DurationMin(millis = 1)
        Duration rescoreAfter();
    }

    /** Overrides of the tie model's defaults (TieParameters.defaults(), documented in the README). */
    interface TieModel {
        Weights weights();

        Optional<Duration> volumeHalfLife();

        Optional<Duration> recencyHalfLife();

        OptionalDouble strongThreshold();

        OptionalDouble weakThreshold();

        Optional<Period> dormantAfter();

        /** Recency half-life factor per origin, keyed by the origin in lower case ({@code family=3}); absent origins keep the default. */
        Map<String, Double> recencyHalfLifeFactors();

        /** The gesture channels ({@code reaction,public-comment,endorsement}); changing them needs a replay. */
        Optional<List<String>> gestureChannels();

        /** What a gesture is worth in recency next to an exchange at the same instant, in [0, 1]. */
        OptionalDouble gestureRecencyFactor();

        /** How long a contact without any exchange stays NASCENT after it connected. */
        Optional<Period> nascentFor();

        /** The origins that make a contact without exchange a DORMANT tie rather than a NASCENT one ({@code school,family,...}). */
        Optional<List<String>> sharedPastOrigins();

        /** The declared closeness (0 to 5) from which a contact without exchange is DORMANT rather than NASCENT. */
        OptionalInt sharedPastCloseness();

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
