package io.passerelle.graph.replay;

/** Where a replay job stands. */
public enum ReplayState {
    /** Requested; no instance has started it yet. */
    QUEUED,
    /** Rebuilding, in a schema of its own, from the topics' beginning up to their end as of the start. */
    RUNNING,
    /** Catching up with what arrived since, then switching the rebuild in, in one transaction. */
    SWITCHING,
    /** Switched in; publishing every tie of the new projection (and tombstones for ties gone). */
    PUBLISHING,
    COMPLETED,
    /** Stopped for a reason that retrying cannot cure; the live projection is the one before the job, unless the switch was done. */
    FAILED;

    /** Whether the job still has work to do (and holds the one place for an active job). */
    public boolean active() {
        return this != COMPLETED && this != FAILED;
    }
}
