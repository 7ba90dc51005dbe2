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
import io.passerelle.ingestion.messaging.EventRecordSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

/**
 * The write use cases: each validated request becomes one event, answered once the broker has it
 * (through {@link EventRecordSender#publish}: a plain future, the cheapest way from the event loop to the producer).
 */
@ApplicationScoped
public class IngestionService {
    private final IngestionEvents events = new IngestionEvents(Identifiers::randomId);
    private final EventRecordSender sender;

    public IngestionService(EventRecordSender sender) {
        this.sender = sender;
    }

    public CompletionStage<PendingEvent<OwnerProfileUpdated>> updateProfile(String ownerId, OwnerProfile profile) {
        return publish(events.profileUpdated(ownerId, profile));
    }

    public CompletionStage<PendingEvent<ContactUpserted>> upsertContact(String ownerId, String contactId, Contact contact) {
        return publish(events.contactUpserted(ownerId, contactId, contact));
    }

    public CompletionStage<PendingEvent<InteractionRecorded>> recordInteraction(String ownerId, Interaction interaction) {
        return publish(events.interactionRecorded(ownerId, interaction));
    }

    private <T> CompletionStage<PendingEvent<T>> publish(PendingEvent<T> event) {
        return sender.publish(event);
    }
}
