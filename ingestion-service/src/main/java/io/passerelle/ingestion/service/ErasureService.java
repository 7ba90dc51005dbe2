package io.passerelle.ingestion.service;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.events.ContactErased;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.ingestion.IngestionEvents;
import io.passerelle.ingestion.PendingEvent;
import io.passerelle.ingestion.messaging.EventPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Right to erasure (GDPR article 17): each request becomes one erasure event, answered once the broker has it. */
@ApplicationScoped
public class ErasureService {
    private final IngestionEvents events = new IngestionEvents(Identifiers::randomId);
    private final EventPublisher publisher;

    public ErasureService(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public Uni<PendingEvent<ContactErased>> eraseContact(String ownerId, String contactId) {
        PendingEvent<ContactErased> event = events.contactErased(ownerId, contactId);
        return publisher.publish(event).replaceWith(event);
    }

    public Uni<PendingEvent<OwnerErased>> eraseOwner(String ownerId) {
        PendingEvent<OwnerErased> event = events.ownerErased(ownerId);
        return publisher.publish(event).replaceWith(event);
    }
}
