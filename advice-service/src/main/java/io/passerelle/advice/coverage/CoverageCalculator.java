package io.passerelle.advice.coverage;

import io.passerelle.advice.Objective;
import io.passerelle.advice.ranking.RankableTie;
import io.passerelle.advice.ranking.Relevance;
import io.passerelle.advice.ranking.RelevanceMatcher;
import io.passerelle.advice.ranking.TargetMatch;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes an objective's coverage: which ties reach each of its targets, by the matching rules of
 * the ranking ({@link RelevanceMatcher}, one target at a time), and for a target that no STRONG or
 * WEAK tie reaches, the best next step:
 * <ol>
 * <li>a DORMANT tie reaches it: reactivate them (the one who was once strongest: Levin et al.,
 * formerly strong dormant ties keep their trust);</li>
 * <li>else a STRONG or WEAK tie lists, or is listed by, a tie who reaches it in {@code mutualContactIds}:
 * ask them for that named person (the strongest such intermediary: the request is light);</li>
 * <li>else look for events or groups about the target.</li>
 * </ol>
 * Erased contacts are not among the ties, so they are neither counted nor named, even where another
 * contact still lists them.
 */
public final class CoverageCalculator {
    private static final List<TargetMatch.Kind> KINDS = List.of(TargetMatch.Kind.SECTOR, TargetMatch.Kind.ROLE, TargetMatch.Kind.COMPANY,
            TargetMatch.Kind.LOCATION, TargetMatch.Kind.SCALE, TargetMatch.Kind.TOPIC, TargetMatch.Kind.NEED);
    private static final Comparator<RankableTie> ONCE_STRONGEST_FIRST = Comparator
            .comparingDouble((RankableTie t) -> -Math.max(t.tie().peakStrength(), t.tie().strength()))
            .thenComparing(RankableTie::contactId);
    private static final Comparator<RankableTie> STRONGEST_FIRST = Comparator
            .comparingDouble((RankableTie t) -> -t.tie().strength()).thenComparing(RankableTie::contactId);

    private final RelevanceMatcher matcher;

    public CoverageCalculator(RelevanceMatcher matcher) {
        this.matcher = matcher;
    }

    /**
     * @param language the language of the next steps' texts ({@code fr} or {@code en}), as the ranking
     *                 picks it for the objective's messages
     */
    public ObjectiveCoverage compute(Objective objective, OwnerProfile owner, List<RankableTie> ties, String language, Instant now) {
        RelevanceMatcher.PreparedTargets prepared = matcher.prepare(objective, owner);
        Acquaintances acquaintances = new Acquaintances(ties);
        List<TargetCoverage> targets = new ArrayList<>();
        for (TargetMatch.Kind kind : KINDS) {
            for (String wording : new LinkedHashSet<>(prepared.wordings(kind))) {
                RelevanceMatcher.PreparedTargets one = prepared.narrowedTo(kind, wording);
                List<RankableTie> reaching = new ArrayList<>();
                for (RankableTie tie : ties) {
                    if (reaches(one.match(tie), kind)) {
                        reaching.add(tie);
                    }
                }
                targets.add(coverage(kind, wording, reaching, acquaintances, "fr".equals(language) ? "fr" : "en"));
            }
        }
        return new ObjectiveCoverage(objective.objectiveId(), now, targets);
    }

    private static boolean reaches(Relevance relevance, TargetMatch.Kind kind) {
        for (TargetMatch match : relevance.matches()) {
            // Someone who used to work at a target company still knows it from the inside.
            if (match.kind() == kind || (kind == TargetMatch.Kind.COMPANY && match.kind() == TargetMatch.Kind.PAST_COMPANY)) {
                return true;
            }
        }
        return false;
    }

    private static TargetCoverage coverage(TargetMatch.Kind kind, String target, List<RankableTie> reaching, Acquaintances acquaintances,
                                           String language) {
        Map<TieClass, Integer> byClass = new EnumMap<>(TieClass.class);
        for (TieClass tieClass : TieClass.values()) {
            byClass.put(tieClass, 0);
        }
        Map<GeographicScale, Integer> byScale = new EnumMap<>(GeographicScale.class);
        for (GeographicScale scale : GeographicScale.values()) {
            byScale.put(scale, 0);
        }
        for (RankableTie tie : reaching) {
            byClass.merge(tie.tieClass(), 1, Integer::sum);
            byScale.merge(tie.tie().geographicScale() == null ? GeographicScale.UNKNOWN : tie.tie().geographicScale(), 1, Integer::sum);
        }
        boolean reachedByAnActiveTie = byClass.get(TieClass.STRONG) + byClass.get(TieClass.WEAK) > 0;
        NextStep next = reachedByAnActiveTie ? null : nextStep(kind, target, reaching, acquaintances, language);
        return new TargetCoverage(kind, target, reaching.size(), byClass, byScale, next);
    }

    private static NextStep nextStep(TargetMatch.Kind kind, String target, List<RankableTie> reaching, Acquaintances acquaintances,
                                     String language) {
        String label = NextStepTexts.label(kind, target, language);
        RankableTie dormant = reaching.stream().filter(t -> t.tieClass() == TieClass.DORMANT).min(ONCE_STRONGEST_FIRST).orElse(null);
        if (dormant != null) {
            return new NextStep(NextStep.Kind.REACTIVATE, dormant.contactId(), dormant.displayName(), null,
                    NextStepTexts.reactivate(language, dormant.displayName(), label));
        }
        RankableTie bestPerson = null;
        RankableTie bestIntermediary = null;
        for (RankableTie person : reaching.stream().sorted(Comparator.comparing(RankableTie::contactId)).toList()) {
            RankableTie intermediary = acquaintances.warmestOf(person);
            if (intermediary != null && (bestIntermediary == null || STRONGEST_FIRST.compare(intermediary, bestIntermediary) < 0)) {
                bestPerson = person;
                bestIntermediary = intermediary;
            }
        }
        if (bestPerson != null) {
            return new NextStep(NextStep.Kind.ASK_FOR_INTRODUCTION, bestPerson.contactId(), bestPerson.displayName(),
                    new NextStep.Person(bestIntermediary.contactId(), bestIntermediary.displayName()),
                    NextStepTexts.askForIntroduction(language, bestIntermediary.displayName(), bestPerson.displayName(), label));
        }
        return new NextStep(NextStep.Kind.LOOK_FOR_EVENTS, null, null, null, NextStepTexts.lookForEvents(language, kind, target));
    }

    /** Who could introduce whom: the STRONG and WEAK ties, and who lists whom in {@code mutualContactIds}, either way. */
    private static final class Acquaintances {
        private final Map<String, RankableTie> askable = new HashMap<>();
        private final Map<String, List<RankableTie>> listedBy = new HashMap<>();

        Acquaintances(List<RankableTie> ties) {
            for (RankableTie tie : ties) {
                if (tie.tieClass() == TieClass.STRONG || tie.tieClass() == TieClass.WEAK) {
                    askable.put(tie.contactId(), tie);
                    Contact contact = tie.contact();
                    if (contact != null && contact.mutualContactIds() != null) {
                        for (String id : contact.mutualContactIds()) {
                            listedBy.computeIfAbsent(id, k -> new ArrayList<>()).add(tie);
                        }
                    }
                }
            }
        }

        /** The strongest STRONG or WEAK tie who knows the person, or null. */
        RankableTie warmestOf(RankableTie person) {
            Set<RankableTie> known = new LinkedHashSet<>(listedBy.getOrDefault(person.contactId(), List.of()));
            Contact contact = person.contact();
            if (contact != null && contact.mutualContactIds() != null) {
                for (String id : contact.mutualContactIds()) {
                    RankableTie tie = askable.get(id);
                    if (tie != null) {
                        known.add(tie);
                    }
                }
            }
            return known.stream().filter(t -> !t.contactId().equals(person.contactId())).min(STRONGEST_FIRST).orElse(null);
        }
    }
}
