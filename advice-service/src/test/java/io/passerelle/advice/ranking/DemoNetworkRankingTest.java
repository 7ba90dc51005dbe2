package io.passerelle.advice.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Contact;
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
            System.out.printf("  %-24s %.4f %-8s %-18s %-11s %s / %s / %s%n", r.contactId(), r.score(), r.tieClass(), r.action(),
                    r.requestKind(), c.company(), c.sector(), c.location() == null ? "" : c.location().city());
        }
        assertSensible(ranked);
        return ranked;
    }

    /** What every list must respect, whatever the objective. */
    private static void assertSensible(List<Recommendation> ranked) {
        assertThat(ranked).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        Map<String, RankableTie> ties = TIES.stream().collect(Collectors.toMap(RankableTie::contactId, Function.identity()));
        for (Recommendation r : ranked) {
            // The owner has not opted in: no committing request to a close tie.
            if (OutreachGuardrail.isClose(ties.get(r.contactId()))) {
                assertThat(r.requestKind()).as("request to close tie %s", r.contactId()).isEqualTo(RequestKind.LIGHT);
            }
            assertThat(r.reasons()).isNotEmpty();
            // The owner writes in French.
            assertThat(r.message().language()).isEqualTo("fr");
            assertThat(r.message().text()).startsWith("Bonjour " + r.displayName());
        }
        Map<String, Long> perCompany = ranked.stream().map(r -> DemoNetworkTies.contact(NETWORK, r.contactId()).company())
                .filter(company -> company != null)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perCompany.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(3));
        assertThat(ranked).extracting(Recommendation::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    private static List<String> ids(List<Recommendation> ranked) {
        return ranked.stream().map(Recommendation::contactId).toList();
    }

    private static Recommendation of(List<Recommendation> ranked, String contactId) {
        return ranked.stream().filter(r -> r.contactId().equals(contactId)).findFirst().orElseThrow();
    }

    @Test
    void jobSearchInDigitalSectorsFindsTheWeakTiesWhoWorkThere() {
        List<Recommendation> ranked = topTen(ObjectiveType.JOB_SEARCH, new Objective.Targets(
                List.of("Software", "Fintech", "Digital media"), null, null, null, null, null, null));

        assertThat(ids(ranked)).contains("wk-berlin-software", "wk-lyon-fintech", "wk-montreal-hr", "wk-barcelona-startup",
                "wk-paris-hr-tech");
        // Weak ties inside the digital targets lead; the never-contacted ones follow with a first light contact.
        assertThat(ids(ranked.subList(0, 2))).containsExactlyInAnyOrder("wk-paris-hr-tech", "wk-lyon-fintech");
        assertThat(of(ranked, "wk-lyon-fintech").action()).isEqualTo(Action.ASK_INTRODUCTION);
        assertThat(of(ranked, "wk-barcelona-startup").action()).isEqualTo(Action.REACH_OUT);
        assertThat(ranked).allSatisfy(r -> assertThat(r.reasons()).extracting(Recommendation.Reason::code)
                .containsAnyOf("WEAK_TIE_IN_TARGET_SECTOR", "IN_TARGET_SECTOR"));
    }

    @Test
    void commercialProspectingReachesBeyondTheCircleToTargetRegionsAndSectors() {
        List<Recommendation> ranked = topTen(ObjectiveType.COMMERCIAL_PROSPECTING, new Objective.Targets(
                List.of("Retail", "Food"), null, null, List.of("Hauts-de-France", "Île-de-France"), null, null, null));

        assertThat(ids(ranked)).contains("wk-lille-retail");
        // Sectors the owner targets lead: every pick is in one of them.
        assertThat(ranked).allSatisfy(r -> assertThat(DemoNetworkTies.contact(NETWORK, r.contactId()).sector()).isIn("Retail", "Food"));
        assertThat(ranked).filteredOn(r -> r.requestKind() == RequestKind.COMMITTING)
                .allSatisfy(r -> assertThat(r.action()).isEqualTo(Action.ASK_INTRODUCTION));
    }

    @Test
    void eReputationEngagesPeopleWhoBridgeToNewAudiences() {
        List<Recommendation> ranked = topTen(ObjectiveType.E_REPUTATION, new Objective.Targets(
                null, null, null, null, null, List.of("digital", "media", "e-reputation", "job search", "employer brand"), null));

        assertThat(ids(ranked)).contains("wk-london-media", "wk-paris-hr-tech", "wk-berlin-software");
        assertThat(ranked).allSatisfy(r -> assertThat(r.action()).isIn(Action.ENGAGE_CONTENT, Action.ASK_RECOMMENDATION,
                Action.REACTIVATE, Action.REACH_OUT));
        assertThat(of(ranked, "wk-london-media").reasons()).extracting(Recommendation.Reason::code).contains("BRIDGES_TO_NEW_REGION");
    }

    @Test
    void businessCreationFindsTheSkillsAFounderLacks() {
        List<Recommendation> ranked = topTen(ObjectiveType.BUSINESS_CREATION, new Objective.Targets(
                null, null, null, null, null, null, List.of("legal", "finance", "investor", "mentor", "co-founder", "supplier")));

        assertThat(ids(ranked)).contains("wk-bordeaux-legal", "wk-marseille-accounting", "wk-nantes-vc", "wk-paris-vc",
                "wk-barcelona-startup", "wk-toulouse-aero");
        assertThat(of(ranked, "wk-paris-vc").requestKind()).isEqualTo(RequestKind.COMMITTING);
        // Never talked to: a first light contact before any request.
        assertThat(of(ranked, "wk-nantes-vc").action()).isEqualTo(Action.REACH_OUT);
        assertThat(of(ranked, "wk-marseille-accounting").action()).isEqualTo(Action.ASK_INFORMATION);
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
