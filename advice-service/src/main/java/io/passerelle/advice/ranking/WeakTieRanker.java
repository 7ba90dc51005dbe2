package io.passerelle.advice.ranking;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.TieClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Ranks an owner's ties for one objective (DOMAIN.md section 3).
 *
 * <p>score = (wR·relevance + wS·sweetSpot + wB·bridging) / (wR + wS + wB), where relevance comes
 * from {@link RelevanceMatcher}, sweetSpot and bridging from {@link StrengthSweetSpot}. When the
 * objective names targets, a tie that matches none of them is left out. Each kept tie gets an
 * action from {@link OutreachPlanner}, checked by {@link OutreachGuardrail}, the reasons that put
 * it there, and a message from {@link MessageComposer} in the objective's language, else the
 * owner's, else the default. The order is by score, then by contact id, so equal inputs give
 * equal lists.
 */
public final class WeakTieRanker {
    private static final Set<String> LANGUAGES = Set.of("fr", "en");

    private final RankingParameters parameters;
    private final RelevanceMatcher relevanceMatcher;
    private final StrengthSweetSpot sweetSpot;
    private final OutreachPlanner planner = new OutreachPlanner();
    private final OutreachGuardrail guardrail = new OutreachGuardrail();
    private final MessageComposer composer = new MessageComposer();

    public WeakTieRanker(RankingParameters parameters) {
        this.parameters = parameters;
        this.relevanceMatcher = new RelevanceMatcher(parameters.targets());
        this.sweetSpot = new StrengthSweetSpot(parameters.strength());
    }

    public List<Recommendation> rank(RankingRequest request) {
        Objective objective = request.objective();
        OwnerProfile owner = request.ownerProfile();
        String language = languageOf(objective, owner);
        boolean targeted = relevanceMatcher.hasTargets(objective, owner);
        List<Recommendation> ranked = new ArrayList<>();
        for (RankableTie tie : request.ties()) {
            Relevance relevance = relevanceMatcher.match(objective, owner, tie);
            if (targeted && relevance.score() <= 0) {
                continue;
            }
            OutreachPlan proposed = planner.plan(objective.type(), tie, relevance);
            OutreachGuardrail.Verdict verdict = guardrail.apply(proposed, tie, owner);
            if (!guardrail.permits(verdict.plan(), tie, owner)) {
                throw new IllegalStateException("guardrail breached for contact " + tie.contactId());
            }
            ranked.add(new Recommendation(
                    Identifiers.stableId(request.ownerId(), objective.objectiveId(), tie.contactId()),
                    request.ownerId(),
                    objective.objectiveId(),
                    tie.contactId(),
                    tie.displayName(),
                    verdict.plan().action(),
                    verdict.plan().requestKind(),
                    score(relevance.score(), sweetSpot.value(tie), sweetSpot.bridging(tie)),
                    tie.tieClass(),
                    tie.tie().strength(),
                    reasons(language, tie, relevance, verdict),
                    composer.compose(language, verdict.plan().action(), tie.displayName(), relevance),
                    request.now()));
        }
        return ranked.stream()
                .sorted(Comparator.comparingDouble(Recommendation::score).reversed().thenComparing(Recommendation::contactId))
                .limit(request.limit())
                .toList();
    }

    /** The objective's language, else the owner's, else the configured default. */
    public String languageOf(Objective objective, OwnerProfile owner) {
        if (objective.language() != null && LANGUAGES.contains(objective.language())) {
            return objective.language();
        }
        if (owner != null && owner.language() != null && LANGUAGES.contains(owner.language())) {
            return owner.language();
        }
        return parameters.defaultLanguage();
    }

    private double score(double relevance, double sweet, double bridging) {
        RankingParameters.ScoreWeights w = parameters.score();
        double combined = (w.relevance() * relevance + w.sweetSpot() * sweet + w.bridging() * bridging)
                / (w.relevance() + w.sweetSpot() + w.bridging());
        // Four decimals: enough to order, and stable in JSON.
        return Math.round(combined * 10_000) / 10_000.0;
    }

    private List<Recommendation.Reason> reasons(String language, RankableTie tie, Relevance relevance, OutreachGuardrail.Verdict verdict) {
        List<Recommendation.Reason> reasons = new ArrayList<>();
        for (TargetMatch match : relevance.matches()) {
            ReasonCode code = switch (match.kind()) {
                case SECTOR -> tie.tieClass() == TieClass.WEAK ? ReasonCode.WEAK_TIE_IN_TARGET_SECTOR : ReasonCode.IN_TARGET_SECTOR;
                case ROLE -> ReasonCode.HOLDS_TARGET_ROLE;
                case COMPANY -> ReasonCode.WORKS_AT_TARGET_COMPANY;
                case PAST_COMPANY -> ReasonCode.FORMERLY_AT_TARGET_COMPANY;
                case LOCATION -> ReasonCode.IN_TARGET_LOCATION;
                case SCALE -> ReasonCode.AT_TARGET_SCALE;
                case TOPIC -> ReasonCode.SHARES_TARGET_TOPIC;
                case NEED -> ReasonCode.HAS_NEEDED_EXPERIENCE;
            };
            reasons.add(reason(code, language, match.target()));
        }
        if (sweetSpot.isModeratelyWeak(tie)) {
            reasons.add(reason(ReasonCode.MODERATELY_WEAK_TIE, language, null));
        } else if (StrengthSweetSpot.formerlyStrong(tie)) {
            reasons.add(reason(ReasonCode.DORMANT_FORMERLY_STRONG, language, null));
        } else if (tie.tieClass() == TieClass.DORMANT) {
            reasons.add(reason(ReasonCode.DORMANT_REACTIVATION, language, null));
        } else if (tie.tieClass() == TieClass.NASCENT) {
            reasons.add(reason(ReasonCode.NASCENT_TIE, language, null));
        }
        if (verdict.reason() != null) {
            reasons.add(reason(verdict.reason(), language, null));
        }
        return reasons;
    }

    private static Recommendation.Reason reason(ReasonCode code, String language, String target) {
        return new Recommendation.Reason(code.name(), code.text(language, target));
    }
}
