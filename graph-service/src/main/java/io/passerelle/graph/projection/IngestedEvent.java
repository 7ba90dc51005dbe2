package io.passerelle.graph.projection;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.OwnerProfile;
import java.time.Instant;

/**
 * An ingestion event the graph applies, already parsed and validated; {@code eventId} is its
 * CloudEvents id, {@code recordedAt} the broker timestamp of its record (what erasure markers are
 * compared with). A null {@code recordedAt} (an event built outside a consumer) is never held back
 * by a marker, and an erasure without it leaves none.
 */
public sealed interface IngestedEvent {
    String eventId();

    String ownerId();

    Instant recordedAt();

    /** The contact the event is about, or null for an event about the owner alone. */
    default String contactId() {
        return null;
    }

    /** Whether the event erases its contact or owner (and leaves an erasure marker). */
    default boolean erases() {
        return false;
    }

    /** passerelle.owner.profile-updated */
    record ProfileUpdated(String eventId, String ownerId, OwnerProfile profile, Instant recordedAt) implements IngestedEvent {
        public ProfileUpdated(String eventId, String ownerId, OwnerProfile profile) {
            this(eventId, ownerId, profile, null);
        }
    }

    /** passerelle.contact.upserted */
    record ContactUpserted(String eventId, String ownerId, String contactId, Contact contact, Instant recordedAt)
            implements IngestedEvent {
        public ContactUpserted(String eventId, String ownerId, String contactId, Contact contact) {
            this(eventId, ownerId, contactId, contact, null);
        }
    }

    /** passerelle.interaction.recorded */
    record InteractionRecorded(String eventId, String ownerId, Interaction interaction, Instant recordedAt) implements IngestedEvent {
        public InteractionRecorded(String eventId, String ownerId, Interaction interaction) {
            this(eventId, ownerId, interaction, null);
        }

        @Override
        public String contactId() {
            return interaction.contactId();
        }
    }

    /** passerelle.contact.erased */
    record ContactErased(String eventId, String ownerId, String contactId, Instant recordedAt) implements IngestedEvent {
        public ContactErased(String eventId, String ownerId, String contactId) {
            this(eventId, ownerId, contactId, null);
        }

        @Override
        public boolean erases() {
            return true;
        }
    }

    /** passerelle.owner.erased */
    record OwnerErased(String eventId, String ownerId, Instant recordedAt) implements IngestedEvent {
        public OwnerErased(String eventId, String ownerId) {
            this(eventId, ownerId, null);
        }

        @Override
        public boolean erases() {
            return true;
        }
    }
}
