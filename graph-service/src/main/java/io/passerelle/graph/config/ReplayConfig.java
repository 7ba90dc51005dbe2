package io.passerelle.graph.config;

import io.passerelle.runtime.retry.BackoffSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Settings of the replay jobs ({@code passerelle.graph.replay.*}); see the README. */
@ConfigMapping(prefix = "passerelle.graph.replay")
public interface ReplayConfig {

    /**
     * How long a job claimed by an instance is left to it without news: the instance renews the lease as
     * the job progresses, and another instance (or this one, restarted) takes the job over once it lapsed.
     */
    @WithDefault("60s")
    @DurationMin(millis = 1)
    Duration lease();

    /** How often an instance looks for a job to start or to take over (read by the scheduler). */
    @WithDefault("5s")
    @DurationMin(millis = 1)
    Duration pollInterval();

    /**
     * Records read from the topics and applied per transaction of the rebuild. Each transaction has a
     * fixed cost (the job's row locked and updated, a dozen statements), which larger batches spread;
     * but each lane's batch is alive in the heap while it is applied, and under the shipped JVM options
     * batches of 2,000 kept the old generation full: a full collection every quarter of a second
     * through a replay of 1,000,000 records. 1,000 replayed them faster, with a third of the full
     * collections (graph-service's README, Replay).
     */
    @WithDefault("1000")
    @Min(1)
    int batchSize();

    /**
     * Transactions the rebuild runs side by side, each on a connection and a reader of its own, with the topics' partitions
     * shared among them by partition number (an owner's records, in partition n of each topic, stay in one lane). One
     * transaction at a time leaves the database waiting for the service and the service for the database; two rebuilt
     * 300,000 interactions in less time on two cores (graph-service's README, Replay). The publication after the switch
     * runs in as many lanes, each a range of the ties' keys (none of fewer than two pages). 1 for one transaction at a time.
     */
    @WithDefault("2")
    @Min(1)
    int lanes();

    /**
     * A pause after each batch of the rebuild and each page of the publication (between their transactions, nothing locked),
     * to leave the database and the broker to the live traffic; none by default.
     */
    @WithDefault("0s")
    @DurationMin(nanos = 0)
    Duration batchPause();

    /**
     * Ties published per page (and per update of the job's cursor) once the rebuild is switched in. A page
     * waits for its reads, then for the broker's acknowledgements: 2,000 published 225,443 ties in 21 s
     * where 500 took 27 s (graph-service's README, Replay).
     */
    @WithDefault("2000")
    @Min(1)
    int publishPageSize();

    /**
     * How long the switch waits for the readers of the projection's tables before it gives up and tries
     * again later: readers queue behind it while it waits, so this bounds how long a read can be held up.
     */
    @WithDefault("5s")
    @DurationMin(millis = 1)
    Duration switchLockTimeout();

    Retry retry();

    /** Back-off after a transient failure (database or broker unavailable): the job is taken up again, never failed for it. */
    interface Retry extends BackoffSettings {
        @Override
        @WithDefault("1s")
        @DurationMin(millis = 1)
        Duration initialBackoff();

        @Override
        @WithDefault("30s")
        @DurationMin(millis = 1)
        Duration maxBackoff();
    }
}
