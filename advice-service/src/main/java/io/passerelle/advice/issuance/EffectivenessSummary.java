package io.passerelle.advice.issuance;

import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Outcome;
import io.passerelle.contracts.model.TieClass;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How well an owner's advice works (DOMAIN.md C8: "measure the efficiency of your network"; section 5,
 * "counting only recommendations actually shown"): per objective, objective type and tie class, how
 * many recommendations were issued, how many of them were shown (returned by the recommendations API
 * or delivered by a {@code recommendation.issued} webhook), and what came of the shown ones.
 * Outcomes form a funnel: REPLIED, MET and HELPED imply CONTACTED, and HELPED implies REPLIED; MET
 * is counted on its own. Each recommendation counts once per stage whatever the number of reports.
 */
public record EffectivenessSummary(String ownerId, Counts overall, List<Group> byObjective, List<Group> byObjectiveType,
                                   List<Group> byTieClass, List<Group> byObjectiveAndTieClass, List<Group> byObjectiveTypeAndTieClass) {

    /** One issued recommendation, whether it was shown, and every outcome reported on it. */
    public record Outcomes(String objectiveId, ObjectiveType objectiveType, TieClass tieClass, boolean shown, Set<Outcome> reported) {
    }

    /** The counts of one group; {@code objectiveId}, {@code objectiveType} or {@code tieClass} is null when the group does not split by it. */
    public record Group(String objectiveId, ObjectiveType objectiveType, TieClass tieClass, Counts counts) {
    }

    /**
     * Every count but {@code issued} is over the shown recommendations only.
     *
     * @param issued every recommendation issued, shown or not
     * @param shown those returned by the API or delivered by webhook
     * @param contactRate contacted / shown
     * @param replyRate replied / contacted
     * @param meetingRate met / contacted
     * @param helpRate helped / contacted
     * @param dismissalRate dismissed (DISMISSED or NOT_RELEVANT) / shown
     */
    public record Counts(int issued, int shown, int contacted, int replied, int met, int helped, int dismissed,
                         double contactRate, double replyRate, double meetingRate, double helpRate, double dismissalRate) {

        static Counts of(Collection<Outcomes> recommendations) {
            int issued = recommendations.size();
            int shown = 0;
            int contacted = 0;
            int replied = 0;
            int met = 0;
            int helped = 0;
            int dismissed = 0;
            for (Outcomes r : recommendations) {
                if (!r.shown()) {
                    continue;
                }
                shown++;
                Set<Outcome> o = r.reported().isEmpty() ? EnumSet.noneOf(Outcome.class) : EnumSet.copyOf(r.reported());
                if (o.contains(Outcome.CONTACTED) || o.contains(Outcome.REPLIED) || o.contains(Outcome.MET) || o.contains(Outcome.HELPED)) {
                    contacted++;
                }
                if (o.contains(Outcome.REPLIED) || o.contains(Outcome.HELPED)) {
                    replied++;
                }
                if (o.contains(Outcome.MET)) {
                    met++;
                }
                if (o.contains(Outcome.HELPED)) {
                    helped++;
                }
                if (o.contains(Outcome.DISMISSED) || o.contains(Outcome.NOT_RELEVANT)) {
                    dismissed++;
                }
            }
            return new Counts(issued, shown, contacted, replied, met, helped, dismissed, rate(contacted, shown), rate(replied, contacted),
                    rate(met, contacted), rate(helped, contacted), rate(dismissed, shown));
        }

        private static double rate(int part, int whole) {
            return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
        }
    }

    public static EffectivenessSummary of(String ownerId, List<Outcomes> recommendations) {
        return new EffectivenessSummary(ownerId, Counts.of(recommendations),
                groups(recommendations, r -> new Group(r.objectiveId(), null, null, null)),
                groups(recommendations, r -> new Group(null, r.objectiveType(), null, null)),
                groups(recommendations, r -> new Group(null, null, r.tieClass(), null)),
                groups(recommendations, r -> new Group(r.objectiveId(), null, r.tieClass(), null)),
                groups(recommendations, r -> new Group(null, r.objectiveType(), r.tieClass(), null)));
    }

    private static List<Group> groups(List<Outcomes> recommendations, Function<Outcomes, Group> key) {
        Map<Group, List<Outcomes>> grouped = recommendations.stream().collect(Collectors.groupingBy(key, () -> new TreeMap<>(ORDER), Collectors.toList()));
        return grouped.entrySet().stream()
                .map(e -> new Group(e.getKey().objectiveId(), e.getKey().objectiveType(), e.getKey().tieClass(), Counts.of(e.getValue())))
                .toList();
    }

    private static final Comparator<Group> ORDER = Comparator
            .comparing(Group::objectiveId, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(g -> g.objectiveType() == null ? -1 : g.objectiveType().ordinal())
            .thenComparing(g -> g.tieClass() == null ? -1 : g.tieClass().ordinal());
}
