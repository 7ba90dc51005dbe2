package io.passerelle.advice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/** The advice service's own settings ({@code advice.*}); defaults are documented in the README. */
@ConfigMapping(prefix = "advice")
public interface AdviceConfig {

    /** Message language when neither the objective nor the owner's profile sets one. */
    @WithDefault("en")
    String defaultLanguage();

    Recommendations recommendations();

    Ranking ranking();

    // Named here because a start-up's validation problem spells a group as its method ("coolDown"), not as its key.
    @WithName("cool-down")
    CoolDown coolDown();

    Recompute recompute();

    Outbox outbox();

    Webhooks webhooks();

    Metrics metrics();

    /** The metrics read from the database (io.passerelle.advice.metrics.BacklogGauges). */
    interface Metrics {
        /** How often the outbox and webhook backlog gauges are read; a scrape reads the last values. */
        @WithDefault("15s")
        @DurationMin(millis = 1)
        Duration backlogRefresh();
    }

    /** Paging of the recommendations endpoint. */
    interface Recommendations {
        @WithDefault("10")
        @Min(1)
        int defaultLimit();

        @WithDefault("50")
        @Min(1)
        int maxLimit();

        /** A request without a limit gets the default one: a default above the maximum would refuse it. */
        @AssertTrue(message = "is false: default-limit must be at most max-limit")
        default boolean isDefaultLimitWithinMaxLimit() {
            return defaultLimit() <= maxLimit();
        }
    }

    /** The ranking's weights (see io.passerelle.advice.ranking.RankingParameters). */
    interface Ranking {
        @WithDefault("0.55")
        @DecimalMin("0.0")
        double relevanceWeight();

        @WithDefault("0.3")
        @DecimalMin("0.0")
        double sweetSpotWeight();

        @WithDefault("0.15")
        @DecimalMin("0.0")
        double bridgingWeight();

        @WithDefault("0.8")
        @DecimalMin("0.0")
        double sectorWeight();

        @WithDefault("0.7")
        @DecimalMin("0.0")
        double roleWeight();

        @WithDefault("1.0")
        @DecimalMin("0.0")
        double companyWeight();

        @WithDefault("0.6")
        @DecimalMin("0.0")
        double pastCompanyFactor();

        @WithDefault("0.5")
        @DecimalMin("0.0")
        double locationWeight();

        @WithDefault("0.3")
        @DecimalMin("0.0")
        double scaleWeight();

        @WithDefault("0.5")
        @DecimalMin("0.0")
        double topicWeight();

        @WithDefault("0.7")
        @DecimalMin("0.0")
        double needWeight();

        @WithDefault("10")
        @DecimalMin("0.0")
        double mutualPeak();

        @WithDefault("0.9")
        @DecimalMin(value = "0.0", inclusive = false)
        double mutualWidth();

        @WithDefault("0.3")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double mutualFloor();

        @WithDefault("0.5")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double unknownMutuals();

        @WithDefault("0.35")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double intensityShare();

        @WithDefault("0.7")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double dormantValue();

        @WithDefault("0.85")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double dormantFormerlyStrongValue();

        @WithDefault("0.35")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double nascentValue();

        @WithDefault("0.25")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double strongValue();

        @WithDefault("0.55")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double formerlyStrongPeak();

        @WithDefault("730d")
        @DurationMin(millis = 1)
        java.time.Duration reciprocityWindow();

        @WithDefault("14d")
        @DurationMin(nanos = 0)
        java.time.Duration conversationRest();

        @WithDefault("0.3")
        @DecimalMin("0.0")
        double profileWeight();

        @WithDefault("2.0")
        @DecimalMin("0.0")
        double territoryFactor();

        @WithDefault("10")
        @DecimalMin(value = "0.0", inclusive = false)
        double bridgingHalfMutuals();

        @WithDefault("0.5")
        @DecimalMin("0.0")
        double bridgingMutualsWeight();

        @WithDefault("0.25")
        @DecimalMin("0.0")
        double bridgingSectorWeight();

        @WithDefault("0.25")
        @DecimalMin("0.0")
        double bridgingPlaceWeight();

        @WithDefault("0.2")
        @DecimalMin(value = "0.0", inclusive = false)
        @DecimalMax("1.0")
        double bridgingCommonShare();

        @WithDefault("0.05")
        @DecimalMin("0.0")
        double digitalWeakTieBonus();

        @WithDefault("2.0")
        @DecimalMin("0.0")
        double reputationBridgingFactor();

        @WithDefault("0.25")
        @DecimalMin("0.0")
        double diversityPenalty();

        @WithDefault("0.5")
        @DecimalMin("0.0")
        double diversityCompanyWeight();

        @WithDefault("0.3")
        @DecimalMin("0.0")
        double diversitySectorWeight();

        @WithDefault("0.2")
        @DecimalMin("0.0")
        double diversityCityWeight();

        @WithDefault("10")
        @Min(1)
        int diversityPoolFactor();
    }

    /** How long a contact rests after each outcome (see io.passerelle.advice.ranking.CoolDownPolicy). */
    interface CoolDown {
        @WithDefault("90d")
        @DurationMin(nanos = 0)
        Duration dismissed();

        @WithDefault("90d")
        @DurationMin(nanos = 0)
        Duration notRelevant();

        @WithDefault("30d")
        @DurationMin(nanos = 0)
        Duration contacted();

        @WithDefault("30d")
        @DurationMin(nanos = 0)
        Duration replied();

        @WithDefault("30d")
        @DurationMin(nanos = 0)
        Duration met();

        @WithDefault("30d")
        @DurationMin(nanos = 0)
        Duration helped();
    }

    /** When recommendations are recomputed after a change of ties or profile. */
    interface Recompute {
        /** How long after a change of ties or profile the owner is recomputed; each later change pushes it back. */
        @WithDefault("2s")
        @DurationMin(nanos = 0)
        Duration debounce();

        /**
         * The longest a change waits for its recompute while later changes keep pushing it back: an owner whose
         * network changes without pause (a backlog being drained, an import) is recomputed once per this window.
         */
        @WithDefault("10s")
        @DurationMin(nanos = 0)
        Duration maxWait();

        /** How often the worker looks for owners due for a recompute (the scheduler's finest step is one second). */
        @WithDefault("1s")
        @DurationMin(millis = 1)
        Duration pollInterval();

        /** How many owners one poll recomputes at most. */
        @WithDefault("20")
        @Min(1)
        int batchSize();

        /** How many recommendations are kept per objective (the most a GET can ask for). */
        @WithDefault("50")
        @Min(1)
        int keptPerObjective();

        /** Wait before retrying an owner whose recompute failed. */
        @WithDefault("10s")
        @DurationMin(millis = 1)
        Duration retryDelay();
    }

    /** The relay that publishes outbox rows to Kafka. */
    interface Outbox {
        /** How often the relay publishes pending events (the scheduler's finest step is one second). */
        @WithDefault("1s")
        @DurationMin(millis = 1)
        Duration pollInterval();

        @WithDefault("200")
        @Min(1)
        int batchSize();
    }

    /** Webhook deliveries (see the README's Webhooks section). */
    interface Webhooks {
        /** How often the sender looks for due deliveries (the scheduler's finest step is one second). */
        @WithDefault("1s")
        @DurationMin(millis = 1)
        Duration pollInterval();

        /** How many deliveries one poll claims at most; they are sent concurrently. */
        @WithDefault("50")
        @Min(1)
        int batchSize();

        /** Connect and answer timeout of one attempt. */
        @WithDefault("10s")
        @DurationMin(millis = 1)
        Duration timeout();

        /** How long a claim keeps other instances off a delivery; longer than the timeout, so only a crashed sender's claim expires. */
        @WithDefault("60s")
        @DurationMin(millis = 1)
        Duration lease();

        /** A claim that lapsed while its attempt could still be waiting for an answer would let another instance send it again. */
        @AssertTrue(message = "is false: lease must be longer than timeout")
        default boolean isLeaseLongerThanTimeout() {
            return lease().compareTo(timeout()) > 0;
        }

        /** How long SUCCEEDED, FAILED and CANCELLED deliveries are kept for inspection. */
        @WithDefault("7d")
        @DurationMin(nanos = 0)
        Duration retention();

        Retry retry();

        /**
         * Base64 of 32 random bytes: the AES-256-GCM key that seals subscription secrets in the database. Required;
         * keep it in a secret store, never in the image.
         */
        String secretKey();

        /** Former values of secret-key: secrets they sealed still open, and are sealed again under the current key at start. */
        Optional<List<String>> retiredSecretKeys();

        /** After a rotation, how long deliveries carry a signature with the previous secret beside the new one. */
        @WithDefault("24h")
        @DurationMin(nanos = 0)
        Duration secretRotationOverlap();

        /** Allows destinations on any address (loopback, private, link-local...): only behind an egress filter. */
        @WithDefault("false")
        boolean allowPrivateDestinations();

        /** Special-purpose address blocks allowed anyway (CIDR, e.g. 127.0.0.0/8,::1 for a local run). */
        Optional<List<String>> allowedDestinationRanges();

        /** The waits between attempts (io.passerelle.advice.webhook.RetrySchedule). */
        interface Retry {
            /** Wait after attempt 1, 2, ...; one more attempt than waits. About three days in all. */
            @WithDefault("5s,5m,30m,2h,5h,10h,14h,20h,20h")
            List<@DurationMin(nanos = 0) Duration> schedule();

            /** Each wait is uniform in [d(1 - jitter), d(1 + jitter)]. */
            @WithDefault("0.5")
            @DecimalMin("0.0")
            @DecimalMax("1.0")
            double jitter();

            /** The latest a Retry-After header can push the next attempt. */
            @WithDefault("24h")
            @DurationMin(nanos = 0)
            Duration maxRetryAfter();
        }
    }
}
