package io.passerelle.advice.ranking;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.OwnerProfile;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one ranking needs.
 *
 * @param ownerProfile the owner's last known profile, or null (then no opt-in, default language)
 * @param limit the maximum number of recommendations
 * @param now the instant stamped on each recommendation
 * @param coolingDown contacts left out because of a recent outcome ({@link CoolDownPolicy})
 */
public record RankingRequest(String ownerId, Objective objective, OwnerProfile ownerProfile, List<RankableTie> ties,
                             int limit, Instant now, Set<String> coolingDown) {

    /** A request without any contact cooling down. */
    public RankingRequest(String ownerId, Objective objective, OwnerProfile ownerProfile, List<RankableTie> ties, int limit, Instant now) {
        this(ownerId, objective, ownerProfile, ties, limit, now, Set.of());
    }

    public RankingRequest {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(objective.objectiveId(), "objective.objectiveId");
        Objects.requireNonNull(objective.type(), "objective.type");
        Objects.requireNonNull(now, "now");
        ties = List.copyOf(ties);
        coolingDown = coolingDown == null ? Set.of() : Set.copyOf(coolingDown);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }
}
