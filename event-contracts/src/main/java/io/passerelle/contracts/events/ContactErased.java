package io.passerelle.contracts.events;

/** Data of {@code passerelle.contact.erased}. */
public record ContactErased(String ownerId, String contactId) {
}
