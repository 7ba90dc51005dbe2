package io.passerelle.graph.replay;

import java.time.Instant;
import java.util.SortedMap;
import java.util.UUID;

/**
 * A replay job as stored ({@code replay_jobs}, V7): its state, how far it read each partition (keyed
 * {@code topic-partition}), what it counted, and while publishing, where it stands.
 */
public record ReplayJob(
        UUID replayId,
        ReplayState state,
        Instant requestedAt,
        Instant startedAt,
        Instant switchedAt,
        Instant finishedAt,
        SortedMap<String, TopicOffset> topicOffsets,
        ReplayCounts counts,
        long tiesPublished,
        long tombstonesPublished,
        PublishCursor publishCursor,
        String error,
        int attempts,
        Instant lastRetryAt,
        String lastRetryReason) {

    /** The key of a partition in {@link #topicOffsets}. */
    public static String partitionKey(String topic, int partition) {
        return topic + "-" + partition;
    }

    /** Records left to read before the current ends, over every partition. */
    public long lag() {
        return topicOffsets.values().stream().mapToLong(TopicOffset::lag).sum();
    }
}
