package io.passerelle.contracts.events;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Data of {@code passerelle.tie.updated}: the tie as now projected, the class it had before (null
 * for a new tie) and the contact's attributes, so that consumers need no other lookup to rank it.
 */
public record TieUpdated(
        @NotNull @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
        @NotNull Tie tie,
        @Schema(description = "The class the tie had before this change; absent for a new tie")
        TieClass previousTieClass,
        @Schema(description = "The contact's attributes as last received; absent while only interactions are known")
        Contact contact) {
}
