package io.passerelle.advice.ranking;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.ObjectiveType;
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
 * <ol>
 * <li>Contacts resting after a recent outcome ({@link CoolDownPolicy}) are left out.</li>
 * <li>score = (wR·relevance + wS·sweetSpot + wB·bridging) / (wR + wS + wB): relevance from
 * {@link RelevanceMatcher}, the sweet spot from {@link StrengthSweetSpot}, bridging from
 * {@link NetworkProfile}; wB is raised for E_REPUTATION, and a WEAK tie gains
 * {@code digitalWeakTieBonus · sweetSpot} when the objective targets a digital sector
 * ({@link RankingParameters.Emphasis}). When the objective names targets, a tie that matches none
 * of them is left out.</li>
 * <li>The list is re-ranked for diversity (maximal marginal relevance,
 * {@link RankingParameters.Diversity}): the score shown is the one at which the contact was picked,
 * so the list stays in descending order of score; equal scores go by contact id.</li>
 * <li>Each kept tie gets an action from {@link OutreachPlanner}, checked by {@link OutreachGuardrail},
 * the reasons that put it there, and a message from {@link MessageComposer} in the objective's
 * language, else the owner's, else the default.</li>
 * </ol>
 */
public final class WeakTieRanker {
    private static final Set<String> LANGUAGES = Set.of("fr", "en");
    private static final Comparator<Candidate> BEST_FIRST =
            Comparator.comparingDouble(Candidate::base).reversed().thenComparing(c -> c.tie.contactId());

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

    /** A tie that passed the filters, with what its score is made of. */
    private static final class Candidate {
        final RankableTie tie;
        final Relevance relevance;
        final NetworkProfile.Bridge bridge;
        final double base;
        String company;
        String sector;
        String city;
        double redundancy;

        Candidate(RankableTie tie, Relevance relevance, NetworkProfile.Bridge bridge, double base) {
            this.tie = tie;
            this.relevance = relevance;
            this.bridge = bridge;
            this.base = base;
        }

        /** The attributes the diversity re-ranking compares, in normal form (only for the candidates it looks at). */
        void describe(NormalizedText.Memo memo) {
            Contact contact = tie.contact();
            company = contact == null ? "" : memo.key(contact.company());
            sector = contact == null ? "" : memo.key(contact.sector());
            city = contact == null || contact.location() == null ? "" : memo.key(contact.location().city());
        }

        double base() {
            return base;
        }
    }

    public List<Recommendation> rank(RankingRequest request) {
        Objective objective = request.objective();
        OwnerProfile owner = request.ownerProfile();
        String language = languageOf(objective, owner);
        NormalizedText.Memo memo = new NormalizedText.Memo();
        RelevanceMatcher.PreparedTargets targets = relevanceMatcher.prepare(objective, owner);
        boolean targeted = !targets.isEmpty();
        boolean digital = targets.sectorWordings().stream().anyMatch(TargetVocabulary::isDigitalSector);
        NetworkProfile network = NetworkProfile.of(request.ties(), owner, parameters, memo);
        Weights weights = weightsFor(objective.type());
        double digitalBonus = digital ? parameters.emphasis().digitalWeakTieBonus() : 0;

        List<Candidate> candidates = new ArrayList<>();
        for (RankableTie tie : request.ties()) {
            if (request.coolingDown().contains(tie.contactId())) {
                continue;
            }
            Relevance relevance = targets.match(tie, memo);
            if (targeted && relevance.score() <= 0) {
                continue;
            }
            NetworkProfile.Bridge bridge = network.bridge(tie, memo);
            double sweet = sweetSpot.value(tie);
            double base = weights.combine(relevance.score(), sweet, bridge.value());
            if (tie.tieClass() == TieClass.WEAK && digitalBonus > 0) {
                base = Math.min(1.0, round(base + digitalBonus * sweet));
            }
            candidates.add(new Candidate(tie, relevance, bridge, base));
        }

        List<Recommendation> ranked = new ArrayList<>();
        boolean sectorTargeted = !targets.sectorWordings().isEmpty();
        for (Picked picked : diversify(candidates, request.limit(), sectorTargeted, memo)) {
            ranked.add(recommendation(request, picked.candidate(), picked.score(), language, digital));
        }
        return ranked;
    }

    private record Picked(Candidate candidate, double score) {
    }

    /**
     * Greedy maximal marginal relevance over the best candidates: each pick maximises
     * {@code base − penalty · (highest similarity to a contact already picked)}.
     */
    private List<Picked> diversify(List<Candidate> candidates, int limit, boolean sectorTargeted, NormalizedText.Memo memo) {
        RankingParameters.Diversity diversity = parameters.diversity();
        candidates.sort(BEST_FIRST);
        int poolSize = Math.min(candidates.size(), Math.max(limit * diversity.poolFactor(), limit));
        List<Candidate> pool = new ArrayList<>(candidates.subList(0, poolSize));
        pool.forEach(candidate -> candidate.describe(memo));
        List<Picked> picked = new ArrayList<>();
        boolean active = diversity.penalty() > 0 && diversity.similarityWeight() > 0;
        while (picked.size() < limit && !pool.isEmpty()) {
            int bestIndex = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                Candidate candidate = pool.get(i);
                double adjusted = round(candidate.base - (active ? diversity.penalty() * candidate.redundancy : 0));
                // The pool is sorted by base then contact id, so the first of equal scores has the smallest id
                // among equal bases; compare ids explicitly for equal adjusted scores from different bases.
                if (adjusted > bestScore || (adjusted == bestScore
                        && candidate.tie.contactId().compareTo(pool.get(bestIndex).tie.contactId()) < 0)) {
                    bestScore = adjusted;
                    bestIndex = i;
                }
            }
            Candidate chosen = pool.remove(bestIndex);
            picked.add(new Picked(chosen, Math.max(0, bestScore)));
            if (active) {
                for (Candidate candidate : pool) {
                    candidate.redundancy = Math.max(candidate.redundancy, similarity(candidate, chosen, diversity, sectorTargeted));
                }
            }
        }
        return picked;
    }

    /**
     * The weighted share of company, sector and city two contacts have in common. When the objective
     * names sectors, sharing one is what the owner asked for, not redundancy, so it does not count.
     */
    private static double similarity(Candidate a, Candidate b, RankingParameters.Diversity diversity, boolean sectorTargeted) {
        double shared = 0;
        if (!a.company.isEmpty() && a.company.equals(b.company)) {
            shared += diversity.company();
        }
        if (!sectorTargeted && !a.sector.isEmpty() && a.sector.equals(b.sector)) {
            shared += diversity.sector();
        }
        if (!a.city.isEmpty() && a.city.equals(b.city)) {
            shared += diversity.city();
        }
        return shared / diversity.similarityWeight();
    }

    private Recommendation recommendation(RankingRequest request, Candidate candidate, double score, String language, boolean digital) {
        RankableTie tie = candidate.tie;
        OwnerProfile owner = request.ownerProfile();
        OutreachPlan proposed = planner.plan(request.objective().type(), tie, candidate.relevance);
        OutreachGuardrail.Verdict verdict = guardrail.apply(proposed, tie, owner);
        if (!guardrail.permits(verdict.plan(), tie, owner)) {
            throw new IllegalStateException("guardrail breached for contact " + tie.contactId());
        }
        return new Recommendation(
                Identifiers.stableId(request.ownerId(), request.objective().objectiveId(), tie.contactId()),
                request.ownerId(),
                request.objective().objectiveId(),
                tie.contactId(),
                tie.displayName(),
                verdict.plan().action(),
                verdict.plan().requestKind(),
                score,
                tie.tieClass(),
                tie.tie().strength(),
                null,
                reasons(language, candidate, verdict, digital),
                composer.compose(language, verdict.plan().action(), tie.displayName(), candidate.relevance),
                request.now());
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

    /** The score weights for one objective: the configured ones, shifted by {@link RankingParameters.Emphasis}. */
    private record Weights(double relevance, double sweetSpot, double bridging) {
        double combine(double relevanceValue, double sweetValue, double bridgingValue) {
            double total = relevance + sweetSpot + bridging;
            return round((relevance * relevanceValue + sweetSpot * sweetValue + bridging * bridgingValue) / total);
        }
    }

    private Weights weightsFor(ObjectiveType type) {
        RankingParameters.ScoreWeights w = parameters.score();
        double bridging = w.bridging() * (type == ObjectiveType.E_REPUTATION ? parameters.emphasis().reputationBridgingFactor() : 1);
        if (w.relevance() + w.sweetSpot() + bridging <= 0) {
            return new Weights(w.relevance(), w.sweetSpot(), w.bridging());
        }
        return new Weights(w.relevance(), w.sweetSpot(), bridging);
    }

    // Four decimals: enough to order, and stable in JSON.
    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private List<Recommendation.Reason> reasons(String language, Candidate candidate, OutreachGuardrail.Verdict verdict, boolean digital) {
        RankableTie tie = candidate.tie;
        List<Recommendation.Reason> reasons = new ArrayList<>();
        for (TargetMatch match : candidate.relevance.matches()) {
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
        if (digital && tie.tieClass() == TieClass.WEAK) {
            reasons.add(reason(ReasonCode.WEAK_TIE_DIGITAL_SECTOR, language, null));
        }
        Contact contact = tie.contact();
        if (candidate.bridge.sectorNovelty() >= 0.5 && contact != null) {
            reasons.add(reason(ReasonCode.BRIDGES_TO_NEW_SECTOR, language, contact.sector()));
        }
        if (candidate.bridge.placeNovelty() >= 0.5 && contact != null) {
            reasons.add(reason(ReasonCode.BRIDGES_TO_NEW_REGION, language, NetworkProfile.placeName(contact.location())));
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
