package io.passerelle.advice.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RequestKind;
import io.passerelle.localstack.demo.DemoNetwork;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * On the demo network (a Paris coach whose network is mostly his own sector and city), each
 * objective type yields a top ten a coach would accept: the people the objective needs, no
 * committing request to family, friends or strong ties, and not ten look-alikes.
 */
class DemoNetworkRankingTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final DemoNetwork NETWORK = DemoNetwork.asOf(NOW);
    private static final List<RankableTie> TIES = DemoNetworkTies.of(NETWORK, NOW);
    private static final WeakTieRanker RANKER = new WeakTieRanker(RankingParameters.defaults());

    private static List<Recommendation> topTen(ObjectiveType type, Objective.Targets targets) {
        Objective objective = new Objective("demo-" + type.name().toLowerCase(), NETWORK.ownerId(), type, targets, null, NOW, NOW);
        List<Recommendation> ranked = RANKER.rank(new RankingRequest(NETWORK.ownerId(), objective, NETWORK.owner(), TIES, 10, NOW));
        System.out.println(type + ":");
        for (Recommendation r : ranked) {
            Contact c = DemoNetworkTies.contact(NETWORK, r.contactId());
            System.out.printf("  %-24s %.4f %-8s %-18s %-11s %s / %s / %s / %s%s%n", r.contactId(), r.score(), r.tieClass(), r.action(),
                    r.requestKind(), c.company(), c.role(), c.sector(), c.location() == null ? "" : c.location().city(),
                    r.introductionTo() == null ? "" : " -> " + r.introductionTo().contactId());
        }
        assertSensible(type, ranked);
        return ranked;
    }

    /** A two-way exchange on a channel more personal than a gesture in the two years before NOW, from the demo's own interactions. */
    private static boolean reciprocated(String contactId) {
        Instant since = NOW.minus(java.time.Duration.ofDays(730));
        List<Interaction> recent = NETWORK.interactions().stream()
                .filter(i -> i.contactId().equals(contactId) && !i.occurredAt().isBefore(since))
                .filter(i -> !java.util.EnumSet.of(Channel.REACTION, Channel.PUBLIC_COMMENT, Channel.ENDORSEMENT).contains(i.channel()))
                .toList();
        return recent.stream().anyMatch(i -> i.direction() == Direction.MUTUAL)
                || (recent.stream().anyMatch(i -> i.direction() == Direction.INBOUND) && recent.stream().anyMatch(i -> i.direction() == Direction.OUTBOUND));
    }

    /** What every list must respect, whatever the objective. */
    private static void assertSensible(ObjectiveType type, List<Recommendation> ranked) {
        assertThat(ranked).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        Map<String, RankableTie> ties = TIES.stream().collect(Collectors.toMap(RankableTie::contactId, Function.identity()));
        for (Recommendation r : ranked) {
            if (r.requestKind() == RequestKind.COMMITTING) {
                // The owner has not opted in: no committing request to a close tie, nor to anyone without a recent two-way exchange.
                assertThat(Relationship.isClose(ties.get(r.contactId()))).as("committing request to close tie %s", r.contactId()).isFalse();
                assertThat(reciprocated(r.contactId())).as("committing request to %s without a two-way exchange", r.contactId()).isTrue();
            }
            if (r.introductionTo() != null) {
                assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT);
                Contact intermediary = NETWORK.contacts().get(r.contactId());
                Contact person = NETWORK.contacts().get(r.introductionTo().contactId());
                assertThat(person).isNotNull();
                assertThat(contains(intermediary.mutualContactIds(), r.introductionTo().contactId())
                        || contains(person.mutualContactIds(), r.contactId())).as("%s knows %s", r.contactId(), r.introductionTo()).isTrue();
            }
            assertThat(r.reasons()).isNotEmpty();
            // The owner writes in French, and greets by first name.
            assertThat(r.message().language()).isEqualTo("fr");
            assertThat(r.message().text()).startsWith("Bonjour " + r.displayName().split(" ")[0] + ",");
        }
        Map<String, Long> perCompany = ranked.stream().map(r -> DemoNetworkTies.contact(NETWORK, r.contactId()).company())
                .filter(company -> company != null)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perCompany.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(3));
        assertThat(ranked).extracting(Recommendation::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(ranked).extracting(Recommendation::score).doesNotHaveDuplicates();
    }

    private static boolean contains(List<String> ids, String id) {
        return ids != null && ids.contains(id);
    }

    private static List<String> ids(List<Recommendation> ranked) {
        return ranked.stream().map(Recommendation::contactId).toList();
    }

    private static Recommendation of(List<Recommendation> ranked, String contactId) {
        return ranked.stream().filter(r -> r.contactId().equals(contactId)).findFirst().orElseThrow();
    }

    private static List<String> codes(Recommendation recommendation) {
        return recommendation.reasons().stream().map(Recommendation.Reason::code).toList();
    }

    @Test
    void jobSearchInDigitalSectorsFindsTheWeakTiesWhoWorkThereAndTheRecruiter() {
        List<Recommendation> ranked = topTen(ObjectiveType.JOB_SEARCH, new Objective.Targets(
                List.of("Software", "Fintech", "Digital media"), null, null, null, null, null, null));

        assertThat(ids(ranked)).contains("wk-berlin-software", "wk-lyon-fintech", "wk-montreal-hr", "wk-paris-hr-tech");
        // "Media" is not the "Digital media" the owner targets.
        assertThat(ids(ranked)).doesNotContain("wk-london-media");
        assertThat(codes(of(ranked, "wk-montreal-hr"))).contains("RECRUITER");
    }

    @Test
    void commercialProspectingLooksForDecisionMakersAndClientReferralsInTheTerritory() {
        List<Recommendation> ranked = topTen(ObjectiveType.COMMERCIAL_PROSPECTING, new Objective.Targets(
                List.of("Retail", "Food"), null, null, List.of("Hauts-de-France", "Île-de-France"), null, null, null));

        assertThat(ids(ranked)).contains("wk-lille-retail");
        assertThat(codes(of(ranked, "wk-lille-retail"))).contains("DECISION_MAKER", "IN_TARGET_LOCATION");
        assertThat(ranked).filteredOn(r -> r.requestKind() == RequestKind.COMMITTING)
                .allSatisfy(r -> assertThat(r.action()).isIn(Action.ASK_REFERRAL, Action.ASK_INTRODUCTION));
        assertThat(ranked).filteredOn(r -> codes(r).contains("EXISTING_CLIENT") && reciprocated(r.contactId()))
                .allSatisfy(r -> assertThat(r.action()).isEqualTo(Action.ASK_REFERRAL));
    }

    @Test
    void eReputationEngagesPeopleWhoBridgeToNewAudiences() {
        List<Recommendation> ranked = topTen(ObjectiveType.E_REPUTATION, new Objective.Targets(
                null, null, null, null, null, List.of("digital", "media", "e-reputation", "job search", "employer brand"), null));

        assertThat(ids(ranked).get(0)).isEqualTo("wk-london-media");
        assertThat(codes(ranked.get(0))).contains("AUDIENCE_REACH", "BRIDGES_TO_NEW_REGION");
        assertThat(ids(ranked)).contains("wk-paris-hr-tech", "wk-berlin-software");
        assertThat(ranked).allSatisfy(r -> assertThat(r.action()).isIn(Action.ENGAGE_CONTENT, Action.ASK_RECOMMENDATION,
                Action.REACTIVATE, Action.REACH_OUT));
    }

    @Test
    void eReputationWithoutTargetsStillOffersAFullList() {
        assertThat(topTen(ObjectiveType.E_REPUTATION, Objective.Targets.NONE)).hasSize(10);
    }

    @Test
    void businessCreationCoversEverySkillAFounderLacksAndNoBuyerPassesForASupplier() {
        List<Recommendation> ranked = topTen(ObjectiveType.BUSINESS_CREATION, new Objective.Targets(
                null, null, null, null, null, null, List.of("legal", "finance", "investor", "mentor", "co-founder", "supplier")));

        assertThat(ids(ranked)).contains("wk-bordeaux-legal", "wk-marseille-accounting", "wk-paris-vc", "wk-barcelona-startup");
        assertThat(ids(ranked)).doesNotContain("wk-toulouse-aero");
        assertThat(of(ranked, "wk-bordeaux-legal").action()).isEqualTo(Action.ASK_ADVICE);
        assertThat(of(ranked, "wk-marseille-accounting").action()).isEqualTo(Action.ASK_ADVICE);
    }

    @Test
    void informationInTheOwnersOwnFieldMixesCompaniesAndReactivatesDormantColleagues() {
        List<Recommendation> ranked = topTen(ObjectiveType.INFORMATION, new Objective.Targets(
                List.of("Consulting", "Human resources"), null, null, null, null, null, null));

        assertThat(ranked).hasSize(10);
        long companies = ranked.stream().map(r -> DemoNetworkTies.contact(NETWORK, r.contactId()).company()).distinct().count();
        assertThat(companies).isGreaterThanOrEqualTo(5);
        assertThat(ranked).allSatisfy(r -> assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT));
        assertThat(ranked).anySatisfy(r -> assertThat(r.action()).isEqualTo(Action.REACTIVATE));
    }
}
