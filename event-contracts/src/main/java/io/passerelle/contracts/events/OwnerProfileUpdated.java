package io.passerelle.contracts.events;

import io.passerelle.contracts.model.OwnerProfile;

/** Data of {@code passerelle.owner.profile-updated}. */
public record OwnerProfileUpdated(String ownerId, OwnerProfile profile) {
}
