package io.passerelle.ingestion;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactErased;
import io.passerelle.contracts.events.OwnerErased;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The erasure events of the contract: {@code passerelle.contact.erased} on the contacts topic and
 * {@code passerelle.owner.erased} on the owners topic, keyed {@code ownerId} so that they follow the
 * owner's earlier events of the same topic. Each request gets a fresh id: erasing twice is harmless,
 * and the consumers date each erasure by its record's timestamp.
 */
public final class ErasureEvents {
    private final Supplier<String> randomIds;

    public ErasureEvents(Supplier<String> randomIds) {
        this.randomIds = Objects.requireNonNull(randomIds);
    }

    public PendingEvent<ContactErased> contactErased(String ownerId, String contactId) {
        return new PendingEvent<>(Topics.CONTACTS, ownerId, randomIds.get(), EventTypes.CONTACT_ERASED, contactId,
                new ContactErased(ownerId, contactId));
    }

    public PendingEvent<OwnerErased> ownerErased(String ownerId) {
        return new PendingEvent<>(Topics.OWNERS, ownerId, randomIds.get(), EventTypes.OWNER_ERASED, ownerId, new OwnerErased(ownerId));
    }
}
