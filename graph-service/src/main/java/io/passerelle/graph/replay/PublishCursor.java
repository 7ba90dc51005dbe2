package io.passerelle.graph.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the publication after the switch stands: the last key published in a phase, ties first in key
 * order, then tombstones for the ties that were live before the switch and are not any more.
 *
 * <p>The ties are published in {@code lanes}, side by side, each a range of keys with a position of its own
 * ({@link Lane}); planned once, at the phase's first step, from the phase's key. A cursor without lanes (the
 * tombstones, or a job stored before the ties were published in lanes) stands at its key alone.
 */
public record PublishCursor(Phase phase, String ownerId, String contactId, List<Lane> lanes) {

    /** What is being published. */
    public enum Phase {
        TIES,
        TOMBSTONES
    }

    public PublishCursor {
        lanes = lanes == null ? null : List.copyOf(lanes);
    }

    public PublishCursor(Phase phase, String ownerId, String contactId) {
        this(phase, ownerId, contactId, null);
    }

    /** The start of a phase: before every key. */
    public static PublishCursor start(Phase phase) {
        return new PublishCursor(phase, "", "");
    }

    /** This cursor with its lanes planned. */
    public PublishCursor withLanes(List<Lane> planned) {
        return new PublishCursor(phase, ownerId, contactId, planned);
    }

    /**
     * A range of keys published page by page: after {@code (afterOwnerId, afterContactId)}, up to and including
     * {@code (untilOwnerId, untilContactId)} (no bound for the last lane); {@code done} once no key is left.
     */
    public record Lane(String afterOwnerId, String afterContactId, String untilOwnerId, String untilContactId, boolean done) {

        /** The lane once the page that ended at {@code (ownerId, contactId)} was published. */
        public Lane after(String ownerId, String contactId) {
            return new Lane(ownerId, contactId, untilOwnerId, untilContactId, false);
        }

        /** The lane with no key left. */
        public Lane finished() {
            return new Lane(afterOwnerId, afterContactId, untilOwnerId, untilContactId, true);
        }

        /**
         * Lanes covering every key after {@code (ownerId, contactId)}: the first up to and including the first
         * boundary, the next up to the second, and so on, the last without bound. No boundary gives one lane.
         *
         * @param boundaries keys in increasing order, each {@code {ownerId, contactId}}, all after the start
         */
        public static List<Lane> covering(String ownerId, String contactId, List<String[]> boundaries) {
            List<Lane> lanes = new ArrayList<>(boundaries.size() + 1);
            String afterOwner = ownerId;
            String afterContact = contactId;
            for (String[] boundary : boundaries) {
                lanes.add(new Lane(afterOwner, afterContact, boundary[0], boundary[1], false));
                afterOwner = boundary[0];
                afterContact = boundary[1];
            }
            lanes.add(new Lane(afterOwner, afterContact, null, null, false));
            return lanes;
        }
    }
}
