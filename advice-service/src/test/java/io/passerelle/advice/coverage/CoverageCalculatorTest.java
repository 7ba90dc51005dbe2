package io.passerelle.advice.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.Objective;
import io.passerelle.advice.ranking.RankableTie;
import io.passerelle.advice.ranking.RankingParameters;
import io.passerelle.advice.ranking.RelevanceMatcher;
import io.passerelle.advice.ranking.TargetMatch;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageCalculatorTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final RelevanceMatcher MATCHER = new RelevanceMatcher(RankingParameters.defaults().targets());
    private static final CoverageCalculator CALCULATOR = new CoverageCalculator(MATCHER);
    private static final OwnerProfile OWNER = new OwnerProfile("Owner", "Consulting", "Coach", "Acme", List.of(), List.of(), null,
            List.of(), "fr", false);

    @Test
    void countsTheTiesThatReachATargetByClassAndByScaleAndLeavesOutThoseThatDoNot() {
        List<RankableTie> ties = List.of(
                person("strong").tieClass(TieClass.STRONG).sector("Fintech").scale(GeographicScale.CITY).build(),
                person("weak-1").sector("Fintech").scale(GeographicScale.CITY).build(),
                person("weak-2").sector("Banking, fintech").scale(GeographicScale.REGION).build(),
                person("dormant").tieClass(TieClass.DORMANT).sector("Fintech").scale(GeographicScale.WORLD).build(),
                person("nascent").tieClass(TieClass.NASCENT).sector("fintech").scale(null).build(),
                person("retail").sector("Retail").scale(GeographicScale.CITY).build());

        TargetCoverage fintech = only(compute(objective(ObjectiveType.JOB_SEARCH, targets().sectors("Fintech")), ties, "en"));

        assertThat(fintech.kind()).isEqualTo(TargetMatch.Kind.SECTOR);
        assertThat(fintech.target()).isEqualTo("Fintech");
        assertThat(fintech.ties()).isEqualTo(5);
        assertThat(fintech.byClass()).containsExactlyInAnyOrderEntriesOf(Map.of(
                TieClass.STRONG, 1, TieClass.WEAK, 2, TieClass.DORMANT, 1, TieClass.NASCENT, 1));
        assertThat(fintech.byScale()).containsEntry(GeographicScale.CITY, 2).containsEntry(GeographicScale.REGION, 1)
                .containsEntry(GeographicScale.WORLD, 1).containsEntry(GeographicScale.UNKNOWN, 1)
                .containsEntry(GeographicScale.COUNTRY, 0).hasSize(GeographicScale.values().length);
        assertThat(fintech.nextStep()).isNull();
    }

    @Test
    void everyTargetIsReportedOnceInTheOrderSectorsRolesCompaniesLocationsScalesTopicsNeeds() {
        Objective objective = objective(ObjectiveType.BUSINESS_CREATION, targets().sectors("Fintech", "Fintech", "Health")
                .roles("Product manager").companies("Qonto").locations("Lyon").scales(GeographicScale.REGION).topics("AI")
                .needs("legal"));

        ObjectiveCoverage coverage = compute(objective, List.of(), "en");

        assertThat(coverage.objectiveId()).isEqualTo("objective-1");
        assertThat(coverage.computedAt()).isEqualTo(NOW);
        assertThat(coverage.targets()).extracting(t -> t.kind() + ":" + t.target()).containsExactly(
                "SECTOR:Fintech", "SECTOR:Health", "ROLE:Product manager", "COMPANY:Qonto", "LOCATION:Lyon", "SCALE:REGION",
                "TOPIC:AI", "NEED:legal");
        assertThat(coverage.targets()).allSatisfy(t -> {
            assertThat(t.ties()).isZero();
            assertThat(t.nextStep().kind()).isEqualTo(NextStep.Kind.LOOK_FOR_EVENTS);
        });
    }

    @Test
    void aBusinessCreationWithoutDeclaredNeedsCoversEveryNeedAFounderHasInTheObjectivesLanguage() {
        ObjectiveCoverage french = compute(objective(ObjectiveType.BUSINESS_CREATION, targets(), "fr"), List.of(), "fr");
        ObjectiveCoverage english = compute(objective(ObjectiveType.BUSINESS_CREATION, targets(), "en"), List.of(), "en");

        assertThat(french.targets()).extracting(TargetCoverage::target)
                .containsExactly("investisseurs", "cofondateur", "juridique", "finance", "mentor", "fournisseurs", "premiers clients");
        assertThat(english.targets()).extracting(TargetCoverage::target)
                .containsExactly("investors", "co-founder", "legal", "finance", "mentor", "suppliers", "first customers");
        assertThat(english.targets()).extracting(TargetCoverage::kind).containsOnly(TargetMatch.Kind.NEED);
    }

    @Test
    void needsCountOnlyForABusinessCreation() {
        ObjectiveCoverage coverage = compute(objective(ObjectiveType.JOB_SEARCH, targets().sectors("Fintech").needs("legal")),
                List.of(person("lawyer").role("Lawyer").tags("legal").build()), "en");

        assertThat(coverage.targets()).extracting(TargetCoverage::kind).containsExactly(TargetMatch.Kind.SECTOR);
    }

    @Test
    void needsAreMatchedAsTheRankingMatchesThem() {
        List<RankableTie> ties = List.of(
                person("lawyer").role("Avocate d'affaires").build(),
                person("cto").role("CTO").build(),
                person("client").origin(Origin.CLIENT).role("Office manager").build());

        ObjectiveCoverage coverage = compute(objective(ObjectiveType.BUSINESS_CREATION, targets().needs("juridique", "cofondateur",
                "premiers clients", "investisseurs"), "fr"), ties, "fr");

        assertThat(coverage.targets()).extracting(t -> t.target() + "=" + t.ties())
                .containsExactly("juridique=1", "cofondateur=1", "premiers clients=1", "investisseurs=0");
    }

    @Test
    void aFormerEmployeeOfATargetCompanyReachesIt() {
        TargetCoverage qonto = only(compute(objective(ObjectiveType.COMMERCIAL_PROSPECTING, targets().companies("Qonto")),
                List.of(person("alumna").company("Alan").pastCompanies("Qonto").build(),
                        person("insider").company("Qonto SAS").build(),
                        person("outsider").company("Alan").build()), "en"));

        assertThat(qonto.ties()).isEqualTo(2);
    }

    @Test
    void aTieReachesEachOfSeveralTargetsOfTheSameKindThatItMatches() {
        ObjectiveCoverage coverage = compute(objective(ObjectiveType.COMMERCIAL_PROSPECTING, targets().locations("Lyon", "France", "Berlin")),
                List.of(person("lyon").location("Lyon", "Auvergne-Rhône-Alpes", "FR").build(),
                        person("paris").location("Paris", "Île-de-France", "FR").build()), "en");

        assertThat(coverage.targets()).extracting(t -> t.target() + "=" + t.ties()).containsExactly("Lyon=1", "France=2", "Berlin=0");
    }

    @Test
    void aScaleIsReachedByTheTiesAtThatScale() {
        ObjectiveCoverage coverage = compute(objective(ObjectiveType.COMMERCIAL_PROSPECTING, targets().scales(GeographicScale.REGION,
                GeographicScale.EUROPE)), List.of(person("near").scale(GeographicScale.REGION).build(),
                person("far").scale(GeographicScale.WORLD).build()), "en");

        assertThat(coverage.targets()).extracting(t -> t.target() + "=" + t.ties()).containsExactly("REGION=1", "EUROPE=0");
        assertThat(coverage.targets().get(0).byScale()).containsEntry(GeographicScale.REGION, 1);
        assertThat(coverage.targets().get(1).nextStep().text()).isEqualTo("No one in your network yet: look for events or groups in Europe.");
    }

    @Test
    void aDormantTieWhoReachesATargetNoActiveTieReachesIsToBeReactivatedTheOnceStrongestFirst() {
        TargetCoverage fintech = only(compute(objective(ObjectiveType.JOB_SEARCH, targets().sectors("Fintech")), List.of(
                person("dormant-faint").name("Denis Faint").tieClass(TieClass.DORMANT).strength(0.1).peak(0.3).sector("Fintech").build(),
                person("dormant-close").name("Diane Close").tieClass(TieClass.DORMANT).strength(0.1).peak(0.8).sector("Fintech").build(),
                person("nascent").tieClass(TieClass.NASCENT).sector("Fintech").build(),
                person("weak").knows("nascent").sector("Retail").build()), "fr"));

        assertThat(fintech.nextStep()).isEqualTo(new NextStep(NextStep.Kind.REACTIVATE, "dormant-close", "Diane Close", null,
                "Reprenez contact avec Diane Close, perdu(e) de vue, qui correspond à « Fintech »."));
    }

    @Test
    void whereOnlyANascentTieReachesATargetTheStrongestTieWhoKnowsThemIsAskedForThem() {
        TargetCoverage fintech = only(compute(objective(ObjectiveType.JOB_SEARCH, targets().sectors("Fintech")), List.of(
                person("nina").name("Nina New").tieClass(TieClass.NASCENT).sector("Fintech").build(),
                person("walter").name("Walter Weak").strength(0.3).knows("nina").sector("Retail").build(),
                person("sofia").name("Sofia Strong").tieClass(TieClass.STRONG).strength(0.8).knows("nina").sector("Retail").build(),
                person("dora").name("Dora Dormant").tieClass(TieClass.DORMANT).strength(0.9).knows("nina").sector("Retail").build()), "en"));

        assertThat(fintech.nextStep()).isEqualTo(new NextStep(NextStep.Kind.ASK_FOR_INTRODUCTION, "nina", "Nina New",
                new NextStep.Person("sofia", "Sofia Strong"), "Ask Sofia Strong to introduce you to Nina New, who matches “Fintech”."));
    }

    @Test
    void anAcquaintanceCountsWhicheverOfTheTwoListsTheOther() {
        TargetCoverage fintech = only(compute(objective(ObjectiveType.JOB_SEARCH, targets().sectors("Fintech"), "fr"), List.of(
                person("nina").name("Nina New").tieClass(TieClass.NASCENT).sector("Fintech").knows("walter").build(),
                person("walter").name("Walter Weak").sector("Retail").build()), "fr"));

        assertThat(fintech.nextStep().kind()).isEqualTo(NextStep.Kind.ASK_FOR_INTRODUCTION);
        assertThat(fintech.nextStep().via()).isEqualTo(new NextStep.Person("walter", "Walter Weak"));
        assertThat(fintech.nextStep().text()).isEqualTo("Demandez à Walter Weak de vous présenter Nina New, qui correspond à « Fintech ».");
    }

    @Test
    void nobodyWhoCouldBeAskedKnowsTheOnlyPersonWhoReachesATargetSoTheStepIsToLookForEvents() {
        TargetCoverage fintech = only(compute(objective(ObjectiveType.JOB_SEARCH, targets().sectors("Fintech")), List.of(
                person("nina").tieClass(TieClass.NASCENT).sector("Fintech").knows("nora").build(),
                person("nora").tieClass(TieClass.NASCENT).sector("Retail").build(),
                person("dora").tieClass(TieClass.DORMANT).sector("Retail").knows("nina").build()), "fr"));

        assertThat(fintech.ties()).isEqualTo(1);
        assertThat(fintech.nextStep()).isEqualTo(new NextStep(NextStep.Kind.LOOK_FOR_EVENTS, null, null, null,
                "Personne dans votre réseau pour l'instant : cherchez des événements ou des groupes autour de « Fintech »."));
    }

    @Test
    void anErasedContactStillListedBySomeoneIsNeitherCountedNorNamed() {
        // "erased" was a Fintech contact; its tie is gone, only Walter's list still names it.
        ObjectiveCoverage coverage = compute(objective(ObjectiveType.JOB_SEARCH, targets().sectors("Fintech")),
                List.of(person("walter").knows("erased").sector("Retail").build()), "en");

        assertThat(only(coverage).ties()).isZero();
        assertThat(only(coverage).nextStep().kind()).isEqualTo(NextStep.Kind.LOOK_FOR_EVENTS);
        assertThat(coverage.toString()).doesNotContain("erased");
    }

    @Test
    void aTargetAnActiveTieReachesHasNoNextStepEvenWhereADormantTieReachesItToo() {
        TargetCoverage fintech = only(compute(objective(ObjectiveType.JOB_SEARCH, targets().sectors("Fintech")), List.of(
                person("weak").sector("Fintech").build(),
                person("dormant").tieClass(TieClass.DORMANT).sector("Fintech").build()), "en"));

        assertThat(fintech.reachedByAnActiveTie()).isTrue();
        assertThat(fintech.nextStep()).isNull();
    }

    @Test
    void scalesAreNamedInWordsInBothLanguages() {
        Objective objective = objective(ObjectiveType.COMMERCIAL_PROSPECTING, targets().scales(GeographicScale.CITY, GeographicScale.WORLD));

        assertThat(compute(objective, List.of(), "fr").targets()).extracting(t -> t.nextStep().text()).containsExactly(
                "Personne dans votre réseau pour l'instant : cherchez des événements ou des groupes dans votre ville.",
                "Personne dans votre réseau pour l'instant : cherchez des événements ou des groupes dans des réseaux internationaux.");
        assertThat(compute(objective, List.of(), "en").targets()).extracting(t -> t.nextStep().text()).containsExactly(
                "No one in your network yet: look for events or groups in your city.",
                "No one in your network yet: look for events or groups in international networks.");
    }

    @Test
    void aDormantTieAtATargetScaleIsNamedWithTheScaleInWords() {
        TargetCoverage region = only(compute(objective(ObjectiveType.COMMERCIAL_PROSPECTING, targets().scales(GeographicScale.REGION)),
                List.of(person("dora").name("Dora Dormant").tieClass(TieClass.DORMANT).scale(GeographicScale.REGION).build()), "en"));

        assertThat(region.nextStep().text()).isEqualTo("Reconnect with Dora Dormant, a dormant tie who matches the region scale.");
        TargetCoverage monde = only(compute(objective(ObjectiveType.COMMERCIAL_PROSPECTING, targets().scales(GeographicScale.WORLD)),
                List.of(person("dora").name("Dora Dormant").tieClass(TieClass.DORMANT).scale(GeographicScale.WORLD).build()), "fr"));
        assertThat(monde.nextStep().text()).isEqualTo("Reprenez contact avec Dora Dormant, perdu(e) de vue, qui correspond à l'échelle « monde ».");
    }

    @Test
    void anyLanguageOtherThanFrenchIsWrittenInEnglish() {
        TargetCoverage fintech = only(compute(objective(ObjectiveType.JOB_SEARCH, targets().sectors("Fintech")), List.of(), "de"));

        assertThat(fintech.nextStep().text()).startsWith("No one in your network yet");
    }

    @Test
    void anObjectiveWithoutTargetsHasNoCoverageToReport() {
        assertThat(compute(objective(ObjectiveType.JOB_SEARCH, targets()), List.of(person("weak").build()), "en").targets()).isEmpty();
    }

    private static ObjectiveCoverage compute(Objective objective, List<RankableTie> ties, String language) {
        return CALCULATOR.compute(objective, OWNER, ties, language, NOW);
    }

    private static TargetCoverage only(ObjectiveCoverage coverage) {
        assertThat(coverage.targets()).hasSize(1);
        return coverage.targets().get(0);
    }

    private static Objective objective(ObjectiveType type, TargetsBuilder targets) {
        return objective(type, targets, "en");
    }

    private static Objective objective(ObjectiveType type, TargetsBuilder targets, String language) {
        return new Objective("objective-1", "owner-1", type, targets.build(), language, NOW, NOW);
    }

    private static TargetsBuilder targets() {
        return new TargetsBuilder();
    }

    /** An objective's targets, only the lists a test names. */
    private static final class TargetsBuilder {
        private List<String> sectors;
        private List<String> roles;
        private List<String> companies;
        private List<String> locations;
        private List<GeographicScale> scales;
        private List<String> topics;
        private List<String> needs;

        TargetsBuilder sectors(String... values) { sectors = List.of(values); return this; }
        TargetsBuilder roles(String... values) { roles = List.of(values); return this; }
        TargetsBuilder companies(String... values) { companies = List.of(values); return this; }
        TargetsBuilder locations(String... values) { locations = List.of(values); return this; }
        TargetsBuilder scales(GeographicScale... values) { scales = Arrays.asList(values); return this; }
        TargetsBuilder topics(String... values) { topics = List.of(values); return this; }
        TargetsBuilder needs(String... values) { needs = List.of(values); return this; }

        Objective.Targets build() {
            return new Objective.Targets(sectors, roles, companies, locations, scales, topics, needs);
        }
    }

    private static Person person(String contactId) {
        return new Person(contactId);
    }

    /** A tie with only the attributes a test cares about. */
    private static final class Person {
        private final String contactId;
        private String name;
        private TieClass tieClass = TieClass.WEAK;
        private double strength = 0.35;
        private Double peak;
        private GeographicScale scale = GeographicScale.CITY;
        private Origin origin = Origin.EVENT;
        private String sector;
        private String role;
        private String company;
        private List<String> pastCompanies = List.of();
        private List<String> tags = List.of();
        private List<String> knows;
        private Location location;

        Person(String contactId) {
            this.contactId = contactId;
            this.name = "Name of " + contactId;
        }

        Person name(String value) { name = value; return this; }
        Person tieClass(TieClass value) { tieClass = value; return this; }
        Person strength(double value) { strength = value; return this; }
        Person peak(double value) { peak = value; return this; }
        Person scale(GeographicScale value) { scale = value; return this; }
        Person origin(Origin value) { origin = value; return this; }
        Person sector(String value) { sector = value; return this; }
        Person role(String value) { role = value; return this; }
        Person company(String value) { company = value; return this; }
        Person pastCompanies(String... values) { pastCompanies = List.of(values); return this; }
        Person tags(String... values) { tags = List.of(values); return this; }
        Person knows(String... contactIds) { knows = List.of(contactIds); return this; }
        Person location(String city, String region, String country) {
            location = new Location(city, null, null, region, country, null, null);
            return this;
        }

        RankableTie build() {
            Tie tie = new Tie(contactId, name, strength, tieClass, new TieDimensions(0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.5, 0.2),
                    scale, origin, 3, NOW.minusSeconds(86_400 * 400L), NOW.minusSeconds(86_400 * 30L), knows == null ? 0 : knows.size(),
                    peak == null ? strength : peak, NOW.minusSeconds(86_400 * 30L), null, List.of(), NOW);
            Contact contact = new Contact(name, List.of(), company, role, sector, pastCompanies, List.of(), location, origin,
                    List.of(), null, null, null, knows, tags);
            return new RankableTie(tie, contact, null);
        }
    }
}
