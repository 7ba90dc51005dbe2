package io.passerelle.advice;

import io.passerelle.contracts.model.Outcome;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.Tie;
import java.time.Instant;
import java.util.List;

/**
 * Everything advice-service holds about one owner: the copy of the profile and of the ties it ranks,
 * the objectives, every recommendation on record (withdrawn ones included) and the reported outcomes.
 */
public record AdviceExport(
        String ownerId,
        OwnerProfile profile,
        List<Objective> objectives,
        List<ExportedRecommendation> recommendations,
        List<ExportedFeedback> feedback,
        List<Tie> ties,
        Instant exportedAt) {

    /** A recommendation as issued, with its state: ACTIVE or WITHDRAWN (and why). */
    public record ExportedRecommendation(Recommendation recommendation, String status, int version, Instant withdrawnAt,
            String withdrawalReason) {
    }

    /** An outcome the owner reported. */
    public record ExportedFeedback(String feedbackId, String recommendationId, String objectiveId, String contactId, Outcome outcome,
            String note, Instant recordedAt) {
    }
}
