package io.passerelle.advice.ranking;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.OwnerProfile;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one ranking needs.
 *
 * @param ownerProfile the owner's last known profile, or null (then no opt-in, default language)
 * @param limit the maximum number of recommendations
 * @param now the instant stamped on each recommendation
 */
public record RankingRequest(String ownerId, Objective objective, OwnerProfile ownerProfile, List<RankableTie> ties,
                             int limit, Instant now) {

    public RankingRequest {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(objective.objectiveId(), "objective.objectiveId");
        Objects.requireNonNull(objective.type(), "objective.type");
        Objects.requireNonNull(now, "now");
        ties = List.copyOf(ties);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }
}
