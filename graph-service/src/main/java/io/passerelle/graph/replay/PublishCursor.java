package io.passerelle.graph.replay;

/**
 * Where the publication after the switch stands: the last key published in a phase, ties first in key
 * order, then tombstones for the ties that were live before the switch and are not any more.
 */
public record PublishCursor(Phase phase, String ownerId, String contactId) {

    /** What is being published. */
    public enum Phase {
        TIES,
        TOMBSTONES
    }

    /** The start of a phase: before every key. */
    public static PublishCursor start(Phase phase) {
        return new PublishCursor(phase, "", "");
    }
}
