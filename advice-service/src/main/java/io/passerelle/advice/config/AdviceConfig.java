package io.passerelle.advice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The advice service's own settings ({@code advice.*}); defaults are documented in the README. */
@ConfigMapping(prefix = "advice")
public interface AdviceConfig {

    /** Message language when neither the objective nor the owner's profile sets one. */
    @WithDefault("en")
    String defaultLanguage();

    Recommendations recommendations();

    Ranking ranking();

    Consumer consumer();

    /** Paging of the recommendations endpoint. */
    interface Recommendations {
        @WithDefault("10")
        int defaultLimit();

        @WithDefault("50")
        int maxLimit();
    }

    /** The ranking's weights (see io.passerelle.advice.ranking.RankingParameters). */
    interface Ranking {
        @WithDefault("0.6")
        double relevanceWeight();

        @WithDefault("0.3")
        double sweetSpotWeight();

        @WithDefault("0.1")
        double bridgingWeight();

        @WithDefault("0.8")
        double sectorWeight();

        @WithDefault("0.7")
        double roleWeight();

        @WithDefault("1.0")
        double companyWeight();

        @WithDefault("0.6")
        double pastCompanyFactor();

        @WithDefault("0.5")
        double locationWeight();

        @WithDefault("0.3")
        double scaleWeight();

        @WithDefault("0.5")
        double topicWeight();

        @WithDefault("0.7")
        double needWeight();

        @WithDefault("0.35")
        double weakCentre();

        @WithDefault("0.15")
        double weakWidth();

        @WithDefault("0.7")
        double dormantValue();

        @WithDefault("0.85")
        double dormantFormerlyStrongValue();

        @WithDefault("0.35")
        double nascentValue();

        @WithDefault("0.2")
        double strongValue();

        @WithDefault("10")
        double bridgingHalfMutuals();
    }

    /** How the consumer retries a batch when the database is unavailable (it never skips it). */
    interface Consumer {
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }
}
