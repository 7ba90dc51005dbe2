package io.passerelle.runtime.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** How a service waits for PostgreSQL ({@code passerelle.database.*}; see service-runtime's README). */
@ConfigMapping(prefix = "passerelle.database")
public interface DatabaseSettings {

    /**
     * A database connection on which nothing arrives for this long while a statement is waiting is
     * closed, failing the statement, which the caller then retries. That is how a hung server (stopped
     * process, network partition: the connection stays open and nothing answers) is told from a
     * slow one. Must exceed the longest statement that may legitimately send nothing for that long,
     * lock waits included.
     */
    @WithDefault("60s")
    @DurationMin(millis = 1)
    Duration stallTimeout();

    /** How long the readiness check waits for the database before it answers DOWN. */
    @WithDefault("3s")
    @DurationMin(millis = 1)
    Duration healthTimeout();
}
