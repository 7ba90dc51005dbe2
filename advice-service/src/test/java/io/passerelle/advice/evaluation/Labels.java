package io.passerelle.advice.evaluation;

import io.passerelle.contracts.model.Recommendation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a career coach expects of one owner's ranking for one objective, written from DOMAIN.md
 * (sections 3 and 5) before looking at any output of the ranker.
 *
 * <ul>
 *   <li><b>Relevance</b>, graded: 2 = the coach wants this person in the top ten, 1 = acceptable.
 *       A grade is given to a contact recommended directly (whatever the action: a wrong action is a
 *       rule violation, not a relevance matter), or to a warm path: this intermediary asked to
 *       introduce the owner to that named person.</li>
 *   <li><b>Never</b>: contacts that must not appear at all, directly or as the person to be
 *       introduced to, with the rule that forbids it.</li>
 *   <li><b>Needs</b> (business creation): who in the network holds each declared need.</li>
 * </ul>
 */
final class Labels {
    record Graded(int grade, String why) {
    }

    private final Map<String, Graded> direct = new LinkedHashMap<>();
    private final Map<String, Map<String, Graded>> warmPaths = new LinkedHashMap<>();
    private final Map<String, String> never = new LinkedHashMap<>();
    private final Map<String, Set<String>> needHolders = new LinkedHashMap<>();

    /** Contacts worth recommending directly. */
    Labels relevant(int grade, String why, String... contactIds) {
        requireGrade(grade);
        for (String id : contactIds) {
            if (direct.containsKey(id)) {
                throw new IllegalArgumentException("graded twice: " + id);
            }
            direct.put(id, new Graded(grade, why));
        }
        return this;
    }

    /** The intermediary asked to introduce the owner to the named target. */
    Labels warmPath(int grade, String intermediary, String target, String why) {
        requireGrade(grade);
        Map<String, Graded> targets = warmPaths.computeIfAbsent(intermediary, k -> new LinkedHashMap<>());
        if (targets.containsKey(target)) {
            throw new IllegalArgumentException("warm path graded twice: " + intermediary + " -> " + target);
        }
        targets.put(target, new Graded(grade, why));
        return this;
    }

    Labels never(String rule, String... contactIds) {
        for (String id : contactIds) {
            never.put(id, rule);
        }
        return this;
    }

    Labels need(String need, String... holders) {
        needHolders.computeIfAbsent(need, k -> new LinkedHashSet<>()).addAll(List.of(holders));
        return this;
    }

    Map<String, Graded> direct() {
        return Collections.unmodifiableMap(direct);
    }

    Map<String, Map<String, Graded>> warmPaths() {
        return Collections.unmodifiableMap(warmPaths);
    }

    Map<String, String> never() {
        return Collections.unmodifiableMap(never);
    }

    Map<String, Set<String>> needHolders() {
        return Collections.unmodifiableMap(needHolders);
    }

    /** Every contact id the labels name, for the fixture's consistency checks. */
    Set<String> mentionedIds() {
        Set<String> ids = new LinkedHashSet<>(direct.keySet());
        warmPaths.forEach((intermediary, targets) -> {
            ids.add(intermediary);
            ids.addAll(targets.keySet());
        });
        ids.addAll(never.keySet());
        needHolders.values().forEach(ids::addAll);
        return ids;
    }

    /** The grade of one recommendation: its warm path's if that path is labelled and better, else the contact's own. */
    int gradeOf(Recommendation recommendation) {
        int grade = gradeOfContact(recommendation.contactId());
        if (recommendation.introductionTo() != null) {
            Graded path = warmPaths.getOrDefault(recommendation.contactId(), Map.of())
                    .get(recommendation.introductionTo().contactId());
            if (path != null) {
                grade = Math.max(grade, path.grade());
            }
        }
        return grade;
    }

    private int gradeOfContact(String contactId) {
        Graded graded = direct.get(contactId);
        return graded == null ? 0 : graded.grade();
    }

    /**
     * The grades of the best list the labels allow: one entry per contact (a contact appears once
     * in a list), its best grade directly or as an intermediary, highest first.
     */
    List<Integer> idealGrades() {
        List<Integer> grades = new ArrayList<>(bestGrades().values());
        grades.sort(Comparator.reverseOrder());
        return grades;
    }

    /** Each labelled contact's best grade, directly or as an intermediary. */
    Map<String, Integer> bestGrades() {
        Map<String, Integer> best = new LinkedHashMap<>();
        direct.forEach((id, graded) -> best.merge(id, graded.grade(), Math::max));
        warmPaths.forEach((id, targets) -> targets.values().forEach(g -> best.merge(id, g.grade(), Math::max)));
        best.values().removeIf(g -> g <= 0);
        return best;
    }

    /**
     * The people every list of ideal quality (by these labels) holds in its top {@code k}, and those
     * among whom it chooses the rest: the contacts graded above the k-th best grade are in every
     * ideal list, the rest is any choice among those of exactly that grade.
     */
    IdealTop idealTop(int k) {
        Map<String, Integer> best = bestGrades();
        List<Integer> grades = idealGrades();
        if (grades.size() <= k) {
            return new IdealTop(Set.copyOf(best.keySet()), Set.of(), 0);
        }
        int boundary = grades.get(k - 1);
        Set<String> forced = new LinkedHashSet<>();
        Set<String> candidates = new LinkedHashSet<>();
        best.forEach((id, grade) -> (grade > boundary ? forced : grade == boundary ? candidates : new LinkedHashSet<String>()).add(id));
        return new IdealTop(forced, candidates, k - forced.size());
    }

    /** An ideal top: {@code forced}, plus any {@code chosen} of the {@code candidates}. */
    record IdealTop(Set<String> forced, Set<String> candidates, int chosen) {
        int size() {
            return forced.size() + chosen;
        }
    }

    /** Whether a coach expects anyone at all in the list. */
    boolean expectsPeople() {
        return !idealGrades().isEmpty();
    }

    private static void requireGrade(int grade) {
        if (grade < 1 || grade > 2) {
            throw new IllegalArgumentException("grades are 1 (acceptable) or 2 (wanted in the top ten)");
        }
    }
}
