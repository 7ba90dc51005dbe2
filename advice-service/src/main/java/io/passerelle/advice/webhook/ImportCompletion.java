package io.passerelle.advice.webhook;

import io.passerelle.contracts.events.ImportCompleted;
import java.time.Instant;

/**
 * The data of {@code import.completed}: what ingestion-service's {@code passerelle.import.completed}
 * says of the job, and where the integrator reads the job (the {@code Location} its 202 gave, on
 * ingestion-service). {@code state} is always {@code COMPLETED}: the event is published only when a job
 * completes (a failed job publishes nothing), and is the job's state as {@code GET location} shows it.
 */
public record ImportCompletion(String importId, String ownerId, String format, String state, long accepted, long rejectedCount,
                               long warningCount, long bytesTotal, Instant startedAt, Instant finishedAt, String location) {
    /** The job's state in the event, named as ingestion-service's import job answer names it. */
    public static final String COMPLETED = "COMPLETED";

    public static ImportCompletion of(ImportCompleted completed) {
        return new ImportCompletion(completed.importId(), completed.ownerId(), completed.format(), COMPLETED, completed.accepted(),
                completed.rejectedCount(), completed.warningCount(), completed.bytesTotal(), completed.startedAt(), completed.finishedAt(),
                location(completed.ownerId(), completed.importId()));
    }

    /** The job's path on ingestion-service, as the {@code Location} of its 202 names it. */
    public static String location(String ownerId, String importId) {
        return "/v1/owners/" + ownerId + "/imports/" + importId;
    }

    /**
     * The webhook event of a consumed {@code passerelle.import.completed}, under the record's CloudEvents id
     * (derived by ingestion-service from the job's id, so a republished completion keeps it): one delivery
     * per subscription however often the record is read. Its timestamp is when the job finished.
     */
    public static WebhookEvent webhookEvent(String eventId, ImportCompleted completed) {
        return WebhookEvent.of(eventId, WebhookEventType.IMPORT_COMPLETED, completed.ownerId(), null, completed.finishedAt(),
                of(completed));
    }
}
