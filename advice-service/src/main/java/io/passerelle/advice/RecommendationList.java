package io.passerelle.advice;

import io.passerelle.contracts.model.Recommendation;
import java.time.Instant;
import java.util.List;

/** The answer of {@code GET .../objectives/{objectiveId}/recommendations} (API.md). */
public record RecommendationList(String objectiveId, Instant generatedAt, List<Recommendation> items) {
}
