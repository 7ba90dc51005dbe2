package io.passerelle.contracts.events;

import io.passerelle.contracts.Identifiers;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Data of {@code passerelle.owner.erased}. */
public record OwnerErased(@NotNull @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId) {
}
