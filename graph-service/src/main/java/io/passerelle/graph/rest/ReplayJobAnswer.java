package io.passerelle.graph.rest;

import io.passerelle.graph.replay.ReplayJob;
import io.passerelle.graph.replay.ReplayState;
import io.passerelle.graph.replay.TopicOffset;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A replay job and its progress, as {@code GET /v1/admin/replays/{replayId}} answers it. */
@Schema(description = "A replay of the ingestion topics into a new projection, switched in at the end")
public record ReplayJobAnswer(
        UUID replayId,
        @Schema(description = "QUEUED, RUNNING (rebuilding up to the end offsets as of its start), SWITCHING (catching up, "
                + "then switching the rebuild in), PUBLISHING (every tie on passerelle.ties.v1), COMPLETED or FAILED")
        ReplayState state,
        @Schema(description = "Per topic-partition: reached, the next offset to read; end, the offset read up to in the current phase")
        Map<String, TopicOffset> topicOffsets,
        @Schema(description = "Records read from the ingestion topics")
        long recordsRead,
        @Schema(description = "Events applied to the rebuild (duplicates and events held back by an erasure included)")
        long eventsApplied,
        @Schema(description = "Records that could not be read as events (dead-lettered when first consumed)")
        long unreadable,
        @Schema(description = "Events the database refused (dead-lettered when first consumed)")
        long refused,
        @Schema(description = "Ties of the new projection published after the switch")
        long tiesPublished,
        @Schema(description = "Tombstones published for ties that were live before the switch and are not any more")
        long tombstonesPublished,
        Instant requestedAt,
        Instant startedAt,
        @Schema(description = "When the rebuild became the live projection")
        Instant switchedAt,
        Instant finishedAt,
        @Schema(description = "How many times an instance took the job up (more than one: it was resumed)")
        int attempts,
        @Schema(description = "Why the job FAILED")
        String error,
        @Schema(description = "When the job was last retried after a transient failure (the database or the broker unavailable, "
                + "a connection lost); absent while it never was. While such a failure lasts the job keeps its state and its "
                + "progress does not move")
        Instant lastRetryAt,
        @Schema(description = "The transient failure the job was last retried after")
        String lastRetryReason) {

    static ReplayJobAnswer of(ReplayJob job) {
        return new ReplayJobAnswer(job.replayId(), job.state(), job.topicOffsets(), job.counts().recordsRead(),
                job.counts().eventsApplied(), job.counts().unreadable(), job.counts().refused(), job.tiesPublished(),
                job.tombstonesPublished(), job.requestedAt(), job.startedAt(), job.switchedAt(), job.finishedAt(), job.attempts(),
                job.error(), job.lastRetryAt(), job.lastRetryReason());
    }
}
