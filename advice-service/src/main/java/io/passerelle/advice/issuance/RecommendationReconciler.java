package io.passerelle.advice.issuance;

import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RequestKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a fresh ranking of one objective with what is on record and decides what to publish.
 * Same contact, same action and request kind: the recommendation is kept under its id and
 * version (its score, rank, reasons and message are refreshed quietly; its {@code issuedAt} stays).
 * A new contact is issued. A changed action or request kind withdraws the old version and issues a
 * new one ({@link WithdrawalReason#GUARDRAIL_APPLIES} when a committing request became light, e.g.
 * the owner withdrew the opt-in). A contact no longer ranked is withdrawn with the most telling
 * reason: its tie is gone, it rests after feedback, or it simply no longer ranks.
 */
public final class RecommendationReconciler {

    /**
     * @param onRecord every recommendation on record for this objective, active or withdrawn
     * @param ranked the fresh ranking, best first
     * @param existingContacts the contacts the owner still has a tie with
     * @param coolingDown the contacts resting after feedback
     */
    public Reconciliation reconcile(String ownerId, String objectiveId, ObjectiveType type, List<IssuanceState> onRecord,
                                    List<Recommendation> ranked, Set<String> existingContacts, Set<String> coolingDown, Instant now) {
        Map<String, IssuanceState> byId = new HashMap<>();
        onRecord.forEach(state -> byId.put(state.recommendationId(), state));
        List<Reconciliation.Ranked> issued = new ArrayList<>();
        List<Reconciliation.Ranked> kept = new ArrayList<>();
        List<Reconciliation.Withdrawal> withdrawn = new ArrayList<>();
        Set<String> stillRanked = new HashSet<>();

        int rank = 0;
        for (Recommendation fresh : ranked) {
            rank++;
            stillRanked.add(fresh.recommendationId());
            IssuanceState previous = byId.get(fresh.recommendationId());
            if (previous != null && previous.active()) {
                if (previous.action() == fresh.action() && previous.requestKind() == fresh.requestKind()) {
                    kept.add(new Reconciliation.Ranked(withIssuedAt(fresh, previous.issuedAt()), rank, previous.version()));
                    continue;
                }
                WithdrawalReason reason = previous.requestKind() == RequestKind.COMMITTING && fresh.requestKind() == RequestKind.LIGHT
                        ? WithdrawalReason.GUARDRAIL_APPLIES : WithdrawalReason.ACTION_CHANGED;
                withdrawn.add(new Reconciliation.Withdrawal(previous.recommendationId(), previous.contactId(), previous.version(), reason));
            }
            int version = previous == null ? 1 : previous.version() + 1;
            issued.add(new Reconciliation.Ranked(withIssuedAt(fresh, now), rank, version));
        }
        for (IssuanceState previous : onRecord) {
            if (previous.active() && !stillRanked.contains(previous.recommendationId())) {
                WithdrawalReason reason = !existingContacts.contains(previous.contactId()) ? WithdrawalReason.TIE_ERASED
                        : coolingDown.contains(previous.contactId()) ? WithdrawalReason.COOL_DOWN
                        : WithdrawalReason.NO_LONGER_RANKED;
                withdrawn.add(new Reconciliation.Withdrawal(previous.recommendationId(), previous.contactId(), previous.version(), reason));
            }
        }
        return new Reconciliation(ownerId, objectiveId, type, issued, kept, withdrawn);
    }

    /** Withdraws every active recommendation of an objective, e.g. when it is deleted. */
    public Reconciliation withdrawAll(String ownerId, String objectiveId, ObjectiveType type, List<IssuanceState> onRecord,
                                      WithdrawalReason reason) {
        List<Reconciliation.Withdrawal> withdrawn = onRecord.stream().filter(IssuanceState::active)
                .map(s -> new Reconciliation.Withdrawal(s.recommendationId(), s.contactId(), s.version(), reason)).toList();
        return new Reconciliation(ownerId, objectiveId, type, List.of(), List.of(), withdrawn);
    }

    private static Recommendation withIssuedAt(Recommendation r, Instant issuedAt) {
        return new Recommendation(r.recommendationId(), r.ownerId(), r.objectiveId(), r.contactId(), r.displayName(), r.action(),
                r.requestKind(), r.score(), r.tieClass(), r.tieStrength(), r.introductionTo(), r.reasons(), r.message(), issuedAt);
    }
}
