package io.passerelle.advice.evaluation;

import io.passerelle.advice.evaluation.AdviceRules.Violation;
import io.passerelle.advice.ranking.RankableTie;
import io.passerelle.advice.ranking.RankingRequest;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.Tie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Ranks every owner for every objective of the evaluation (limit {@value #LIMIT}), scores each list
 * against the labels ({@link RankingMetrics}), checks it against the rules ({@link AdviceRules}),
 * and writes the report in Markdown.
 */
final class RankingEvaluation {
    static final int LIMIT = 10;

    record RunResult(EvaluationRun run, Map<String, Tie> ties, List<Recommendation> top, List<Integer> grades,
                     double precision, double ndcg, List<Violation> violations) {
    }

    /**
     * The owner's three objective types on one target set: how many contacts each pair shares, and
     * the fewest that two lists of ideal quality by the labels could share ({@link #leastIdealOverlap}).
     */
    record OverlapResult(String owner, Map<String, Integer> shared, Map<String, LabelFloor> labelFloor, List<Violation> violations) {
    }

    /** The fewest contacts two ideal top tens of a pair share, of the shorter of the two. */
    record LabelFloor(int shared, int shorter) {
        /** Whether even lists of ideal quality share half or more: the goal is out of the labels' reach. */
        boolean halfOrMore() {
            return shorter > 0 && 2 * shared >= shorter;
        }

        @Override
        public String toString() {
            return shared + " of " + shorter;
        }
    }

    private final List<RunResult> runs;
    private final List<OverlapResult> overlaps;

    private RankingEvaluation(List<RunResult> runs, List<OverlapResult> overlaps) {
        this.runs = List.copyOf(runs);
        this.overlaps = List.copyOf(overlaps);
    }

    static RankingEvaluation of(List<EvaluationOwner> owners, Function<RankingRequest, List<Recommendation>> ranker) {
        List<RunResult> runs = new ArrayList<>();
        List<OverlapResult> overlaps = new ArrayList<>();
        for (EvaluationOwner owner : owners) {
            Network network = owner.network();
            List<RankableTie> ties = EvaluationTies.of(network);
            Map<String, Tie> tiesById = new LinkedHashMap<>();
            ties.forEach(t -> tiesById.put(t.contactId(), t.tie()));
            Map<ObjectiveType, List<Recommendation>> sameTargets = new LinkedHashMap<>();
            Map<ObjectiveType, Labels> sameTargetLabels = new LinkedHashMap<>();
            for (EvaluationRun run : owner.runs()) {
                List<Recommendation> ranked = ranker.apply(new RankingRequest(network.ownerId(), run.objective(), network.owner(), ties, LIMIT, network.now()));
                List<Recommendation> top = List.copyOf(ranked.subList(0, Math.min(LIMIT, ranked.size())));
                List<Integer> grades = RankingMetrics.grades(top, run.labels(), LIMIT);
                runs.add(new RunResult(run, tiesById, top, grades,
                        RankingMetrics.precisionAt(LIMIT, grades),
                        RankingMetrics.ndcgAt(LIMIT, grades, run.labels().idealGrades()),
                        AdviceRules.check(run, tiesById, top)));
                if (run.sameTargets()) {
                    sameTargets.put(run.type(), top);
                    sameTargetLabels.put(run.type(), run.labels());
                }
            }
            overlaps.add(new OverlapResult(owner.name(), sharedCounts(sameTargets), labelFloors(sameTargetLabels), AdviceRules.overlap(owner.name(), sameTargets)));
        }
        return new RankingEvaluation(runs, overlaps);
    }

    private static Map<String, Integer> sharedCounts(Map<ObjectiveType, List<Recommendation>> tops) {
        Map<String, Integer> shared = new LinkedHashMap<>();
        List<ObjectiveType> types = new ArrayList<>(tops.keySet());
        for (int i = 0; i < types.size(); i++) {
            for (int j = i + 1; j < types.size(); j++) {
                var a = AdviceRules.contactIds(tops.get(types.get(i)));
                a.retainAll(AdviceRules.contactIds(tops.get(types.get(j))));
                shared.put(abbreviation(types.get(i)) + "∩" + abbreviation(types.get(j)), a.size());
            }
        }
        return shared;
    }

    private static Map<String, LabelFloor> labelFloors(Map<ObjectiveType, Labels> labels) {
        Map<String, LabelFloor> floors = new LinkedHashMap<>();
        List<ObjectiveType> types = new ArrayList<>(labels.keySet());
        for (int i = 0; i < types.size(); i++) {
            for (int j = i + 1; j < types.size(); j++) {
                Labels.IdealTop a = labels.get(types.get(i)).idealTop(LIMIT);
                Labels.IdealTop b = labels.get(types.get(j)).idealTop(LIMIT);
                floors.put(abbreviation(types.get(i)) + "∩" + abbreviation(types.get(j)),
                        new LabelFloor(leastIdealOverlap(a, b), Math.min(a.size(), b.size())));
            }
        }
        return floors;
    }

    /**
     * The fewest contacts two top lists can share when each is of ideal quality by its own labels
     * (the highest nDCG@10 they allow): what the labels themselves leave of an overlap, whatever the
     * ranker. A list {@code a} holds its forced contacts and {@code a.chosen()} of its candidates,
     * split between those that are nowhere in {@code b} ({@code n0}), among {@code b}'s candidates
     * ({@code n1}) and among {@code b}'s forced ({@code n2}); {@code b} then fills its own choice
     * with candidates outside {@code a} first.
     */
    static int leastIdealOverlap(Labels.IdealTop a, Labels.IdealTop b) {
        int forcedShared = count(a.forced(), b.forced());
        int aForcedAmongBCandidates = count(a.forced(), b.candidates());
        int outside = 0;
        int amongCandidates = 0;
        int amongForced = 0;
        for (String id : a.candidates()) {
            if (b.forced().contains(id)) {
                amongForced++;
            } else if (b.candidates().contains(id)) {
                amongCandidates++;
            } else {
                outside++;
            }
        }
        int least = Integer.MAX_VALUE;
        for (int n2 = 0; n2 <= Math.min(amongForced, a.chosen()); n2++) {
            for (int n1 = 0; n1 <= Math.min(amongCandidates, a.chosen() - n2); n1++) {
                int n0 = a.chosen() - n2 - n1;
                if (n0 > outside) {
                    continue;
                }
                int bFreeCandidates = b.candidates().size() - aForcedAmongBCandidates - n1;
                least = Math.min(least, forcedShared + n2 + Math.max(0, b.chosen() - bFreeCandidates));
            }
        }
        return least;
    }

    private static int count(java.util.Set<String> a, java.util.Set<String> b) {
        return (int) a.stream().filter(b::contains).count();
    }

    /** The pairs for which even lists of ideal quality by the labels share half or more, "none" if there is none. */
    String unreachable() {
        List<String> pairs = new ArrayList<>();
        overlaps.forEach(o -> o.labelFloor().forEach((pair, floor) -> {
            if (floor.halfOrMore()) {
                pairs.add(o.owner() + " " + pair + " (" + floor + ")");
            }
        }));
        return pairs.isEmpty() ? "none" : String.join(", ", pairs);
    }

    List<RunResult> runs() {
        return runs;
    }

    List<OverlapResult> overlaps() {
        return overlaps;
    }

    /** Breaches of the rules of sound advice by the recommendations of every run. */
    List<Violation> violations() {
        List<Violation> all = new ArrayList<>();
        runs.forEach(r -> all.addAll(r.violations()));
        return all;
    }

    /** Pairs of objective types that share half or more of their top tens on one target set: the goal is none. */
    List<Violation> overlapShortfalls() {
        List<Violation> all = new ArrayList<>();
        overlaps.forEach(o -> all.addAll(o.violations()));
        return all;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Ranking evaluation (limit ").append(LIMIT).append(", as of ").append(EvaluationOwners.NOW).append(")\n\n");
        md.append("| owner | objective | P@10 | nDCG@10 | violations |\n|---|---|---:|---:|---:|\n");
        for (RunResult r : runs) {
            md.append("| ").append(r.run().owner()).append(" | ").append(r.run().name()).append(" | ")
                    .append(format(r.precision())).append(" | ").append(format(r.ndcg())).append(" | ")
                    .append(r.violations().size()).append(" |\n");
        }
        for (OverlapResult o : overlaps) {
            StringBuilder pairs = new StringBuilder("same targets, shared contacts: ");
            o.shared().forEach((pair, count) -> pairs.append(pair).append(' ').append(count)
                    .append(" (labels' floor ").append(o.labelFloor().get(pair)).append("), "));
            pairs.setLength(pairs.length() - 2);
            md.append("| ").append(o.owner()).append(" | ").append(pairs).append(" | | | ").append(o.violations().size())
                    .append(" pairs at half or more |\n");
        }
        double meanPrecision = runs.stream().mapToDouble(RunResult::precision).average().orElse(Double.NaN);
        double meanNdcg = runs.stream().mapToDouble(RunResult::ndcg).average().orElse(Double.NaN);
        md.append("| **all** | **mean over ").append(runs.size()).append(" runs** | **").append(format(meanPrecision))
                .append("** | **").append(format(meanNdcg)).append("** | **").append(violations().size()).append("** |\n\n");

        List<Violation> violations = violations();
        md.append("### Violations (").append(violations.size()).append(")\n\n");
        if (violations.isEmpty()) {
            md.append("None.\n");
        }
        Map<AdviceRules.Rule, Integer> byRule = new LinkedHashMap<>();
        for (AdviceRules.Rule rule : AdviceRules.Rule.values()) {
            int count = (int) violations.stream().filter(v -> v.rule() == rule).count();
            if (count > 0) {
                byRule.put(rule, count);
            }
        }
        if (!byRule.isEmpty()) {
            md.append("By rule: ");
            byRule.forEach((rule, count) -> md.append(rule).append(' ').append(count).append(", "));
            md.setLength(md.length() - 2);
            md.append("\n\n");
        }
        for (Violation v : violations) {
            md.append("- ").append(v.run()).append(" — **").append(v.rule()).append("**");
            if (v.contactId() != null) {
                md.append(" — ").append(v.displayName()).append(" (`").append(v.contactId()).append("`)");
            }
            md.append(": ").append(v.detail()).append('\n');
        }
        List<Violation> shortfalls = overlapShortfalls();
        md.append("\n### Same targets, three objectives (goal: every pair shares fewer than half of its top ten; ")
                .append(shortfalls.size()).append(" pairs short of it)\n\n")
                .append("The labels' floor of a pair is the fewest contacts two top tens of ideal quality by their own labels could share\n")
                .append("(each holding its best-graded people, the rest chosen among equals so as to differ most): what the labels\n")
                .append("themselves leave of the overlap, whatever the ranker. Pairs whose floor is already half or more: ")
                .append(unreachable()).append(".\n\n");
        for (Violation v : shortfalls) {
            md.append("- ").append(v.run()).append(": ").append(v.detail()).append('\n');
        }

        md.append("\n### Top ").append(LIMIT).append(" of each run\n");
        for (RunResult r : runs) {
            md.append("\n#### ").append(r.run().title()).append("\n\n");
            if (r.top().isEmpty()) {
                md.append("(empty)\n");
                continue;
            }
            md.append("| # | contact | role, company | tie | action | kind | introduction to | score | reasons | grade |\n|---:|---|---|---|---|---|---|---:|---|---:|\n");
            for (int i = 0; i < r.top().size(); i++) {
                Recommendation rec = r.top().get(i);
                var contact = r.run().network().contact(rec.contactId());
                Tie tie = r.ties().get(rec.contactId());
                md.append("| ").append(i + 1).append(" | ").append(rec.displayName())
                        .append(" | ").append(contact == null ? "?" : roleAndCompany(contact))
                        .append(" | ").append(tie == null ? "?" : tie.tieClass() + " " + format(tie.strength()))
                        .append(" | ").append(rec.action())
                        .append(" | ").append(rec.requestKind())
                        .append(" | ").append(rec.introductionTo() == null ? "" : rec.introductionTo().displayName())
                        .append(" | ").append(format(rec.score()))
                        .append(" | ").append(rec.reasons().stream().map(Recommendation.Reason::code).collect(java.util.stream.Collectors.joining(", ")))
                        .append(" | ").append(i < r.grades().size() ? r.grades().get(i) : 0)
                        .append(" |\n");
            }
        }
        md.append(tiesAppendix());
        return md.toString();
    }

    /** The ties the tie model computed for every hand-written contact, so that a reader can judge the rules. */
    private String tiesAppendix() {
        StringBuilder md = new StringBuilder("\n### Ties of the hand-written contacts (tie model, default parameters)\n");
        Map<String, RunResult> firstRunOfOwner = new LinkedHashMap<>();
        runs.forEach(r -> firstRunOfOwner.putIfAbsent(r.run().owner(), r));
        for (RunResult r : firstRunOfOwner.values()) {
            Network network = r.run().network();
            md.append("\n#### ").append(r.run().owner()).append(" (").append(network.contacts().size()).append(" contacts, ")
                    .append(network.interactions().size()).append(" interactions)\n\n");
            md.append("| contact | origin | role, company | tie | mutual contacts | reciprocated in 24 months |\n|---|---|---|---|---:|---|\n");
            network.contacts().forEach((id, contact) -> {
                if (id.startsWith("bg-")) {
                    return;
                }
                Tie tie = r.ties().get(id);
                md.append("| ").append(contact.displayName()).append(" | ").append(contact.origin())
                        .append(" | ").append(roleAndCompany(contact))
                        .append(" | ").append(tie.tieClass()).append(' ').append(format(tie.strength()))
                        .append(" | ").append(tie.mutualContacts())
                        .append(" | ").append(AdviceRules.reciprocated(network, id) ? "yes" : "no")
                        .append(" |\n");
            });
        }
        return md.toString();
    }

    private static String roleAndCompany(Contact contact) {
        return contact.company() == null ? String.valueOf(contact.role()) : contact.role() + ", " + contact.company();
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String abbreviation(ObjectiveType type) {
        return switch (type) {
            case JOB_SEARCH -> "JS";
            case COMMERCIAL_PROSPECTING -> "CP";
            case BUSINESS_CREATION -> "BC";
            case E_REPUTATION -> "ER";
            case INFORMATION -> "IN";
        };
    }
}
