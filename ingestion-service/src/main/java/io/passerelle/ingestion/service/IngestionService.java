package io.passerelle.ingestion.service;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.ingestion.IngestionEvents;
import io.passerelle.ingestion.PendingEvent;
import io.passerelle.ingestion.messaging.EventPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The write use cases: each validated request becomes one event, answered once the broker has it. */
@ApplicationScoped
public class IngestionService {
    private final IngestionEvents events = new IngestionEvents(Identifiers::randomId);
    private final EventPublisher publisher;

    public IngestionService(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public Uni<PendingEvent<OwnerProfileUpdated>> updateProfile(String ownerId, OwnerProfile profile) {
        return publish(events.profileUpdated(ownerId, profile));
    }

    public Uni<PendingEvent<ContactUpserted>> upsertContact(String ownerId, String contactId, Contact contact) {
        return publish(events.contactUpserted(ownerId, contactId, contact));
    }

    public Uni<PendingEvent<InteractionRecorded>> recordInteraction(String ownerId, Interaction interaction) {
        return publish(events.interactionRecorded(ownerId, interaction));
    }

    private <T> Uni<PendingEvent<T>> publish(PendingEvent<T> event) {
        return publisher.publish(event).replaceWith(event);
    }
}
