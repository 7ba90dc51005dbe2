package io.passerelle.graph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Settings of the diagnostics cache's background refresh and of the diagnostics' history ({@code passerelle.graph.diagnostics.*}); see the README. */
@ConfigMapping(prefix = "passerelle.graph.diagnostics")
public interface DiagnosticsConfig {

    Refresh refresh();

    History history();

    Brokerage brokerage();

    /** When Burt's brokerage measures are given. */
    interface Brokerage {
        /**
         * The share of contacts (0 to 1) that must be tied to at least one other contact through
         * mutual-contact data for the measures to be given; below it brokerage is null with the reason.
         * Changing it takes effect as each owner's network next changes (cached answers are kept).
         */
        @WithDefault("0.30")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double minimumMutualDataShare();
    }

    /**
     * Recomputing every owner's diagnostics soon after its network changed, so that a request finds
     * them current.
     */
    interface Refresh {
        /** Whether this instance refreshes; several instances may, owners are claimed for a lease. Off, every request after a change computes. */
        @WithDefault("true")
        boolean enabled();

        /** How often stale entries are looked for (read by the scheduler). */
        @WithDefault("2s")
        @DurationMin(millis = 1)
        Duration every();

        /** How long a network must have been unchanged before it is diagnosed again: an import is diagnosed once, at its end. */
        @WithDefault("5s")
        @DurationMin(nanos = 0)
        Duration quiet();

        /** How long a network that keeps changing may wait before it is diagnosed anyway. */
        @WithDefault("60s")
        @DurationMin(millis = 1)
        Duration maxAge();

        /** How long a claimed owner is left to this instance before another may take it over. */
        @WithDefault("60s")
        @DurationMin(millis = 1)
        Duration lease();

        /** Owners claimed at a time; they are recomputed one after the other, and another batch is claimed while batches are full. */
        @WithDefault("16")
        @Min(1)
        int batchSize();
    }

    /**
     * How long the points of each owner's diagnostics history are kept at which resolution
     * (diagnostics.HistoryThinning), and the job that thins them.
     */
    interface History {
        /** Every point computed within this time is kept. */
        @WithDefault("7d")
        @DurationMin(nanos = 0)
        Duration keepEveryPointFor();

        /** Older points computed within this time are kept one a day (the last of the day); older still, one an ISO week. At least {@link #keepEveryPointFor()}. */
        @WithDefault("90d")
        @DurationMin(nanos = 0)
        Duration keepDailyPointsFor();

        /** The thinning keeps daily points beyond every point, not instead of them (diagnostics.HistoryThinning). */
        @AssertTrue(message = "is false: keep-daily-points-for must be at least keep-every-point-for")
        default boolean isDailyPointsKeptAtLeastAsLong() {
            return keepDailyPointsFor().compareTo(keepEveryPointFor()) >= 0;
        }

        Thinning thinning();

        /** The scheduled thinning of the history. */
        interface Thinning {
            /** Whether this instance thins; several instances may, the work is idempotent. */
            @WithDefault("true")
            boolean enabled();

            /** How often points that aged past their resolution are looked for (read by the scheduler). */
            @WithDefault("1h")
            @DurationMin(millis = 1)
            Duration every();

            /** Owners whose points are judged, and deleted, per transaction. */
            @WithDefault("100")
            @Min(1)
            int batchSize();

            /** Transactions per run at most; the next run goes on. */
            @WithDefault("100")
            @Min(1)
            int maxBatches();
        }
    }
}
