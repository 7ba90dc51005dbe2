package io.passerelle.contracts.events;

import io.passerelle.contracts.Identifiers;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Data of {@code passerelle.contact.erased}. The constraints say what every event carries (they make
 * the published JSON Schema); consumers check them on what they read.
 */
public record ContactErased(
        @NotNull @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
        @NotNull @Pattern(regexp = Identifiers.CONTACT_ID_REGEX) String contactId) {
}
