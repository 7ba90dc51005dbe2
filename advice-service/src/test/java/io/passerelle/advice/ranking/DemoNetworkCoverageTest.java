package io.passerelle.advice.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.Objective;
import io.passerelle.advice.coverage.CoverageCalculator;
import io.passerelle.advice.coverage.NextStep;
import io.passerelle.advice.coverage.ObjectiveCoverage;
import io.passerelle.advice.coverage.TargetCoverage;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.demo.DemoNetwork;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The coverage of demo objectives on the demo network (a Paris coach), printed as the README shows
 * it, and checked against the ranking's own matching: coverage and recommendations never disagree
 * on who matches a target.
 */
class DemoNetworkCoverageTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final DemoNetwork NETWORK = DemoNetwork.asOf(NOW);
    private static final List<RankableTie> TIES = DemoNetworkTies.of(NETWORK, NOW);
    private static final RelevanceMatcher MATCHER = new RelevanceMatcher(RankingParameters.defaults().targets());
    private static final CoverageCalculator CALCULATOR = new CoverageCalculator(MATCHER);
    private static final WeakTieRanker RANKER = new WeakTieRanker(RankingParameters.defaults());
    private static final Map<String, RankableTie> BY_ID = TIES.stream().collect(Collectors.toMap(RankableTie::contactId, Function.identity()));

    private static ObjectiveCoverage coverage(ObjectiveType type, Objective.Targets targets) {
        Objective objective = new Objective("demo-" + type.name().toLowerCase().replace('_', '-'), NETWORK.ownerId(), type, targets, null,
                NOW, NOW);
        ObjectiveCoverage coverage = CALCULATOR.compute(objective, NETWORK.owner(), TIES, RANKER.languageOf(objective, NETWORK.owner()), NOW);
        System.out.println(coverage.objectiveId() + " (" + TIES.size() + " ties):");
        for (TargetCoverage t : coverage.targets()) {
            System.out.printf("  %-8s %-18s %3d  %s  %s%n", t.kind(), t.target(), t.ties(), nonZero(t.byClass()), nonZero(t.byScale()));
            if (t.nextStep() != null) {
                System.out.printf("           -> %s: %s%n", t.nextStep().kind(), t.nextStep().text());
            }
        }
        assertSound(coverage);
        return coverage;
    }

    private static String nonZero(Map<?, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ", "{", "}"));
    }

    /** What every coverage must respect: counts that add up, and next steps that name real, linked ties. */
    private static void assertSound(ObjectiveCoverage coverage) {
        for (TargetCoverage t : coverage.targets()) {
            assertThat(t.byClass().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(t.ties());
            assertThat(t.byScale().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(t.ties());
            assertThat(t.nextStep() == null).isEqualTo(t.reachedByAnActiveTie());
            NextStep step = t.nextStep();
            if (step == null) {
                continue;
            }
            assertThat(step.text()).doesNotContain("null");
            switch (step.kind()) {
                case REACTIVATE -> assertThat(BY_ID.get(step.contactId()).tieClass()).isEqualTo(TieClass.DORMANT);
                case ASK_FOR_INTRODUCTION -> {
                    RankableTie via = BY_ID.get(step.via().contactId());
                    assertThat(via.tieClass()).isIn(TieClass.STRONG, TieClass.WEAK);
                    Contact person = BY_ID.get(step.contactId()).contact();
                    assertThat(listed(via.contact(), step.contactId()) || listed(person, step.via().contactId())).isTrue();
                }
                case LOOK_FOR_EVENTS -> assertThat(step.contactId()).isNull();
            }
        }
    }

    private static boolean listed(Contact contact, String contactId) {
        return contact != null && contact.mutualContactIds() != null && contact.mutualContactIds().contains(contactId);
    }

    @Test
    void aBusinessCreationWithoutDeclaredNeedsShowsWhichOfAFoundersNeedsTheNetworkReachesAndWhatToDoAboutTheOthers() {
        ObjectiveCoverage coverage = coverage(ObjectiveType.BUSINESS_CREATION, new Objective.Targets(
                List.of("Fintech"), null, null, List.of("Lyon"), List.of(GeographicScale.EUROPE), null, null));

        // The owner writes French, and so does the coverage: the founder's needs in French.
        assertThat(coverage.targets()).extracting(TargetCoverage::target).containsExactly("Fintech", "Lyon", "EUROPE",
                "investisseurs", "cofondateur", "juridique", "finance", "mentor", "fournisseurs", "premiers clients");
        assertThat(coverage.targets()).filteredOn(t -> t.nextStep() != null)
                .allSatisfy(t -> assertThat(t.nextStep().text()).containsAnyOf("Reprenez", "Demandez", "Personne"));
    }

    @Test
    void aProspectingShowsItsTerritoryByScale() {
        ObjectiveCoverage coverage = coverage(ObjectiveType.COMMERCIAL_PROSPECTING, new Objective.Targets(
                List.of("Retail", "Food"), null, null, List.of("Hauts-de-France", "Île-de-France"),
                List.of(GeographicScale.REGION, GeographicScale.WORLD), null, null));

        assertThat(coverage.targets()).extracting(TargetCoverage::kind).containsExactly(TargetMatch.Kind.SECTOR, TargetMatch.Kind.SECTOR,
                TargetMatch.Kind.LOCATION, TargetMatch.Kind.LOCATION, TargetMatch.Kind.SCALE, TargetMatch.Kind.SCALE);
        TargetCoverage paris = coverage.targets().get(3);
        assertThat(paris.ties()).isPositive();
    }

    /** For single-target objectives of every kind, coverage counts exactly the ties the ranking's matcher says match. */
    @Test
    void coverageCountsExactlyTheTiesTheRankingMatchesToEachTarget() {
        List<Objective.Targets> singles = List.of(
                new Objective.Targets(List.of("Software"), null, null, null, null, null, null),
                new Objective.Targets(List.of("Fintech"), null, null, null, null, null, null),
                new Objective.Targets(null, List.of("Product manager"), null, null, null, null, null),
                new Objective.Targets(null, null, List.of("Capgemini"), null, null, null, null),
                new Objective.Targets(null, null, null, List.of("Paris"), null, null, null),
                new Objective.Targets(null, null, null, null, List.of(GeographicScale.CITY), null, null),
                new Objective.Targets(null, null, null, null, null, List.of("digital"), null));
        for (Objective.Targets targets : singles) {
            Objective objective = new Objective("single", NETWORK.ownerId(), ObjectiveType.INFORMATION, targets, "fr", NOW, NOW);
            RelevanceMatcher.PreparedTargets prepared = MATCHER.prepare(objective, NETWORK.owner());
            long matched = TIES.stream().filter(tie -> !prepared.match(tie).matches().isEmpty()).count();
            TargetCoverage only = CALCULATOR.compute(objective, NETWORK.owner(), TIES, "fr", NOW).targets().get(0);
            assertThat(only.ties()).as("%s", only.target()).isEqualTo((int) matched);
        }
        Objective needs = new Objective("needs", NETWORK.ownerId(), ObjectiveType.BUSINESS_CREATION,
                new Objective.Targets(null, null, null, null, null, null, List.of("juridique")), "fr", NOW, NOW);
        RelevanceMatcher.PreparedTargets prepared = MATCHER.prepare(needs, NETWORK.owner());
        long lawyers = TIES.stream().filter(tie -> prepared.match(tie).has(TargetMatch.Kind.NEED)).count();
        assertThat(lawyers).isPositive();
        assertThat(CALCULATOR.compute(needs, NETWORK.owner(), TIES, "fr", NOW).targets().get(0).ties()).isEqualTo((int) lawyers);
    }
}
