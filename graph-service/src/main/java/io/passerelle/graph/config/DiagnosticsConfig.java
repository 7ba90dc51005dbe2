package io.passerelle.graph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the diagnostics cache's background refresh ({@code passerelle.graph.diagnostics.*}); see the README. */
@ConfigMapping(prefix = "passerelle.graph.diagnostics")
public interface DiagnosticsConfig {

    Refresh refresh();

    /**
     * Recomputing, soon after their network changed, the diagnostics an owner has asked for once, so
     * that the next request finds them current.
     */
    interface Refresh {
        /** Whether this instance refreshes; several instances may, entries are claimed for a lease. */
        @WithDefault("true")
        boolean enabled();

        /** How often stale entries are looked for (read by the scheduler). */
        @WithDefault("2s")
        Duration every();

        /** How long a network must have been unchanged before it is diagnosed again: an import is diagnosed once, at its end. */
        @WithDefault("5s")
        Duration quiet();

        /** How old a stale entry may get while its network keeps changing before it is refreshed anyway. */
        @WithDefault("60s")
        Duration maxAge();

        /** How long a claimed entry is left to this instance before another may take it over. */
        @WithDefault("60s")
        Duration lease();

        /** Entries claimed per run; they are recomputed one after the other. */
        @WithDefault("8")
        int batchSize();
    }
}
