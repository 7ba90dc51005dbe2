package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Origin;
import java.util.EnumSet;
import java.util.Set;

/**
 * Chooses the action and request kind for a tie and an objective, before the guardrail:
 * <ul>
 * <li>DORMANT ties: REACTIVATE (light): reconnect before asking anything.</li>
 * <li>NASCENT ties: REACH_OUT (light): a first exchange before any request.</li>
 * <li>JOB_SEARCH and BUSINESS_CREATION: ASK_INTRODUCTION (committing) to a contact inside a target
 * company or sector, who can introduce the owner there; for BUSINESS_CREATION also to a contact
 * matching a committing need (investor, co-founder, first customers, supplier); ASK_INFORMATION
 * (light) otherwise (a lawyer, an accountant or a mentor is first asked for precise advice).</li>
 * <li>COMMERCIAL_PROSPECTING: ASK_INTRODUCTION (committing) to a decision maker.</li>
 * <li>E_REPUTATION: ASK_RECOMMENDATION (committing) to a contact who has seen the owner's work
 * (client, partner, colleague, former colleague); ENGAGE_CONTENT (light) otherwise.</li>
 * <li>INFORMATION: ASK_INFORMATION (light).</li>
 * </ul>
 */
public final class OutreachPlanner {
    private static final Set<Origin> WITNESSES_OF_WORK = EnumSet.of(Origin.CLIENT, Origin.PARTNER, Origin.COLLEAGUE, Origin.FORMER_COLLEAGUE);

    public OutreachPlan plan(ObjectiveType type, RankableTie tie, Relevance relevance) {
        switch (tie.tieClass()) {
            case DORMANT:
                return OutreachPlan.light(Action.REACTIVATE);
            case NASCENT:
                return OutreachPlan.light(Action.REACH_OUT);
            default:
                break;
        }
        boolean insider = relevance.has(TargetMatch.Kind.COMPANY) || relevance.has(TargetMatch.Kind.SECTOR);
        boolean committingNeed = relevance.match(TargetMatch.Kind.NEED).map(m -> TargetVocabulary.isCommittingNeed(m.target())).orElse(false);
        return switch (type) {
            case JOB_SEARCH -> insider
                    ? OutreachPlan.committing(Action.ASK_INTRODUCTION)
                    : OutreachPlan.light(Action.ASK_INFORMATION);
            case BUSINESS_CREATION -> insider || committingNeed
                    ? OutreachPlan.committing(Action.ASK_INTRODUCTION)
                    : OutreachPlan.light(Action.ASK_INFORMATION);
            case COMMERCIAL_PROSPECTING -> OutreachPlan.committing(Action.ASK_INTRODUCTION);
            case E_REPUTATION -> WITNESSES_OF_WORK.contains(tie.origin())
                    ? OutreachPlan.committing(Action.ASK_RECOMMENDATION)
                    : OutreachPlan.light(Action.ENGAGE_CONTENT);
            case INFORMATION -> OutreachPlan.light(Action.ASK_INFORMATION);
        };
    }
}
