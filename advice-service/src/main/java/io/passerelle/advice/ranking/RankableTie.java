package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import java.util.Objects;

/**
 * A tie as the ranking sees it: its strength projection, the contact's attributes (may be null
 * when unknown) and the class it had before its last change (null for a new tie).
 */
public record RankableTie(Tie tie, Contact contact, TieClass previousTieClass) {

    public RankableTie {
        Objects.requireNonNull(tie, "tie");
    }

    public String contactId() {
        return tie.contactId();
    }

    /** The tie's name, else the contact's, so that a message always names someone. */
    public String displayName() {
        if (tie.displayName() != null && !tie.displayName().isBlank()) {
            return tie.displayName();
        }
        return contact != null && contact.displayName() != null ? contact.displayName() : tie.contactId();
    }

    public TieClass tieClass() {
        return tie.tieClass() == null ? TieClass.NASCENT : tie.tieClass();
    }

    /** The origin on the tie, else on the contact. */
    public Origin origin() {
        if (tie.origin() != null) {
            return tie.origin();
        }
        return contact == null ? null : contact.origin();
    }
}
