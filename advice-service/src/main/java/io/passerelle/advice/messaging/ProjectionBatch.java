package io.passerelle.advice.messaging;

import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.model.OwnerProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The net effect of a batch of new events, in the shape of the multi-row statements that apply it:
 * owners to erase, ties to delete, tie snapshots to upsert (per tie, the newest by
 * {@code tie.updatedAt}) and profiles to upsert (per owner, the last). The statements run in that
 * order, which reproduces the record order: a removal followed by a snapshot leaves the snapshot,
 * a snapshot followed by a removal leaves nothing, and an erasure drops what came before it.
 */
public final class ProjectionBatch {
    private final Set<String> erasedOwners = new LinkedHashSet<>();
    private final Set<ProjectionChange.TieKey> removedTies = new LinkedHashSet<>();
    private final Map<ProjectionChange.TieKey, TieUpdated> tieSnapshots = new LinkedHashMap<>();
    private final Map<String, OwnerProfile> profiles = new LinkedHashMap<>();

    /** Folds the changes, given in record order, into one batch. */
    public static ProjectionBatch of(List<? extends ProjectionChange> changes) {
        ProjectionBatch batch = new ProjectionBatch();
        changes.forEach(batch::add);
        return batch;
    }

    private void add(ProjectionChange change) {
        if (change instanceof ProjectionChange.OwnerErasure erasure) {
            erasedOwners.add(erasure.ownerId());
            removedTies.removeIf(key -> key.ownerId().equals(erasure.ownerId()));
            tieSnapshots.keySet().removeIf(key -> key.ownerId().equals(erasure.ownerId()));
            profiles.remove(erasure.ownerId());
        } else if (change instanceof ProjectionChange.TieRemoval removal) {
            tieSnapshots.remove(removal.key());
            removedTies.add(removal.key());
        } else if (change instanceof ProjectionChange.TieSnapshot snapshot) {
            tieSnapshots.merge(snapshot.key(), snapshot.update(),
                    (kept, incoming) -> incoming.tie().updatedAt().isBefore(kept.tie().updatedAt()) ? kept : incoming);
        } else if (change instanceof ProjectionChange.ProfileUpdate update) {
            profiles.put(update.ownerId(), update.profile());
        }
    }

    /** Owners (not erased in this batch) whose ties or profile this batch changes: their recommendations need a recompute. */
    public List<String> changedOwners() {
        java.util.TreeSet<String> owners = new java.util.TreeSet<>();
        removedTies.forEach(key -> owners.add(key.ownerId()));
        tieSnapshots.keySet().forEach(key -> owners.add(key.ownerId()));
        owners.addAll(profiles.keySet());
        owners.removeAll(erasedOwners);
        return new ArrayList<>(owners);
    }

    public List<String> erasedOwners() {
        return new ArrayList<>(erasedOwners);
    }

    public List<ProjectionChange.TieKey> removedTies() {
        return new ArrayList<>(removedTies);
    }

    public List<TieUpdated> tieSnapshots() {
        return new ArrayList<>(tieSnapshots.values());
    }

    public Map<String, OwnerProfile> profiles() {
        return new LinkedHashMap<>(profiles);
    }

    public boolean isEmpty() {
        return erasedOwners.isEmpty() && removedTies.isEmpty() && tieSnapshots.isEmpty() && profiles.isEmpty();
    }
}
