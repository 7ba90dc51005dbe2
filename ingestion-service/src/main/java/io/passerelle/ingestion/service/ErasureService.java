package io.passerelle.ingestion.service;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.events.ContactErased;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.ingestion.IngestionEvents;
import io.passerelle.ingestion.PendingEvent;
import io.passerelle.ingestion.config.IngestionConfig;
import io.passerelle.ingestion.messaging.EventPublisher;
import io.passerelle.ingestion.repository.ImportJobStore;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Right to erasure (GDPR article 17): each request becomes one erasure event, answered once the broker has it. */
@ApplicationScoped
public class ErasureService {
    private final IngestionEvents events = new IngestionEvents(Identifiers::randomId);
    private final EventPublisher publisher;
    private final ImportJobStore importJobs;
    private final IngestionConfig config;

    public ErasureService(EventPublisher publisher, ImportJobStore importJobs, IngestionConfig config) {
        this.publisher = publisher;
        this.importJobs = importJobs;
        this.config = config;
    }

    public Uni<PendingEvent<ContactErased>> eraseContact(String ownerId, String contactId) {
        PendingEvent<ContactErased> event = events.contactErased(ownerId, contactId);
        return publisher.publish(event).replaceWith(event);
    }

    /**
     * The owner's import jobs (their staged files, lists of rejected lines and warnings) are deleted
     * first: a job running meanwhile finds its row gone at its next checkpoint and stops there.
     */
    public Uni<PendingEvent<OwnerErased>> eraseOwner(String ownerId) {
        PendingEvent<OwnerErased> event = events.ownerErased(ownerId);
        return importJobs.deleteOwnerJobs(ownerId)
                .onFailure().transform(failure -> ProblemException.unavailable("The owner's import jobs could not be deleted "
                        + "(the database is not available); nothing was erased. Retry later.", config.retryAfter(), failure))
                .chain(() -> publisher.publish(event)).replaceWith(event);
    }
}
