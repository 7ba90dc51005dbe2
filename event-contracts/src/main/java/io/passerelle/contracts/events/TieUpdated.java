package io.passerelle.contracts.events;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;

/**
 * Data of {@code passerelle.tie.updated}: the tie as now projected, the class it had before (null
 * for a new tie) and the contact's attributes, so that consumers need no other lookup to rank it.
 */
public record TieUpdated(String ownerId, Tie tie, TieClass previousTieClass, Contact contact) {
}
