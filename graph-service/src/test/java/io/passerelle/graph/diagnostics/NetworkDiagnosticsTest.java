package io.passerelle.graph.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.graph.projection.ProjectionBatch;
import io.passerelle.graph.projection.ProjectionOutcome;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TieStrengthModel;
import io.passerelle.localstack.demo.DemoNetwork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkDiagnosticsTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final Location PARIS = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
    private static final OwnerProfile OWNER = new OwnerProfile("Alex", "Coaching", "Coach", "Atelier", List.of("Viadeo"),
            List.of("ESCP"), PARIS, null, "fr", false);

    private static Contact contact(String sector, String city, Origin origin, Source source, List<RelationContext> contexts,
            List<String> mutual) {
        Location location = city == null ? null : new Location(city, null, null, null, "FR", null, null);
        return new Contact("Someone", null, null, null, sector, null, null, location, origin, contexts, source, null, null, mutual, null);
    }

    @Test
    void aContactCountsOnceInEachOfItsRelationContextsHoweverOftenItsListNamesIt() {
        List<RelationContext> repeated = new java.util.ArrayList<>(List.of(RelationContext.NETWORK, RelationContext.NETWORK));
        repeated.add(null);
        repeated.add(RelationContext.PARTNER);
        List<NetworkMember> members = List.of(
                new NetworkMember("a", contact(null, null, null, null, repeated, null), TieClass.WEAK, GeographicScale.UNKNOWN),
                new NetworkMember("b", contact(null, null, null, null, List.of(RelationContext.NETWORK), null), TieClass.WEAK, GeographicScale.UNKNOWN));

        Diagnostics diagnostics = NetworkDiagnostics.compute("owner", OWNER, members, NOW);

        assertThat(diagnostics.byRelationContext().get("NETWORK")).isEqualTo(new Diagnostics.Share(2, 1.0));
        assertThat(diagnostics.byRelationContext().get("PARTNER")).isEqualTo(new Diagnostics.Share(1, 0.5));
        assertThat(diagnostics.byRelationContext().get("NONE")).isEqualTo(new Diagnostics.Share(0, 0.0));
        assertThat(diagnostics.byRelationContext()).hasSize(RelationContext.values().length + 1);
    }

    @Test
    void countsAndSharesEveryBreakdownIncludingZerosAndUnknowns() {
        List<NetworkMember> members = List.of(
                new NetworkMember("a", contact("Coaching", "Paris", Origin.SCHOOL, Source.LINKEDIN,
                        List.of(RelationContext.NETWORK, RelationContext.PARTNER), List.of("b")), TieClass.STRONG, GeographicScale.CITY),
                new NetworkMember("b", contact("Retail", "Lyon", Origin.SCHOOL, Source.EMAIL, List.of(), List.of()),
                        TieClass.WEAK, GeographicScale.COUNTRY),
                new NetworkMember("c", contact(null, null, null, null, null, null), TieClass.NASCENT, GeographicScale.UNKNOWN),
                new NetworkMember("d", null, TieClass.WEAK, GeographicScale.UNKNOWN));

        Diagnostics diagnostics = NetworkDiagnostics.compute("owner", OWNER, members, NOW);

        assertThat(diagnostics.contacts()).isEqualTo(4);
        assertThat(diagnostics.byClass()).containsOnlyKeys("STRONG", "WEAK", "DORMANT", "NASCENT");
        assertThat(diagnostics.byClass().get("WEAK")).isEqualTo(new Diagnostics.Share(2, 0.5));
        assertThat(diagnostics.byClass().get("DORMANT")).isEqualTo(new Diagnostics.Share(0, 0.0));
        assertThat(diagnostics.byOrigin().get("SCHOOL")).isEqualTo(new Diagnostics.Share(2, 0.5));
        assertThat(diagnostics.byOrigin().get("UNKNOWN")).isEqualTo(new Diagnostics.Share(2, 0.5));
        assertThat(diagnostics.byOrigin()).hasSize(Origin.values().length + 1);
        assertThat(diagnostics.byScale()).hasSize(GeographicScale.values().length);
        assertThat(diagnostics.byScale().get("UNKNOWN").count()).isEqualTo(2);
        assertThat(diagnostics.bySource().get("LINKEDIN").count()).isEqualTo(1);
        assertThat(diagnostics.bySource().get("UNKNOWN").count()).isEqualTo(2);
        assertThat(diagnostics.byRelationContext().get("NETWORK").count()).isEqualTo(1);
        assertThat(diagnostics.byRelationContext().get("PARTNER").count()).isEqualTo(1);
        assertThat(diagnostics.byRelationContext().get("NONE").count()).isEqualTo(3);
        assertThat(diagnostics.homophily()).containsOnlyKeys("sector", "city", "school", "employer");
        // sector: a internal, b external -> 0; cities Paris and Lyon -> Blau 1/2 (cities: not normalised).
        assertThat(diagnostics.homophily().get("sector").eiIndex()).isCloseTo(0.0, within(1e-12));
        assertThat(diagnostics.homophily().get("city").blauIndex()).isCloseTo(0.5, within(1e-12));
        assertThat(diagnostics.homophily().get("school").eiIndex()).isNull();
        // a matches on sector and city (2 of 2), b on neither: 1 of 2 counted.
        assertThat(diagnostics.alterEgoIndex()).isCloseTo(0.5, within(1e-12));
        // a-b tied among 4 alters: effective size 4 - 2/4.
        assertThat(diagnostics.brokerage().effectiveSize()).isCloseTo(3.5, within(1e-12));
        assertThat(diagnostics.computedAt()).isEqualTo(NOW);
    }

    @Test
    void anEmptyNetworkHasZeroCountsAndNoIndices() {
        Diagnostics diagnostics = NetworkDiagnostics.compute("owner", null, List.of(), NOW);

        assertThat(diagnostics.contacts()).isZero();
        assertThat(diagnostics.byClass().get("STRONG")).isEqualTo(new Diagnostics.Share(0, 0.0));
        assertThat(diagnostics.alterEgoIndex()).isNull();
        assertThat(diagnostics.brokerage()).isNull();
        assertThat(diagnostics.brokerageUnavailable().reason()).isEqualTo(BrokerageUnavailable.NO_CONTACTS);
    }

    /** The cache stores the answer as JSON: reading it back must give the same diagnostics, absent indices included. */
    @Test
    void diagnosticsReadBackFromTheirJsonAreTheSame() throws Exception {
        Diagnostics demo = diagnoseDemoNetwork(NOW);
        Diagnostics empty = NetworkDiagnostics.compute("owner", null, List.of(), NOW);

        assertThat(EventJson.read(EventJson.write(demo), Diagnostics.class)).isEqualTo(demo);
        assertThat(EventJson.read(EventJson.write(empty), Diagnostics.class)).isEqualTo(empty);
    }

    @Test
    void theOrderInWhichContactsAreReadDoesNotMatter() {
        DemoNetwork demo = DemoNetwork.asOf(NOW);
        List<NetworkMember> members = new ArrayList<>(demoMembers(NOW));
        Diagnostics inOrder = NetworkDiagnostics.compute(demo.ownerId(), demo.owner(), members, NOW);
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 5; round++) {
            // Shuffled, many contacts are read after contacts that name them as mutual contacts.
            java.util.Collections.shuffle(members, random);
            Diagnostics shuffled = NetworkDiagnostics.compute(demo.ownerId(), demo.owner(), members, NOW);
            // Sums taken in another order may differ in the last bits.
            assertThat(shuffled).usingRecursiveComparison()
                    .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b), Double.class)
                    .isEqualTo(inOrder);
        }
        assertThat(inOrder.brokerage().tiesAmongAlters()).isPositive();
    }

    /** The demo network, projected by the projection code, shows what the source document describes. */
    @Test
    void theDemoNetworkIsAComfortableCircleOfAlterEgos() {
        Diagnostics diagnostics = diagnoseDemoNetwork(NOW);
        System.out.printf("Demo network diagnostics: contacts %d, byClass %s, byOrigin %s, byScale %s, homophily %s, alterEgo %s, brokerage %s%n",
                diagnostics.contacts(), diagnostics.byClass(), diagnostics.byOrigin(), diagnostics.byScale(), diagnostics.homophily(),
                diagnostics.alterEgos(), diagnostics.brokerage());

        Map<String, Diagnostics.Share> origin = diagnostics.byOrigin();
        Map<String, Diagnostics.Share> scale = diagnostics.byScale();
        // Mostly former colleagues and school mates.
        assertThat(origin.get("FORMER_COLLEAGUE").share() + origin.get("SCHOOL").share()).isGreaterThan(0.5);
        // Little reach beyond the city: the Paris area dominates.
        double parisArea = scale.get("NEIGHBOURHOOD").share() + scale.get("CITY").share() + scale.get("DEPARTMENT").share()
                + scale.get("REGION").share();
        assertThat(parisArea).isGreaterThan(0.85);
        assertThat(scale.get("EUROPE").share() + scale.get("WORLD").share()).isLessThan(0.05);
        // Some formerly close ties have gone dormant.
        assertThat(diagnostics.byClass().get("DORMANT").count()).isPositive();
        // Homophily: the network is like its owner on city and employers.
        assertThat(diagnostics.homophily().get("city").eiIndex()).isNegative();
        assertThat(diagnostics.alterEgoIndex()).isGreaterThan(0.4);
        assertThat(diagnostics.brokerage().effectiveSize()).isLessThan(diagnostics.contacts());
    }

    @Test
    void theDemoNetworksStrongTiesComeMostlyFromPastColleaguesAndSchool() {
        List<NetworkMember> strong = demoMembers(NOW).stream().filter(m -> m.tieClass() == TieClass.STRONG).toList();
        Map<Origin, Long> byOrigin = strong.stream()
                .collect(java.util.stream.Collectors.groupingBy(NetworkMember::origin, java.util.stream.Collectors.counting()));
        System.out.printf("Demo network strong ties by origin: %s%n", byOrigin);

        long pastCircle = byOrigin.getOrDefault(Origin.FORMER_COLLEAGUE, 0L) + byOrigin.getOrDefault(Origin.SCHOOL, 0L)
                + byOrigin.getOrDefault(Origin.COLLEAGUE, 0L);
        assertThat(pastCircle).isGreaterThan(strong.size() / 2);
        assertThat(byOrigin.getOrDefault(Origin.ONLINE, 0L) + byOrigin.getOrDefault(Origin.NEIGHBOUR, 0L)).isZero();
    }

    static Diagnostics diagnoseDemoNetwork(Instant asOf) {
        DemoNetwork demo = DemoNetwork.asOf(asOf);
        return NetworkDiagnostics.compute(demo.ownerId(), demo.owner(), demoMembers(asOf), asOf);
    }

    static List<NetworkMember> demoMembers(Instant asOf) {
        DemoNetwork demo = DemoNetwork.asOf(asOf);
        TieStrengthModel model = new TieStrengthModel(TieParameters.defaults());
        List<IngestedEvent> events = new ArrayList<>();
        int sequence = 0;
        events.add(new IngestedEvent.ProfileUpdated("e" + ++sequence, demo.ownerId(), demo.owner()));
        for (var entry : demo.contacts().entrySet()) {
            events.add(new IngestedEvent.ContactUpserted("e" + ++sequence, demo.ownerId(), entry.getKey(), entry.getValue()));
        }
        for (var interaction : demo.interactions()) {
            events.add(new IngestedEvent.InteractionRecorded("e" + ++sequence, demo.ownerId(), interaction));
        }
        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(), List.of()).applyAll(events).outcome(asOf, 0.01);
        return outcome.changedTies().stream()
                .map(change -> new NetworkMember(change.key().contactId(), change.contact(), change.assessment().tieClass(),
                        change.assessment().geographicScale()))
                .toList();
    }

    @Test
    void conseilAndConsultingAreOneSectorInEveryIndex() {
        OwnerProfile consultant = new OwnerProfile("Alex", "Consulting", null, null, null, null, PARIS, null, "en", false);
        List<NetworkMember> members = List.of(
                new NetworkMember("a", contact("Conseil", "Paris", null, null, null, null), TieClass.WEAK, GeographicScale.CITY),
                new NetworkMember("b", contact("Cabinet de conseil", "Paris", null, null, null, null), TieClass.WEAK, GeographicScale.CITY),
                new NetworkMember("c", contact("consulting", "Paris", null, null, null, null), TieClass.WEAK, GeographicScale.CITY));

        Diagnostics diagnostics = NetworkDiagnostics.compute("owner", consultant, members, NOW);

        assertThat(diagnostics.homophily().get("sector").eiIndex()).as("all three share the owner's sector").isEqualTo(-1.0);
        assertThat(diagnostics.homophily().get("sector").blauIndex()).as("one sector").isZero();
        assertThat(diagnostics.alterEgos().alterEgos()).as("sector and city shared: alter egos").isEqualTo(3);
    }

    @Test
    void aHalfAndHalfTwoSectorNetworkIsNotMaximallyDiverse() {
        List<NetworkMember> members = List.of(
                new NetworkMember("a", contact("Conseil", null, null, null, null, null), TieClass.WEAK, GeographicScale.CITY),
                new NetworkMember("b", contact("Logiciel", null, null, null, null, null), TieClass.WEAK, GeographicScale.CITY),
                new NetworkMember("c", contact("Consulting", null, null, null, null, null), TieClass.WEAK, GeographicScale.CITY),
                new NetworkMember("d", contact("Software", null, null, null, null, null), TieClass.WEAK, GeographicScale.CITY));

        Diagnostics diagnostics = NetworkDiagnostics.compute("owner", OWNER, members, NOW);

        double blau = diagnostics.homophily().get("sector").blauIndex();
        assertThat(blau).isCloseTo(0.5 / (1 - 1.0 / io.passerelle.vocabulary.Sector.values().length), within(1e-12));
        assertThat(blau).isLessThan(0.6);
    }

    @Test
    void thinMutualDataGivesNoBrokerageAndEnoughGivesItsFigures() {
        List<NetworkMember> thin = new ArrayList<>();
        thin.add(new NetworkMember("a", contact(null, null, null, null, null, List.of("b")), TieClass.WEAK, GeographicScale.CITY));
        for (String id : List.of("b", "c", "d", "e", "f", "g", "h")) {
            thin.add(new NetworkMember(id, contact(null, null, null, null, null, null), TieClass.WEAK, GeographicScale.CITY));
        }

        Diagnostics withDefault = NetworkDiagnostics.compute("owner", OWNER, thin, NOW);
        assertThat(withDefault.brokerage()).as("2 of 8 = 25%%, under 30%%").isNull();
        assertThat(withDefault.brokerageUnavailable())
                .isEqualTo(new BrokerageUnavailable(BrokerageUnavailable.THIN_MUTUAL_CONTACT_DATA, 2, 0.25, 0.30));

        Diagnostics withLowerThreshold = NetworkDiagnostics.compute("owner", OWNER, thin, NOW, 0.25);
        assertThat(withLowerThreshold.brokerageUnavailable()).isNull();
        assertThat(withLowerThreshold.brokerage().effectiveSize()).isCloseTo(8 - 2.0 / 8, within(1e-12));
    }
}
