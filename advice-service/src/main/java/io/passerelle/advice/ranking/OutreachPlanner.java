package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.ObjectiveType;

/**
 * Chooses what the objective would ask a tie, before {@link OutreachGuardrail} makes it fit the
 * relationship (DOMAIN.md section 5):
 * <ul>
 * <li>DORMANT: REACTIVATE (light): reconnect before asking anything.</li>
 * <li>Someone who holds a role the objective targets: ASK_ADVICE (light), the informational
 * interview, before anything else; but a recruiter whose role names the target role recruits for
 * it, and is asked, in a job search, which positions are open (ASK_INFORMATION).</li>
 * <li>NASCENT: REACH_OUT (light), except ENGAGE_CONTENT for e-reputation.</li>
 * <li>JOB_SEARCH: ASK_REFERRAL (committing) inside a target company; ASK_INFORMATION to a recruiter
 * (which positions are open); ASK_INTRODUCTION (committing) inside a target sector;
 * ASK_INFORMATION otherwise.</li>
 * <li>COMMERCIAL_PROSPECTING: ASK_REFERRAL (committing) to an existing client or a business partner; ASK_ADVICE (light) to
 * a decision maker, who is the prospect (a conversation about their needs, not a pitch);
 * ASK_INTRODUCTION (committing) to the decision makers of their firm otherwise.</li>
 * <li>BUSINESS_CREATION: ASK_INTRODUCTION (committing: investment, partnership, a first sale) to a
 * contact covering a committing need (investors, co-founders, first customers); ASK_INFORMATION to a
 * supplier; ASK_ADVICE to a lawyer, an accountant, a mentor or any other need; ASK_INTRODUCTION
 * (committing) inside a target company or sector; ASK_INFORMATION otherwise.</li>
 * <li>E_REPUTATION: ASK_RECOMMENDATION (committing) to a witness of the owner's work;
 * ENGAGE_CONTENT (light) otherwise.</li>
 * <li>INFORMATION: ASK_INFORMATION (light).</li>
 * </ul>
 */
public final class OutreachPlanner {

    public OutreachPlan plan(ObjectiveType type, RankableTie tie, Relevance relevance, RelevanceMatcher.PreparedTargets targets,
                             boolean recruiter, boolean decisionMaker) {
        switch (tie.tieClass()) {
            case DORMANT:
                return OutreachPlan.light(Action.REACTIVATE);
            case NASCENT:
                if (relevance.has(TargetMatch.Kind.ROLE) && !(recruiter && type == ObjectiveType.JOB_SEARCH)) {
                    return OutreachPlan.light(Action.ASK_ADVICE);
                }
                return OutreachPlan.light(type == ObjectiveType.E_REPUTATION ? Action.ENGAGE_CONTENT : Action.REACH_OUT);
            default:
                break;
        }
        if (recruiter && type == ObjectiveType.JOB_SEARCH) {
            // A recruiter who names the target role recruits for it: which positions are open, not how the job is done.
            return OutreachPlan.light(Action.ASK_INFORMATION);
        }
        if (relevance.has(TargetMatch.Kind.ROLE) && type != ObjectiveType.E_REPUTATION) {
            return OutreachPlan.light(Action.ASK_ADVICE);
        }
        boolean company = relevance.has(TargetMatch.Kind.COMPANY);
        boolean insider = company || relevance.has(TargetMatch.Kind.SECTOR);
        return switch (type) {
            case JOB_SEARCH -> company ? OutreachPlan.committing(Action.ASK_REFERRAL)
                    : recruiter ? OutreachPlan.light(Action.ASK_INFORMATION)
                    : insider ? OutreachPlan.committing(Action.ASK_INTRODUCTION)
                    : OutreachPlan.light(Action.ASK_INFORMATION);
            case COMMERCIAL_PROSPECTING -> Relationship.isClient(tie) || Relationship.isPartner(tie) ? OutreachPlan.committing(Action.ASK_REFERRAL)
                    : decisionMaker ? OutreachPlan.light(Action.ASK_ADVICE)
                    : OutreachPlan.committing(Action.ASK_INTRODUCTION);
            case BUSINESS_CREATION -> {
                var need = relevance.match(TargetMatch.Kind.NEED).map(m -> targets.needKind(m.target())).orElse(null);
                if (need != null) {
                    yield need.committing() ? OutreachPlan.committing(Action.ASK_INTRODUCTION)
                            : need == TargetVocabulary.NeedKind.SUPPLIERS ? OutreachPlan.light(Action.ASK_INFORMATION)
                            : OutreachPlan.light(Action.ASK_ADVICE);
                }
                yield insider ? OutreachPlan.committing(Action.ASK_INTRODUCTION) : OutreachPlan.light(Action.ASK_INFORMATION);
            }
            case E_REPUTATION -> Relationship.witnessedTheOwnersWork(tie)
                    ? OutreachPlan.committing(Action.ASK_RECOMMENDATION)
                    : OutreachPlan.light(Action.ENGAGE_CONTENT);
            case INFORMATION -> OutreachPlan.light(Action.ASK_INFORMATION);
        };
    }
}
