package io.passerelle.graph.projection;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.OwnerProfile;

/** An ingestion event the graph applies, already parsed and validated; {@code eventId} is its CloudEvents id. */
public sealed interface IngestedEvent {
    String eventId();

    String ownerId();

    /** passerelle.owner.profile-updated */
    record ProfileUpdated(String eventId, String ownerId, OwnerProfile profile) implements IngestedEvent {
    }

    /** passerelle.contact.upserted */
    record ContactUpserted(String eventId, String ownerId, String contactId, Contact contact) implements IngestedEvent {
    }

    /** passerelle.interaction.recorded */
    record InteractionRecorded(String eventId, String ownerId, Interaction interaction) implements IngestedEvent {
    }

    /** passerelle.contact.erased */
    record ContactErased(String eventId, String ownerId, String contactId) implements IngestedEvent {
    }

    /** passerelle.owner.erased */
    record OwnerErased(String eventId, String ownerId) implements IngestedEvent {
    }
}
