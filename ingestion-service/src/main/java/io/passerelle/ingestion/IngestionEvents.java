package io.passerelle.ingestion;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactErased;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.ImportCompleted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.OwnerProfile;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Turns validated requests into the events of the contract (API.md, "Kafka"): topic, key
 * {@code ownerId}, CloudEvents type and id.
 *
 * <p>Profile and contact events are full-state upserts, so each request gets a fresh id: a stable id
 * derived from the content would make consumers skip a legitimate A, B, A sequence of updates.
 * Interactions are additive, so their event id is derived from {@code ownerId} and
 * {@code interactionId}: a retried request yields the same id and consumers count it once.
 * Contacts read from files and batches are the exception: see {@link #importedContactUpserted}.
 * Erasures get a fresh id too: erasing twice is harmless, and consumers date each erasure by its
 * record's timestamp.
 */
public final class IngestionEvents {
    private final Supplier<String> randomIds;

    /** @param randomIds the source of fresh ids for events and for interactions sent without an id */
    public IngestionEvents(Supplier<String> randomIds) {
        this.randomIds = Objects.requireNonNull(randomIds);
    }

    public PendingEvent<OwnerProfileUpdated> profileUpdated(String ownerId, OwnerProfile profile) {
        return new PendingEvent<>(Topics.OWNERS, ownerId, randomIds.get(), EventTypes.OWNER_PROFILE_UPDATED, ownerId,
                new OwnerProfileUpdated(ownerId, profile));
    }

    public PendingEvent<ContactUpserted> contactUpserted(String ownerId, String contactId, Contact contact) {
        return new PendingEvent<>(Topics.CONTACTS, ownerId, randomIds.get(), EventTypes.CONTACT_UPSERTED, contactId,
                new ContactUpserted(ownerId, contactId, contact));
    }

    /**
     * A contact upsert read from an imported file or a batch: its id is derived from the owner, the
     * contact and the content, so that importing the same file again yields the same events (which
     * consumers skip) while a changed row yields a new one.
     */
    public PendingEvent<ContactUpserted> importedContactUpserted(String ownerId, String contactId, Contact contact) {
        return new PendingEvent<>(Topics.CONTACTS, ownerId,
                Identifiers.stableId("contact-state", ownerId, contactId, EventJson.write(contact)),
                EventTypes.CONTACT_UPSERTED, contactId, new ContactUpserted(ownerId, contactId, contact));
    }

    /** The recorded interaction always carries an id: the caller's, or a fresh one. */
    public PendingEvent<InteractionRecorded> interactionRecorded(String ownerId, Interaction interaction) {
        Interaction identified = interaction.interactionId() == null
                ? interaction.withInteractionId(randomIds.get())
                : interaction;
        return new PendingEvent<>(Topics.INTERACTIONS, ownerId,
                Identifiers.stableId(ownerId, identified.interactionId()), EventTypes.INTERACTION_RECORDED,
                identified.contactId(), new InteractionRecorded(ownerId, identified));
    }

    /** {@code passerelle.contact.erased}, after the owner's earlier events of the contacts topic. */
    public PendingEvent<ContactErased> contactErased(String ownerId, String contactId) {
        return new PendingEvent<>(Topics.CONTACTS, ownerId, randomIds.get(), EventTypes.CONTACT_ERASED, contactId,
                new ContactErased(ownerId, contactId));
    }

    /** {@code passerelle.owner.erased}, after the owner's earlier events of the owners topic. */
    public PendingEvent<OwnerErased> ownerErased(String ownerId) {
        return new PendingEvent<>(Topics.OWNERS, ownerId, randomIds.get(), EventTypes.OWNER_ERASED, ownerId, new OwnerErased(ownerId));
    }

    /**
     * {@code passerelle.import.completed}: its id is derived from the import's, so that a completion
     * published again by an instance that took the job over (the first died before recording it) is the
     * same event, which consumers skip.
     */
    public PendingEvent<ImportCompleted> importCompleted(ImportCompleted completed) {
        return new PendingEvent<>(Topics.IMPORTS, completed.ownerId(), Identifiers.stableId("import-completed", completed.importId()),
                EventTypes.IMPORT_COMPLETED, completed.importId(), completed);
    }
}
