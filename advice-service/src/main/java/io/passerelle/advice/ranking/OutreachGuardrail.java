package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;

/**
 * DOMAIN.md C6: a STRONG tie, or a contact whose origin is FAMILY or FRIEND, never receives a
 * COMMITTING request unless the owner's profile sets {@code allowStrongTiesForCommitting}. Such a
 * tie is not dropped: its request is softened to the light counterpart (an introduction becomes a
 * request for precise information, a recommendation becomes engaging with their content).
 */
public final class OutreachGuardrail {

    /** The outcome of the check: the plan to use and the reason to show, if the guardrail acted. */
    public record Verdict(OutreachPlan plan, ReasonCode reason) {
    }

    public Verdict apply(OutreachPlan proposed, RankableTie tie, OwnerProfile owner) {
        if (!proposed.isCommitting() || !isClose(tie)) {
            return new Verdict(proposed, null);
        }
        if (owner != null && owner.strongTiesAllowedForCommitting()) {
            return new Verdict(proposed, ReasonCode.CLOSE_TIE_COMMITTING_ALLOWED);
        }
        return new Verdict(OutreachPlan.light(lightCounterpart(proposed.action())), ReasonCode.STRONG_TIE_LIGHT_REQUEST_ONLY);
    }

    /** Whether the plan is allowed for this tie and owner: the invariant every recommendation keeps. */
    public boolean permits(OutreachPlan plan, RankableTie tie, OwnerProfile owner) {
        return !plan.isCommitting() || !isClose(tie) || (owner != null && owner.strongTiesAllowedForCommitting());
    }

    public static boolean isClose(RankableTie tie) {
        Origin origin = tie.origin();
        return tie.tieClass() == TieClass.STRONG || (origin != null && origin.isClosePersonal());
    }

    private static Action lightCounterpart(Action committing) {
        return committing == Action.ASK_RECOMMENDATION ? Action.ENGAGE_CONTENT : Action.ASK_INFORMATION;
    }
}
