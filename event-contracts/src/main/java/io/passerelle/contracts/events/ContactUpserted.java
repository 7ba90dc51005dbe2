package io.passerelle.contracts.events;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Contact;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Data of {@code passerelle.contact.upserted}: the full current state of the contact. */
public record ContactUpserted(
        @NotNull @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
        @NotNull @Pattern(regexp = Identifiers.CONTACT_ID_REGEX) String contactId,
        @NotNull Contact contact) {
}
