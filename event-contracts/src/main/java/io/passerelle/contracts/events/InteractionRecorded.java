package io.passerelle.contracts.events;

import io.passerelle.contracts.model.Interaction;

/** Data of {@code passerelle.interaction.recorded}; the interaction always carries its id. */
public record InteractionRecorded(String ownerId, Interaction interaction) {
}
