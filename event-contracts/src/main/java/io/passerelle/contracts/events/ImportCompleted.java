package io.passerelle.contracts.events;

import java.time.Instant;

/**
 * Data of {@code passerelle.import.completed}: an import job has read its whole file and the broker
 * has every event it published. The counts are those of {@code GET /v1/owners/{ownerId}/imports/{importId}}.
 *
 * @param importId      the job, as in its {@code Location}
 * @param format        the {@code format} the file was read as
 * @param accepted      events published (contacts, or interactions for messages)
 * @param rejectedCount lines that could not be imported
 * @param warningCount  values left out of imported lines
 * @param bytesTotal    the size of the file
 */
public record ImportCompleted(String importId, String ownerId, String format, long accepted, long rejectedCount,
                              long warningCount, long bytesTotal, Instant startedAt, Instant finishedAt) {
}
