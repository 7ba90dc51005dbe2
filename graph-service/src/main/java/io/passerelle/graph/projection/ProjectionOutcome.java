package io.passerelle.graph.projection;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.tie.TieAssessment;
import io.passerelle.tie.TieStatistics;
import java.time.Instant;
import java.util.List;

/**
 * What applying a batch changes: rows to delete first (erasures), rows to upsert after, the ties to
 * publish as {@code passerelle.tie.updated}, the tie keys to tombstone, the erasure markers to write,
 * and the events held back because they predate an erasure.
 */
public record ProjectionOutcome(
        List<String> erasedOwners,
        List<TieKey> erasedTies,
        List<OwnerRow> owners,
        List<ContactRow> contacts,
        List<TieChange> changedTies,
        List<TieKey> tombstones,
        List<ErasureMarker> erasureMarkers,
        List<String> heldBackEventIds) {

    /** An outcome with no erasure marker and nothing held back (the sweep's). */
    public ProjectionOutcome(List<String> erasedOwners, List<TieKey> erasedTies, List<OwnerRow> owners, List<ContactRow> contacts,
            List<TieChange> changedTies, List<TieKey> tombstones) {
        this(erasedOwners, erasedTies, owners, contacts, changedTies, tombstones, List.of(), List.of());
    }

    /**
     * An owner row to write: an owner first known from this batch (any of its events), or whose profile the
     * batch applied. Owners already stored whose profile did not come are not rewritten.
     */
    public record OwnerRow(String ownerId, OwnerProfile profile) {
    }

    /** A contact whose data is new in this batch. */
    public record ContactRow(TieKey key, Contact contact) {
    }

    /**
     * A tie whose state changed: stored, then published with {@code previousTieClass} (null when the
     * tie is new) and a CloudEvents id derived from {@code causeEventId}, the last event that changed it;
     * {@code classChangesAt} is when its class next changes with time alone (null: never).
     */
    public record TieChange(
            TieKey key,
            TieStatistics statistics,
            Contact contact,
            TieAssessment assessment,
            Tie tie,
            TieClass previousTieClass,
            String causeEventId,
            Instant classChangesAt) {
    }

    public boolean isEmpty() {
        return erasedOwners.isEmpty() && erasedTies.isEmpty() && owners.isEmpty() && contacts.isEmpty()
                && changedTies.isEmpty() && tombstones.isEmpty() && erasureMarkers.isEmpty();
    }
}
