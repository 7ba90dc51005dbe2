package io.passerelle.contracts.events;

import io.passerelle.contracts.model.Recommendation;

/** Data of {@code passerelle.recommendation.issued}. */
public record RecommendationIssued(Recommendation recommendation) {
}
