package io.passerelle.contracts.events;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.OwnerProfile;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Data of {@code passerelle.owner.profile-updated}. */
public record OwnerProfileUpdated(
        @NotNull @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
        @NotNull OwnerProfile profile) {
}
