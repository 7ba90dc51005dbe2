package io.passerelle.contracts.events;

import io.passerelle.contracts.model.Recommendation;
import jakarta.validation.constraints.NotNull;

/** Data of {@code passerelle.recommendation.issued}. */
public record RecommendationIssued(@NotNull Recommendation recommendation) {
}
