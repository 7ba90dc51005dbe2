package io.passerelle.contracts.events;

import java.time.Instant;

/** Data of {@code passerelle.recommendation.withdrawn}: a recommendation that no longer holds, and why. */
public record RecommendationWithdrawn(
        String recommendationId, String ownerId, String objectiveId, String contactId, String reason, Instant withdrawnAt) {
}
