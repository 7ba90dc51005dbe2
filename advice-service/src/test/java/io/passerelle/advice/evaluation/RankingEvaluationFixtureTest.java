package io.passerelle.advice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Origin;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The evaluation's networks and labels are what they claim to be: realistic, deterministic, consistent. */
class RankingEvaluationFixtureTest {
    private static final List<EvaluationOwner> OWNERS = EvaluationOwners.all();

    @Test
    void eachOwnerHasEightyContactsAndMoreThanAYearOfInteractionsBeforeNow() {
        assertThat(OWNERS).hasSize(3).allSatisfy(owner -> {
            Network network = owner.network();
            assertThat(network.contacts()).as(owner.name()).hasSizeGreaterThanOrEqualTo(80);
            Instant first = network.interactions().stream().map(Interaction::occurredAt).min(Instant::compareTo).orElseThrow();
            assertThat(first).as("first interaction of " + owner.name()).isBefore(network.now().minus(Duration.ofDays(365)));
            assertThat(network.interactions()).allSatisfy(i -> {
                assertThat(i.occurredAt()).isBefore(network.now());
                assertThat(network.has(i.contactId())).isTrue();
            });
            assertThat(network.interactions().stream().map(Interaction::interactionId).distinct().count())
                    .isEqualTo(network.interactions().size());
        });
    }

    @Test
    void theNetworksAreTheSameOnEveryBuild() {
        List<EvaluationOwner> again = EvaluationOwners.all();
        for (int i = 0; i < OWNERS.size(); i++) {
            assertThat(again.get(i).network().contacts()).isEqualTo(OWNERS.get(i).network().contacts());
            assertThat(again.get(i).network().interactions()).isEqualTo(OWNERS.get(i).network().interactions());
        }
    }

    @Test
    void eachNetworkHoldsTheSituationsACoachMeets() {
        for (EvaluationOwner owner : OWNERS) {
            Network network = owner.network();
            Set<String> mutualListed = network.contacts().values().stream()
                    .flatMap(c -> c.mutualContactIds().stream()).collect(Collectors.toSet());
            assertThat(ids(network, (id, c) -> c.origin() == Origin.FAMILY)).as("family of " + owner.name()).isNotEmpty();
            assertThat(ids(network, (id, c) -> c.origin() == Origin.FRIEND)).as("friends").isNotEmpty();
            assertThat(ids(network, (id, c) -> c.origin() == Origin.FORMER_COLLEAGUE && silentFor(network, id, 3 * 365))).as("silent former colleagues").isNotEmpty();
            assertThat(ids(network, (id, c) -> c.origin() == Origin.SCHOOL && network.interactionsOf(id).isEmpty()
                    && c.declaredCloseness() != null && c.declaredCloseness() >= 4)).as("close school mates never written to").isNotEmpty();
            assertThat(ids(network, (id, c) -> network.interactionsOf(id).isEmpty() && mutualListed.contains(id)))
                    .as("people reachable only through someone").hasSizeGreaterThanOrEqualTo(4);
            assertThat(ids(network, (id, c) -> !network.interactionsOf(id).isEmpty() && network.interactionsOf(id).stream()
                    .allMatch(i -> i.channel() == Channel.REACTION || i.channel() == Channel.PUBLIC_COMMENT))).as("likes and comments only").isNotEmpty();
            assertThat(ids(network, (id, c) -> network.interactionsOf(id).stream()
                    .anyMatch(i -> i.occurredAt().isAfter(network.now().minus(Duration.ofDays(2)))))).as("contacted or liked yesterday").isNotEmpty();
            assertThat(ids(network, (id, c) -> c.origin() != null && EnumSet.of(Origin.CLIENT, Origin.PARTNER).contains(c.origin())
                    && AdviceRules.reciprocated(network, id))).as("clients or partners with real exchanges").isNotEmpty();
            assertThat(ids(network, (id, c) -> id.startsWith("bg-"))).as("generated circle").hasSizeGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void labelsNameHandWrittenContactsOnlyAndNeverContradictThemselves() {
        for (EvaluationOwner owner : OWNERS) {
            for (EvaluationRun run : owner.runs()) {
                Labels labels = run.labels();
                Network network = run.network();
                assertThat(labels.mentionedIds()).as(run.title()).allSatisfy(id -> {
                    assertThat(network.has(id)).as("%s exists", id).isTrue();
                    assertThat(id).as("labels are hand-written").doesNotStartWith("bg-");
                });
                Set<String> wanted = new HashSet<>(labels.direct().keySet());
                labels.warmPaths().forEach((intermediary, targets) -> {
                    wanted.add(intermediary);
                    wanted.addAll(targets.keySet());
                    targets.keySet().forEach(target -> {
                        assertThat(target).as("a warm path names someone else").isNotEqualTo(intermediary);
                        assertThat(network.knowEachOther(intermediary, target)).as("%s knows %s (%s)", intermediary, target, run.title()).isTrue();
                    });
                });
                labels.needHolders().values().forEach(wanted::addAll);
                assertThat(labels.never().keySet()).as("never and wanted at once in " + run.title()).doesNotContainAnyElementsOf(wanted);
                assertThat(labels.expectsPeople()).as(run.title()).isTrue();
                assertThat(run.objective().targets().needs()).as("needs of " + run.title()).containsAll(labels.needHolders().keySet());
                if (run.type() == ObjectiveType.JOB_SEARCH) {
                    Set<String> colleagues = ids(network, (id, c) -> AdviceRules.currentColleague(network, id));
                    assertThat(labels.never().keySet()).as("every current colleague is a never in " + run.title()).containsAll(colleagues);
                }
            }
        }
    }

    @Test
    void eachOwnerIsRankedForHisObjectiveForReputationWithAndWithoutTopicsAndForOneTargetSetUnderThreeTypes() {
        for (EvaluationOwner owner : OWNERS) {
            List<EvaluationRun> same = owner.runs().stream().filter(EvaluationRun::sameTargets).toList();
            assertThat(same).extracting(EvaluationRun::type).containsExactlyInAnyOrder(
                    ObjectiveType.JOB_SEARCH, ObjectiveType.COMMERCIAL_PROSPECTING, ObjectiveType.BUSINESS_CREATION);
            assertThat(same).extracting(r -> r.objective().targets()).containsOnly(same.get(0).objective().targets());
            List<EvaluationRun> reputation = owner.runs().stream().filter(r -> r.type() == ObjectiveType.E_REPUTATION).toList();
            assertThat(reputation).extracting(r -> r.objective().targets().topics().isEmpty()).containsExactlyInAnyOrder(true, false);
        }
        EvaluationRun creation = OWNERS.get(2).runs().get(0);
        assertThat(creation.type()).isEqualTo(ObjectiveType.BUSINESS_CREATION);
        assertThat(creation.labels().needHolders().keySet()).containsExactlyInAnyOrderElementsOf(creation.objective().targets().needs());
    }

    private interface ContactTest {
        boolean test(String id, Contact contact);
    }

    private static Set<String> ids(Network network, ContactTest test) {
        return network.contacts().entrySet().stream().filter(e -> test.test(e.getKey(), e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static boolean silentFor(Network network, String id, int days) {
        List<Interaction> all = network.interactionsOf(id);
        return !all.isEmpty() && all.stream().filter(i -> i.channel() != Channel.REACTION)
                .allMatch(i -> i.occurredAt().isBefore(network.now().minus(Duration.ofDays(days))));
    }
}
