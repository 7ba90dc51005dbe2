package io.passerelle.contracts.events;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Interaction;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Data of {@code passerelle.interaction.recorded}; the interaction always carries its id. */
public record InteractionRecorded(
        @NotNull @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
        @NotNull Interaction interaction) {
}
