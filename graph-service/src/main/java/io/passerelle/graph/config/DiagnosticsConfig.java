package io.passerelle.graph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the diagnostics cache's background refresh ({@code passerelle.graph.diagnostics.*}); see the README. */
@ConfigMapping(prefix = "passerelle.graph.diagnostics")
public interface DiagnosticsConfig {

    Refresh refresh();

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
        Duration every();

        /** How long a network must have been unchanged before it is diagnosed again: an import is diagnosed once, at its end. */
        @WithDefault("5s")
        Duration quiet();

        /** How long a network that keeps changing may wait before it is diagnosed anyway. */
        @WithDefault("60s")
        Duration maxAge();

        /** How long a claimed owner is left to this instance before another may take it over. */
        @WithDefault("60s")
        Duration lease();

        /** Owners claimed at a time; they are recomputed one after the other, and another batch is claimed while batches are full. */
        @WithDefault("16")
        int batchSize();
    }
}
