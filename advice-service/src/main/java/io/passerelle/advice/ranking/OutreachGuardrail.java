package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.OwnerProfile;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes the request fit the relationship (DOMAIN.md C6 and section 5). A COMMITTING request goes
 * only to a tie with a reciprocated exchange within the reciprocity window, and never to a close tie
 * (STRONG, or FAMILY and FRIEND origins) unless the owner's profile sets
 * {@code allowStrongTiesForCommitting}. Such a tie is not dropped: its request becomes the light
 * counterpart. For a close tie that is a precise question (ASK_INFORMATION) or engaging with their
 * content; for a tie without a recent two-way exchange, a conversation about their work
 * (ASK_ADVICE) or engaging with their content. An introduction to one named person is LIGHT: any tie
 * may be asked for it.
 */
public final class OutreachGuardrail {
    private final Duration reciprocityWindow;

    public OutreachGuardrail(Duration reciprocityWindow) {
        this.reciprocityWindow = reciprocityWindow;
    }

    /** The outcome of the check: the plan to use and the reason to show, if the guardrail acted. */
    public record Verdict(OutreachPlan plan, ReasonCode reason) {
    }

    public Verdict apply(OutreachPlan proposed, RankableTie tie, OwnerProfile owner, Instant now) {
        if (!proposed.isCommitting()) {
            return new Verdict(proposed, null);
        }
        boolean close = Relationship.isClose(tie);
        boolean optedIn = owner != null && owner.strongTiesAllowedForCommitting();
        if (close && !optedIn) {
            return new Verdict(OutreachPlan.light(closeCounterpart(proposed.action())), ReasonCode.STRONG_TIE_LIGHT_REQUEST_ONLY);
        }
        if (!Relationship.reciprocated(tie, now, reciprocityWindow)) {
            return new Verdict(OutreachPlan.light(coldCounterpart(proposed.action())), ReasonCode.NOT_YET_RECIPROCATED);
        }
        return new Verdict(proposed, close ? ReasonCode.CLOSE_TIE_COMMITTING_ALLOWED : null);
    }

    /** Whether the plan is allowed for this tie and owner: the invariant every recommendation keeps. */
    public boolean permits(OutreachPlan plan, RankableTie tie, OwnerProfile owner, Instant now) {
        return !plan.isCommitting() || Relationship.allowsCommitting(tie, owner, now, reciprocityWindow);
    }

    private static Action closeCounterpart(Action committing) {
        return committing == Action.ASK_RECOMMENDATION ? Action.ENGAGE_CONTENT : Action.ASK_INFORMATION;
    }

    private static Action coldCounterpart(Action committing) {
        return committing == Action.ASK_RECOMMENDATION ? Action.ENGAGE_CONTENT : Action.ASK_ADVICE;
    }
}
