package io.passerelle.contracts.events;

import io.passerelle.contracts.model.Contact;

/** Data of {@code passerelle.contact.upserted}: the full current state of the contact. */
public record ContactUpserted(String ownerId, String contactId, Contact contact) {
}
