package io.passerelle.advice.ranking;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.TieClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks an owner's ties for one objective (DOMAIN.md sections 3 and 5).
 *
 * <ol>
 * <li>Contacts resting after a recent outcome ({@link CoolDownPolicy}) are left out; so are, for a job
 * search, the owner's current colleagues (it would reveal the search), and contacts already in
 * conversation with the owner (a two-way exchange within {@code conversationRest}): no one contacted
 * yesterday.</li>
 * <li>Direct candidates: score = (wR·relevance + wS·sweetSpot + wB·bridging + wP·signal [+ d·sweetSpot])
 * / (wR + wS + wB + wP [+ d]): relevance from {@link RelevanceMatcher}, the sweet spot from
 * {@link StrengthSweetSpot}, bridging from {@link NetworkProfile}, the objective's own signal from
 * {@link ObjectiveSignals}; d is the digital weak-tie bonus, for a job search in a digital sector and
 * a WEAK tie only. Every term is in [0, 1], so the score is too, without any clamp: scores stay
 * comparable. When the objective names targets, a tie that matches none of them is left out, unless
 * the objective's signal stands alone (any recruiter, an existing client). Prospecting recommends
 * directly only decision makers, clients and holders of a target role; business creation only
 * those who cover a need or bring what founders lack; anyone else may still be an intermediary.</li>
 * <li>Warm paths: a key person (matching a target company, role or need, or a decision maker, a
 * recruiter or a hiring manager at a target) who is not a good direct ask (NASCENT, DORMANT, or no
 * reciprocated exchange within the window) is reached through the owner's ties who know them (either
 * lists the other in {@code mutualContactIds}): the best of them is asked, LIGHT, to introduce the
 * owner to that named person. The path scores like a direct candidate with the key person's
 * relevance, signal and bridging, and the intermediary's warmth in place of the sweet spot (about 1
 * for a STRONG or reciprocated tie, 0.6 WEAK, 0.45 formerly strong DORMANT, 0.35 DORMANT; NASCENT ties
 * and contacts that are not the owner's ties are never intermediaries). A contact keeps its best candidate.</li>
 * <li>The list is re-ranked for diversity (maximal marginal relevance, {@link RankingParameters.Diversity});
 * a warm path and its key person are the same person, reached one way only. For business creation, every declared
 * need that someone in the network covers gets at least one place in the list. The score shown is the
 * one at which the contact was picked; the list is in descending order of it. Equal scores go by
 * relevance, then the sweet spot, then the peak strength (trust), the contact id last.</li>
 * <li>Each kept tie gets an action from {@link OutreachPlanner}, made to fit the relationship by
 * {@link OutreachGuardrail}, the reasons that put it there, and a message from
 * {@link MessageComposer} in the objective's language, else the owner's, else the default.</li>
 * </ol>
 */
public final class WeakTieRanker {
    private static final Set<String> LANGUAGES = Set.of("fr", "en");
    /** A path asks two people where a direct ask asks one: of equal merit, the direct ask comes first. */
    private static final double PATH_DISCOUNT = 0.9;

    private final RankingParameters parameters;
    private final RelevanceMatcher relevanceMatcher;
    private final StrengthSweetSpot sweetSpot;
    private final OutreachPlanner planner = new OutreachPlanner();
    private final OutreachGuardrail guardrail;
    private final MessageComposer composer = new MessageComposer();

    public WeakTieRanker(RankingParameters parameters) {
        this.parameters = parameters;
        this.relevanceMatcher = new RelevanceMatcher(parameters.targets());
        this.sweetSpot = new StrengthSweetSpot(parameters.strength());
        this.guardrail = new OutreachGuardrail(parameters.reciprocityWindow());
    }

    /** A tie that passed the filters, directly or as the intermediary of a warm path, with what its score is made of. */
    private static final class Candidate {
        final RankableTie tie;
        /** The key person of a warm path, null for a direct candidate. */
        final RankableTie keyPerson;
        final Relevance relevance;
        final ObjectiveSignals.Signal signal;
        final NetworkProfile.Bridge bridge;
        final double sweet;
        final double base;
        String company;
        String sector;
        String city;
        double redundancy;

        Candidate(RankableTie tie, RankableTie keyPerson, Relevance relevance, ObjectiveSignals.Signal signal,
                  NetworkProfile.Bridge bridge, double sweet, double base) {
            this.tie = tie;
            this.keyPerson = keyPerson;
            this.relevance = relevance;
            this.signal = signal;
            this.bridge = bridge;
            this.sweet = sweet;
            this.base = base;
        }

        /** The person the recommendation is about: the key person of a path, else the tie itself. */
        RankableTie subject() {
            return keyPerson != null ? keyPerson : tie;
        }

        /** The attributes the diversity re-ranking compares, in normal form (only for the candidates it looks at). */
        void describe(NormalizedText.Memo memo) {
            Contact contact = subject().contact();
            company = contact == null ? "" : memo.key(contact.company());
            sector = contact == null ? "" : memo.key(contact.sector());
            city = contact == null || contact.location() == null ? "" : memo.key(contact.location().city());
        }

        String need() {
            return relevance.match(TargetMatch.Kind.NEED).map(TargetMatch::target).orElse(null);
        }
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble((Candidate c) -> c.base).reversed()
            .thenComparing(WeakTieRanker::tieBreak);

    /** Between equal scores: the more relevant, then the better sweet spot, then the more trusted (peak strength), the id last. */
    private static int tieBreak(Candidate a, Candidate b) {
        int order = Double.compare(b.relevance.score(), a.relevance.score());
        if (order == 0) {
            order = Double.compare(b.sweet, a.sweet);
        }
        if (order == 0) {
            order = Double.compare(b.tie.tie().peakStrength(), a.tie.tie().peakStrength());
        }
        return order != 0 ? order : a.tie.contactId().compareTo(b.tie.contactId());
    }

    /** What one ranking shares between its steps. */
    private final class Ranking {
        final RankingRequest request;
        final ObjectiveType type;
        final NormalizedText.Memo memo = new NormalizedText.Memo();
        final RelevanceMatcher.PreparedTargets targets;
        final NetworkProfile network;
        final ObjectiveSignals signals;
        final Weights weights;
        final double digitalBonus;
        final boolean digital;
        final String ownerCompany;
        final Duration window = parameters.reciprocityWindow();
        final Instant reciprocatedSince;
        final Instant conversationSince;

        Ranking(RankingRequest request) {
            this.request = request;
            this.type = request.objective().type();
            OwnerProfile owner = request.ownerProfile();
            double territory = type == ObjectiveType.COMMERCIAL_PROSPECTING ? parameters.emphasis().territoryFactor() : 1.0;
            this.targets = relevanceMatcher.prepare(request.objective(), owner, territory);
            this.network = NetworkProfile.of(request.ties(), owner, parameters, memo);
            this.weights = weightsFor(type);
            this.digital = type == ObjectiveType.JOB_SEARCH
                    && targets.sectorWordings().stream().anyMatch(TargetVocabulary::isDigitalSector);
            this.digitalBonus = digital ? parameters.emphasis().digitalWeakTieBonus() : 0;
            this.ownerCompany = owner == null ? "" : memo.key(owner.company());
            this.reciprocatedSince = request.now().minus(window);
            this.signals = new ObjectiveSignals(type, targets, reciprocatedSince, memo);
            this.conversationSince = request.now().minus(parameters.conversationRest());
        }

        boolean reciprocated(RankableTie tie) {
            return Relationship.reciprocatedSince(tie, reciprocatedSince);
        }

        boolean excluded(RankableTie tie) {
            return request.coolingDown().contains(tie.contactId())
                    || (type == ObjectiveType.JOB_SEARCH && Relationship.isCurrentColleague(tie, ownerCompany, memo));
        }

        /** Already in conversation with the owner (a two-way exchange within the rest): nothing to advise, not even a name to ask for. */
        boolean inConversation(RankableTie tie) {
            return Relationship.reciprocatedSince(tie, conversationSince);
        }

        NetworkProfile.Bridge bridge(RankableTie tie) {
            boolean place = type != ObjectiveType.JOB_SEARCH || targets.targetsScales();
            return network.bridge(tie, memo, type == ObjectiveType.E_REPUTATION, place);
        }

        /** Every candidate of a ranking shares the denominator, so that the digital bonus only ever raises WEAK ties. */
        double score(Relevance relevance, double sweet, double bridge, ObjectiveSignals.Signal signal, TieClass tieClass) {
            double bonus = tieClass == TieClass.WEAK ? digitalBonus * sweet : 0;
            double relevant = Math.max(relevance.score(), signal.relevanceFloor());
            return round((weights.relevance * relevant + weights.sweetSpot * sweet + weights.bridging * bridge
                    + weights.signal * signal.value() + bonus) / (weights.total() + digitalBonus));
        }
    }

    public List<Recommendation> rank(RankingRequest request) {
        Ranking ranking = new Ranking(request);
        Map<String, Candidate> best = new HashMap<>(request.ties().size() * 2);
        List<Candidate> keyPeople = new ArrayList<>();
        Set<String> needsHeld = new LinkedHashSet<>();

        // The ties that may be asked to pass on a name (never a NASCENT one), gathered on the way.
        List<RankableTie> possibleIntermediaries = new ArrayList<>(request.ties().size());
        for (RankableTie tie : request.ties()) {
            if (ranking.excluded(tie) || ranking.inConversation(tie)) {
                continue;
            }
            if (tie.tieClass() != TieClass.NASCENT) {
                possibleIntermediaries.add(tie);
            }
            Relevance relevance = ranking.targets.match(tie, ranking.memo);
            ObjectiveSignals.Signal signal = ranking.signals.of(tie, relevance);
            if (ranking.targets.restricting() && relevance.score() <= 0 && !signal.standsAlone()) {
                continue;
            }
            if (!ownSearch(ranking.type, relevance, signal, ranking.targets, tie.tieClass())) {
                // Not whom this objective looks for; they may still be the intermediary of a warm path.
                continue;
            }
            NetworkProfile.Bridge bridge = ranking.bridge(tie);
            double sweet = relationshipValue(tie, ranking);
            Candidate direct = new Candidate(tie, null, relevance, signal, bridge, sweet,
                    ranking.score(relevance, sweet, bridge.value(), signal, tie.tieClass()));
            keep(best, direct);
            if (direct.need() != null) {
                needsHeld.add(direct.need());
            }
            if (isKeyPerson(direct, ranking.type) && !goodDirectAsk(tie, ranking)) {
                keyPeople.add(direct);
            }
        }
        addWarmPaths(ranking, worthAPath(ranking, keyPeople, best), possibleIntermediaries, best);

        List<Candidate> candidates = new ArrayList<>(best.values());
        List<Recommendation> ranked = new ArrayList<>();
        for (Picked picked : diversify(ranking, candidates, needsHeld)) {
            ranked.add(recommendation(ranking, picked.candidate(), picked.score()));
        }
        return ranked;
    }

    private static void keep(Map<String, Candidate> best, Candidate candidate) {
        best.merge(candidate.tie.contactId(), candidate, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
    }

    /** Someone the objective needs to reach: at a target company, in a target role, covering a need, or a key person by role. */
    private static boolean isKeyPerson(Candidate candidate, ObjectiveType type) {
        Relevance relevance = candidate.relevance;
        return switch (type) {
            // Insiders of the target companies, recruiters and hiring managers there. Whoever holds the role the
            // owner wants is asked for advice directly: a light request needs no introduction.
            case JOB_SEARCH -> relevance.has(TargetMatch.Kind.COMPANY) || candidate.signal.keyPerson();
            case INFORMATION -> relevance.has(TargetMatch.Kind.COMPANY) || relevance.has(TargetMatch.Kind.ROLE);
            // The prospects: decision makers within the targets, anyone at a target company.
            case COMMERCIAL_PROSPECTING -> relevance.has(TargetMatch.Kind.COMPANY) || candidate.signal.keyPerson();
            // Whoever covers a need.
            case BUSINESS_CREATION -> relevance.has(TargetMatch.Kind.NEED);
            // Reputation is built in the open: engaging with people's content needs no introduction.
            case E_REPUTATION -> false;
        };
    }

    /**
     * What the relationship brings to the objective. The sweet spot of the research (Rajkumar et al.
     * 2022) is about finding a job and information; prospecting and business creation ask for
     * referrals, partnerships, money, which rest on trust: there half of it is the warmth of the tie.
     */
    private double relationshipValue(RankableTie tie, Ranking ranking) {
        double sweet = sweetSpot.value(tie);
        return switch (ranking.type) {
            case COMMERCIAL_PROSPECTING -> round(0.25 * sweet + 0.75 * warmth(tie, ranking));
            case BUSINESS_CREATION -> round(0.5 * sweet + 0.5 * warmth(tie, ranking));
            default -> sweet;
        };
    }

    /**
     * Whether a contact is whom the objective looks for, to be recommended directly (DOMAIN.md
     * section 5, "each objective is its own search"): prospecting asks decision makers in the target
     * sectors or companies (or, when the target roles name no decider, those who hold them: the buyers),
     * clients and partners; anyone else at a target company is an insider, who may introduce the owner
     * to them. Business creation asks those who cover a need
     * or bring what founders lack; a job search, those in a target sector, company or role, and
     * recruiters (a place alone is no lead to a job; a stranger only inside a target company). Information and reputation take anyone the
     * targets point at.
     */
    private static boolean ownSearch(ObjectiveType type, Relevance relevance, ObjectiveSignals.Signal signal,
                                     RelevanceMatcher.PreparedTargets targets, TieClass tieClass) {
        return switch (type) {
            // A job search: those in a target sector, company or role, and recruiters; a stranger (a NASCENT tie) only
            // inside a target company, where they can speak of the team and its openings, not for sharing a sector or a title.
            case JOB_SEARCH -> signal.standsAlone() || !targets.namesWhom() || relevance.has(TargetMatch.Kind.COMPANY)
                    || (tieClass != TieClass.NASCENT && (relevance.has(TargetMatch.Kind.SECTOR) || relevance.has(TargetMatch.Kind.ROLE)
                        || relevance.has(TargetMatch.Kind.PAST_COMPANY)));
            // Prospects: decision makers, in a target sector (their own, not one they serve) or company, and in the
            // territory, when the objective names them; existing clients and partners always, for their referrals.
            // A role target that names deciders ("Head of Product", "DAF") narrows to them; one that names none
            // ("pharmacien") names who buys.
            case COMMERCIAL_PROSPECTING -> signal.standsAlone()
                    || ((signal.value() > 0 || (relevance.has(TargetMatch.Kind.ROLE) && !targets.namesDecidingRoles()))
                        && (!targets.namesSectorsOrCompanies() || relevance.inOwnSector() || relevance.has(TargetMatch.Kind.COMPANY))
                        && (!targets.namesTerritory() || relevance.has(TargetMatch.Kind.LOCATION) || relevance.has(TargetMatch.Kind.SCALE)));
            case BUSINESS_CREATION -> relevance.has(TargetMatch.Kind.NEED) || signal.value() > 0;
            default -> true;
        };
    }

    /** A tie the owner can simply ask: a STRONG one, or a WEAK one with a reciprocated exchange. */
    private static boolean goodDirectAsk(RankableTie tie, Ranking ranking) {
        return tie.tieClass() == TieClass.STRONG
                || (tie.tieClass() == TieClass.WEAK && ranking.reciprocated(tie));
    }

    /**
     * How warm an intermediary is, who would gladly pass on a name: 0.8 to 1 for a STRONG or
     * reciprocated tie, 0.5 to 0.7 for another WEAK one, 0.4 to 0.5 for a DORMANT one that was strong
     * and 0.3 to 0.4 for another; a NASCENT tie is never asked. Within a band, the stronger (or, for a
     * dormant tie, the once stronger) the warmer.
     */
    private double warmth(RankableTie tie, Ranking ranking) {
        double strength = Math.max(0, Math.min(1, tie.tie().strength()));
        if (tie.tieClass() == TieClass.NASCENT) {
            return 0;
        }
        if (tie.tieClass() == TieClass.STRONG || ranking.reciprocated(tie)) {
            return 0.8 + 0.2 * strength;
        }
        double peak = Math.max(0, Math.min(1, tie.tie().peakStrength()));
        return switch (tie.tieClass()) {
            case WEAK -> 0.5 + 0.2 * strength;
            case DORMANT -> (sweetSpot.formerlyStrong(tie) ? 0.4 : 0.3) + 0.1 * peak;
            default -> 0;
        };
    }

    /**
     * The key people whose warm path could reach the pool the re-ranking looks at: a path scores at
     * most as with the warmest intermediary, so one whose best possible score falls below the pool's
     * last place is not worth looking for (most of them, in a large network).
     */
    private List<Candidate> worthAPath(Ranking ranking, List<Candidate> keyPeople, Map<String, Candidate> best) {
        int poolSize = Math.max(ranking.request.limit() * parameters.diversity().poolFactor(), ranking.request.limit());
        if (keyPeople.isEmpty() || best.size() < poolSize) {
            return keyPeople;
        }
        double[] bases = new double[best.size()];
        int i = 0;
        for (Candidate candidate : best.values()) {
            bases[i++] = candidate.base;
        }
        java.util.Arrays.sort(bases);
        double threshold = bases[bases.length - poolSize];
        List<Candidate> worth = new ArrayList<>();
        for (Candidate key : keyPeople) {
            if (round(PATH_DISCOUNT * ranking.score(key.relevance, 1.0, key.bridge.value(), key.signal, null)) >= threshold) {
                worth.add(key);
            }
        }
        return worth;
    }

    /**
     * @param possibleIntermediaries the ties that could be asked to pass on a name: not NASCENT, not left
     *                               out, not in conversation; their lists are the only ones worth reading
     *                               (reading every list is most of the cost of this step)
     */
    private void addWarmPaths(Ranking ranking, List<Candidate> keyPeople, List<RankableTie> possibleIntermediaries,
                              Map<String, Candidate> best) {
        if (keyPeople.isEmpty()) {
            return;
        }
        Map<String, RankableTie> intermediaries = new HashMap<>(possibleIntermediaries.size() * 2);
        for (RankableTie tie : possibleIntermediaries) {
            intermediaries.put(tie.contactId(), tie);
        }
        // Who lists whom: a key person may appear in others' mutual contacts without listing them back.
        Set<String> keyIds = new java.util.HashSet<>();
        keyPeople.forEach(k -> keyIds.add(k.tie.contactId()));
        Map<String, List<String>> listedBy = new HashMap<>();
        for (RankableTie tie : intermediaries.values()) {
            Contact contact = tie.contact();
            if (contact != null && contact.mutualContactIds() != null) {
                for (String id : contact.mutualContactIds()) {
                    if (keyIds.contains(id)) {
                        listedBy.computeIfAbsent(id, k -> new ArrayList<>()).add(tie.contactId());
                    }
                }
            }
        }
        for (Candidate key : keyPeople) {
            Set<String> acquaintances = new LinkedHashSet<>();
            Contact contact = key.tie.contact();
            if (contact != null && contact.mutualContactIds() != null) {
                acquaintances.addAll(contact.mutualContactIds());
            }
            acquaintances.addAll(listedBy.getOrDefault(key.tie.contactId(), List.of()));
            Candidate bestPath = null;
            for (String id : acquaintances) {
                RankableTie intermediary = intermediaries.get(id);
                if (intermediary == null || id.equals(key.tie.contactId())) {
                    continue;
                }
                double warmth = warmth(intermediary, ranking);
                if (warmth <= 0) {
                    continue;
                }
                Candidate path = new Candidate(intermediary, key.tie, key.relevance, key.signal, key.bridge, warmth,
                        round(PATH_DISCOUNT * ranking.score(key.relevance, warmth, key.bridge.value(), key.signal, null)));
                if (bestPath == null || BEST_FIRST.compare(path, bestPath) < 0) {
                    bestPath = path;
                }
            }
            if (bestPath != null) {
                keep(best, bestPath);
            }
        }
    }

    private record Picked(Candidate candidate, double score) {
    }

    /**
     * Greedy maximal marginal relevance over the best candidates: each pick maximises
     * {@code base − penalty · (highest similarity to a contact already picked)}. For business
     * creation, once the places left are no more than the needs held but not yet covered, only a
     * candidate covering one of them is picked.
     */
    private List<Picked> diversify(Ranking ranking, List<Candidate> candidates, Set<String> needsHeld) {
        RankingParameters.Diversity diversity = parameters.diversity();
        int limit = ranking.request.limit();
        candidates.sort(BEST_FIRST);
        int poolSize = Math.min(candidates.size(), Math.max(limit * diversity.poolFactor(), limit));
        List<Candidate> pool = new ArrayList<>(candidates.subList(0, poolSize));
        Set<String> uncovered = new LinkedHashSet<>();
        if (ranking.type == ObjectiveType.BUSINESS_CREATION) {
            uncovered.addAll(needsHeld);
            // A need whose only coverers fall outside the pool still gets its best one in.
            for (String need : needsHeld) {
                if (pool.stream().noneMatch(c -> need.equals(c.need()))) {
                    candidates.stream().filter(c -> need.equals(c.need())).findFirst().ifPresent(pool::add);
                }
            }
        }
        pool.forEach(candidate -> candidate.describe(ranking.memo));
        boolean sectorTargeted = !ranking.targets.sectorWordings().isEmpty();
        List<Picked> picked = new ArrayList<>();
        boolean active = diversity.penalty() > 0 && diversity.similarityWeight() > 0;
        while (picked.size() < limit && !pool.isEmpty()) {
            boolean mustCover = !uncovered.isEmpty() && uncovered.size() >= limit - picked.size();
            int bestIndex = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                Candidate candidate = pool.get(i);
                if (mustCover && !uncovered.contains(candidate.need())) {
                    continue;
                }
                double adjusted = round(candidate.base - (active ? diversity.penalty() * candidate.redundancy : 0));
                if (adjusted > bestScore || (adjusted == bestScore && tieBreak(candidate, pool.get(bestIndex)) < 0)) {
                    bestScore = adjusted;
                    bestIndex = i;
                }
            }
            if (bestIndex < 0) {
                uncovered.clear();
                continue;
            }
            Candidate chosen = pool.remove(bestIndex);
            picked.add(new Picked(chosen, Math.max(0, bestScore)));
            uncovered.remove(chosen.need());
            // One way to each person: once someone is in the list, directly or through a path, no other way to them is.
            pool.removeIf(candidate -> samePerson(candidate, chosen));
            if (active) {
                for (Candidate candidate : pool) {
                    candidate.redundancy = Math.max(candidate.redundancy,
                            similarity(candidate, chosen, diversity, sectorTargeted, ranking.type));
                }
            }
        }
        picked.sort(Comparator.comparingDouble(Picked::score).reversed()
                .thenComparing((a, b) -> tieBreak(a.candidate(), b.candidate())));
        return picked;
    }

    /** A warm path and a direct candidate (or another path) about the same person. */
    private static boolean samePerson(Candidate a, Candidate b) {
        return a.subject().contactId().equals(b.subject().contactId());
    }

    /**
     * The weighted share of company, sector and city two contacts have in common (for business creation,
     * two who cover the same need are fully alike). When the objective names sectors, sharing
     * one is what the owner asked for, not redundancy, so it does not count.
     */
    private static double similarity(Candidate a, Candidate b, RankingParameters.Diversity diversity, boolean sectorTargeted,
                                     ObjectiveType type) {
        // A founder needs a spread of skills: a second person for a need already in the list is as redundant as
        // the same person twice, so a lawyer or an investor comes before a sixth first customer.
        if (type == ObjectiveType.BUSINESS_CREATION && a.need() != null && a.need().equals(b.need())) {
            return 1.0;
        }
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

    private Recommendation recommendation(Ranking ranking, Candidate candidate, double score) {
        RankingRequest request = ranking.request;
        RankableTie tie = candidate.tie;
        OwnerProfile owner = request.ownerProfile();
        String language = languageOf(request.objective(), owner);
        OutreachGuardrail.Verdict verdict;
        Recommendation.IntroductionTarget introduction = null;
        if (candidate.keyPerson != null) {
            verdict = new OutreachGuardrail.Verdict(OutreachPlan.light(Action.ASK_INTRODUCTION), null);
            introduction = new Recommendation.IntroductionTarget(candidate.keyPerson.contactId(), candidate.keyPerson.displayName());
        } else {
            boolean recruiter = candidate.signal.reasons().contains(ReasonCode.RECRUITER);
            boolean decisionMaker = candidate.signal.reasons().contains(ReasonCode.DECISION_MAKER);
            OutreachPlan proposed = planner.plan(ranking.type, tie, candidate.relevance, ranking.targets, recruiter, decisionMaker);
            verdict = guardrail.apply(proposed, tie, owner, request.now());
        }
        if (!guardrail.permits(verdict.plan(), tie, owner, request.now())) {
            throw new IllegalStateException("a committing request the relationship does not allow, for contact " + tie.contactId());
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
                introduction,
                reasons(ranking, language, candidate, verdict),
                composer.compose(language, verdict.plan().action(), tie, candidate.keyPerson, candidate.relevance, owner,
                        request.objective(), request.now()),
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
    private record Weights(double relevance, double sweetSpot, double bridging, double signal) {
        double total() {
            return relevance + sweetSpot + bridging + signal;
        }
    }

    private Weights weightsFor(ObjectiveType type) {
        RankingParameters.ScoreWeights w = parameters.score();
        RankingParameters.Emphasis emphasis = parameters.emphasis();
        double bridging = w.bridging() * (type == ObjectiveType.E_REPUTATION ? emphasis.reputationBridgingFactor() : 1);
        // Prospecting and business creation are searches for kinds of people (decision makers, clients, the
        // skills a founder lacks) more than for places in the network: their signal weighs twice as much.
        double signal = switch (type) {
            case INFORMATION -> 0;
            case COMMERCIAL_PROSPECTING, BUSINESS_CREATION -> 2 * emphasis.profileWeight();
            case JOB_SEARCH, E_REPUTATION -> emphasis.profileWeight();
        };
        if (w.relevance() + w.sweetSpot() + bridging + signal <= 0) {
            return new Weights(w.relevance(), w.sweetSpot(), w.bridging(), 0);
        }
        return new Weights(w.relevance(), w.sweetSpot(), bridging, signal);
    }

    // Four decimals: enough to order, and stable in JSON.
    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private List<Recommendation.Reason> reasons(Ranking ranking, String language, Candidate candidate, OutreachGuardrail.Verdict verdict) {
        RankableTie tie = candidate.tie;
        RankableTie subject = candidate.subject();
        List<Recommendation.Reason> reasons = new ArrayList<>();
        if (candidate.keyPerson != null) {
            reasons.add(reason(ReasonCode.KNOWS_TARGET_PERSON, language, candidate.keyPerson.displayName()));
        }
        boolean recruiter = candidate.signal.reasons().contains(ReasonCode.RECRUITER);
        for (TargetMatch match : candidate.relevance.matches()) {
            if (match.kind() == TargetMatch.Kind.ROLE && recruiter) {
                continue; // they recruit for the role, they do not hold it: RECRUITER says so
            }
            ReasonCode code = switch (match.kind()) {
                case SECTOR -> subject.tieClass() == TieClass.WEAK && candidate.keyPerson == null
                        ? ReasonCode.WEAK_TIE_IN_TARGET_SECTOR : ReasonCode.IN_TARGET_SECTOR;
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
        for (ReasonCode code : candidate.signal.reasons()) {
            reasons.add(reason(code, language, null));
        }
        if (candidate.keyPerson == null) {
            if (sweetSpot.isModeratelyWeak(tie)) {
                reasons.add(reason(ReasonCode.MODERATELY_WEAK_TIE, language, null));
            } else if (sweetSpot.formerlyStrong(tie)) {
                reasons.add(reason(ReasonCode.DORMANT_FORMERLY_STRONG, language, null));
            } else if (tie.tieClass() == TieClass.DORMANT) {
                reasons.add(reason(ReasonCode.DORMANT_REACTIVATION, language, null));
            } else if (tie.tieClass() == TieClass.NASCENT) {
                reasons.add(reason(ReasonCode.NASCENT_TIE, language, null));
            }
            if (tie.tieClass() == TieClass.DORMANT && recentGesture(tie, ranking)) {
                reasons.add(reason(ReasonCode.RECENT_GESTURE_ON_DORMANT_TIE, language, null));
            }
            if (ranking.digital && tie.tieClass() == TieClass.WEAK) {
                reasons.add(reason(ReasonCode.WEAK_TIE_DIGITAL_SECTOR, language, null));
            }
        }
        Contact contact = subject.contact();
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

    /** A dormant tie whose last interaction (a reaction or a comment: it did not wake the tie) is within the reciprocity window. */
    private static boolean recentGesture(RankableTie tie, Ranking ranking) {
        Instant last = tie.tie().lastInteractionAt();
        return last != null && last.isAfter(ranking.request.now().minus(ranking.window));
    }

    private static Recommendation.Reason reason(ReasonCode code, String language, String target) {
        return new Recommendation.Reason(code.name(), code.text(language, target));
    }
}
