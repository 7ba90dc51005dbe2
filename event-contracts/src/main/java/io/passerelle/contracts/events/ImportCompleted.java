package io.passerelle.contracts.events;

import io.passerelle.contracts.Identifiers;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
public record ImportCompleted(@NotNull String importId, @NotNull @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
                              @NotNull String format, long accepted, long rejectedCount, long warningCount, long bytesTotal,
                              @NotNull Instant startedAt, @NotNull Instant finishedAt) {
}
