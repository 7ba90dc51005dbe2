package io.passerelle.advice.issuance;

import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Recommendation;
import java.util.List;

/**
 * What one recompute of one objective changes: recommendations to issue (new, or a new version),
 * to keep (same advice, refreshed score and rank, no event), and to withdraw.
 */
public record Reconciliation(String ownerId, String objectiveId, ObjectiveType objectiveType, List<Ranked> issued,
                             List<Ranked> kept, List<Withdrawal> withdrawn) {

    public Reconciliation {
        issued = List.copyOf(issued);
        kept = List.copyOf(kept);
        withdrawn = List.copyOf(withdrawn);
    }

    /** A recommendation at its place in the list, with the version it is (or stays) at. */
    public record Ranked(Recommendation recommendation, int rank, int version) {
    }

    /** A recommendation that no longer holds, at the version being withdrawn. */
    public record Withdrawal(String recommendationId, String contactId, int version, WithdrawalReason reason) {
    }

    public boolean changesNothingPublished() {
        return issued.isEmpty() && withdrawn.isEmpty();
    }
}
