package io.passerelle.graph.replay;

/**
 * How far a replay has read a partition: {@code reached} is the next offset to read (every record
 * before it is applied, in the same transaction that stored this), {@code end} the offset it reads up
 * to in its current phase (the end of the partition as of the start, then as of each catch-up).
 */
public record TopicOffset(long reached, long end) {

    /** Records left to read before {@code end}. */
    public long lag() {
        return Math.max(0, end - reached);
    }
}
