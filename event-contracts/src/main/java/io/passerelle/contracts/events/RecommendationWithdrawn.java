package io.passerelle.contracts.events;

import io.passerelle.contracts.Identifiers;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Data of {@code passerelle.recommendation.withdrawn}: a recommendation that no longer holds, and why. */
public record RecommendationWithdrawn(
        @NotNull String recommendationId,
        @NotNull @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
        @NotNull String objectiveId,
        @NotNull @Pattern(regexp = Identifiers.CONTACT_ID_REGEX) String contactId,
        @Schema(description = "Why the recommendation no longer holds: TIE_ERASED, OBJECTIVE_DELETED, OWNER_ERASED, "
                + "GUARDRAIL_APPLIES, ACTION_CHANGED, COOL_DOWN or NO_LONGER_RANKED; a consumer treats an unknown reason "
                + "as a plain withdrawal")
        @NotNull String reason,
        @NotNull Instant withdrawnAt) {
}
