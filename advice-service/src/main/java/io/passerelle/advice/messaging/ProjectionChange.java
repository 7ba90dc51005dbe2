package io.passerelle.advice.messaging;

import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.model.OwnerProfile;

/** What one consumed event asks of the service's read model of ties and owners. */
public sealed interface ProjectionChange {

    String ownerId();

    /** A tie's new snapshot ({@code passerelle.tie.updated}). */
    record TieSnapshot(TieUpdated update) implements ProjectionChange {
        @Override
        public String ownerId() {
            return update.ownerId();
        }

        public TieKey key() {
            return new TieKey(update.ownerId(), update.tie().contactId());
        }
    }

    /** A tombstone on the ties topic: the tie is gone (the contact was erased). */
    record TieRemoval(TieKey key) implements ProjectionChange {
        @Override
        public String ownerId() {
            return key.ownerId();
        }
    }

    /** The owner's profile ({@code passerelle.owner.profile-updated}): language and guardrail opt-in. */
    record ProfileUpdate(String ownerId, OwnerProfile profile) implements ProjectionChange {
    }

    /** The owner asked to be forgotten ({@code passerelle.owner.erased}). */
    record OwnerErasure(String ownerId) implements ProjectionChange {
    }

    /** Identifies a tie: one contact of one owner. */
    record TieKey(String ownerId, String contactId) {
    }
}
