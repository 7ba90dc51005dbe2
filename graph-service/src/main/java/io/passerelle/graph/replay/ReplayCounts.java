package io.passerelle.graph.replay;

/**
 * What a replay read and applied: records read, the events among them applied (duplicates and events held
 * back by an erasure included, as the live consumer counts them), records that could not be read as
 * events (dead-lettered when first consumed), and events the database refused.
 */
public record ReplayCounts(long recordsRead, long eventsApplied, long unreadable, long refused) {
    public static final ReplayCounts NONE = new ReplayCounts(0, 0, 0, 0);

    public ReplayCounts plus(ReplayCounts other) {
        return new ReplayCounts(recordsRead + other.recordsRead, eventsApplied + other.eventsApplied,
                unreadable + other.unreadable, refused + other.refused);
    }
}
