package io.passerelle.contracts.events;

/** Data of {@code passerelle.owner.erased}. */
public record OwnerErased(String ownerId) {
}
