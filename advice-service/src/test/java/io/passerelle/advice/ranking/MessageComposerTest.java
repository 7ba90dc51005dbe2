package io.passerelle.advice.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RequestKind;
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Messages a person would send (DOMAIN.md section 5), sentence by sentence. */
class MessageComposerTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final MessageComposer COMPOSER = new MessageComposer();
    private static final OwnerProfile OWNER = new OwnerProfile("Bernard Lefèvre", "Coaching", "Coach", "Atelier Passerelle",
            List.of("Capgemini"), List.of("ESCP"), null, List.of(), "fr", false,
            "Coach d'entrepreneurs à Paris, j'aide les créateurs à tirer parti de leur réseau.");

    /** A contact with what a message may draw on. */
    private record Person(String name, Origin origin, Source source, LocalDate connectedOn, long interactions, Instant lastExchange,
                          TieClass tieClass, String company, String sector, String role, List<String> pastCompanies, List<String> schools) {
        static Person named(String name) {
            return new Person(name, Origin.ONLINE, Source.LINKEDIN, LocalDate.parse("2025-06-01"), 0, null, TieClass.NASCENT,
                    "Lydia", "Fintech", "Head of partnerships", List.of(), List.of());
        }

        Person origin(Origin value) { return new Person(name, value, source, connectedOn, interactions, lastExchange, tieClass, company, sector, role, pastCompanies, schools); }
        Person connectedOn(String date) { return new Person(name, origin, source, date == null ? null : LocalDate.parse(date), interactions, lastExchange, tieClass, company, sector, role, pastCompanies, schools); }
        Person interactions(long count) { return new Person(name, origin, source, connectedOn, count, lastExchange, tieClass, company, sector, role, pastCompanies, schools); }
        Person lastExchange(String instant) { return new Person(name, origin, source, connectedOn, Math.max(1, interactions), Instant.parse(instant), TieClass.WEAK, company, sector, role, pastCompanies, schools); }
        Person tieClass(TieClass value) { return new Person(name, origin, source, connectedOn, interactions, lastExchange, value, company, sector, role, pastCompanies, schools); }
        Person company(String value) { return new Person(name, origin, source, connectedOn, interactions, lastExchange, tieClass, value, sector, role, pastCompanies, schools); }
        Person role(String value) { return new Person(name, origin, source, connectedOn, interactions, lastExchange, tieClass, company, sector, value, pastCompanies, schools); }
        Person pastCompanies(String... values) { return new Person(name, origin, source, connectedOn, interactions, lastExchange, tieClass, company, sector, role, List.of(values), schools); }
        Person schools(String... values) { return new Person(name, origin, source, connectedOn, interactions, lastExchange, tieClass, company, sector, role, pastCompanies, List.of(values)); }

        RankableTie tie() {
            Tie tie = new Tie("c-" + Math.abs(name.hashCode()), name, 0.3, tieClass, new TieDimensions(0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.5, 0.2),
                    GeographicScale.CITY, origin, interactions, interactions > 0 ? NOW.minusSeconds(86_400L * 900) : null,
                    interactions > 0 ? (lastExchange != null ? lastExchange : NOW.minusSeconds(86_400L * 200)) : null, 4, 0.3, null,
                    lastExchange, List.of(), NOW);
            Contact contact = new Contact(name, List.of(), company, role, sector, pastCompanies, schools, null, origin, List.of(), source,
                    connectedOn, null, List.of(), List.of("digital networking", "fintech"));
            return new RankableTie(tie, contact, null);
        }
    }

    private static Objective objective(ObjectiveType type, Objective.Targets targets, String language) {
        return new Objective("obj", "owner-1", type, targets, language, NOW, NOW);
    }

    private static Objective jobSearch(String language, String... sectors) {
        return objective(ObjectiveType.JOB_SEARCH, new Objective.Targets(List.of(sectors), null, null, null, null, null, null), language);
    }

    private static Relevance sector(String target) {
        return new Relevance(1.0, List.of(new TargetMatch(TargetMatch.Kind.SECTOR, target, 1.0)));
    }

    private static String text(String language, Action action, Person person, Relevance relevance, OwnerProfile owner, Objective objective) {
        return COMPOSER.compose(language, action, person.tie(), null, relevance, owner, objective, NOW).text();
    }

    @ParameterizedTest(name = "\"{0}\" is greeted as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Inès Dubois|Bonjour Inès,", "Jean-Marc Le Guen|Bonjour Jean-Marc,", "Dr. Ada Lovelace|Bonjour Ada,", "Ada|Bonjour Ada,",
        "DUBOIS Inès|Bonjour Inès,", "Lovelace, Ada|Bonjour Ada,", "inès dubois|Bonjour Inès,", "M. Jean Dupont|Bonjour Jean,",
        "Inès Dubois (WTTJ)|Bonjour Inès,", "Inès Dubois - Welcome to the Jungle|Bonjour Inès,", "N'Golo Kanté|Bonjour N'Golo,",
        "ines.dubois@example.org|Bonjour,", "J. Dupont|Bonjour,", "c-17|Bonjour,", "Madame|Bonjour,", "' '|Bonjour,"})
    void greetsByFirstNameOnlyOrNotByNameAtAll(String displayName, String greeting) {
        String text = text("fr", Action.ASK_INFORMATION, Person.named(displayName), sector("Fintech"), OWNER, jobSearch(null, "Fintech"));

        assertThat(text.lines().findFirst()).contains(greeting);
    }

    @Test
    void theRequestIsPreciseAndEasyToDeclineInEveryActionAndLanguage() {
        for (Action action : Action.values()) {
            for (String language : List.of("fr", "en")) {
                Recommendation.Message message = COMPOSER.compose(language, action, Person.named("Camille Roux").tie(), null, sector("Fintech"),
                        OWNER, jobSearch(language, "Fintech"), NOW);
                Recommendation recommendation = new Recommendation("r", "o", "obj", "c", "Camille Roux", action, RequestKind.LIGHT, 0.5,
                        TieClass.NASCENT, 0.3, null, List.of(), message, NOW);

                MessageRules.check(recommendation, Person.named("Camille Roux").tie(), null, OWNER, NOW);
                assertThat(message.text()).as(action + " " + language)
                        .containsAnyOf("aucun souci", "je comprendrai tout à fait", "no worries at all", "I will completely understand");
            }
        }
    }

    @Test
    void aReachOutSaysWeHaveNotTalkedYetOnlyToARecentConnectionWithoutAnyInteraction() {
        Objective objective = jobSearch("fr", "Fintech");
        String recent = text("fr", Action.REACH_OUT, Person.named("Camille Roux").connectedOn("2025-06-01"), sector("Fintech"), OWNER, objective);
        String old = text("fr", Action.REACH_OUT, Person.named("Camille Roux").connectedOn("2021-06-01"), sector("Fintech"), OWNER, objective);
        String talked = text("fr", Action.REACH_OUT, Person.named("Camille Roux").interactions(2), sector("Fintech"), OWNER, objective);
        String unknown = text("fr", Action.REACH_OUT, Person.named("Camille Roux").connectedOn(null), sector("Fintech"), OWNER, objective);

        assertThat(MessageRules.claimsNeverTalked(recent)).as(recent).isTrue();
        assertThat(MessageRules.claimsNeverTalked(old)).as(old).isFalse();
        assertThat(old).contains("Nous sommes en relation sur LinkedIn depuis 2021.");
        assertThat(MessageRules.claimsNeverTalked(talked)).as(talked).isFalse();
        assertThat(MessageRules.claimsNeverTalked(unknown)).as(unknown).isFalse();
        assertThat(MessageRules.claimsNeverTalked(text("en", Action.REACH_OUT, Person.named("Camille Roux").connectedOn("2020-01-01"),
                sector("Fintech"), OWNER, jobSearch("en", "Fintech")))).isFalse();
    }

    @Test
    void theHookIsASharedEmployerOrSchoolAndTheLastExchange() {
        Objective objective = jobSearch("fr", "Fintech");
        Person colleague = Person.named("Fatima Girard").origin(Origin.FORMER_COLLEAGUE).pastCompanies("Capgemini SA")
                .lastExchange("2025-11-10T09:00:00Z");
        assertThat(text("fr", Action.ASK_ADVICE, colleague, sector("Fintech"), OWNER, objective))
                .contains("Nous avons travaillé ensemble chez Capgemini. Notre dernier échange remonte à novembre.");
        assertThat(text("en", Action.ASK_ADVICE, colleague, sector("Fintech"), OWNER, jobSearch("en", "Fintech")))
                .contains("We worked together at Capgemini. We were last in touch in November.");

        Person alumnus = Person.named("Julie Roux").schools("ESCP").lastExchange("2023-03-10T09:00:00Z");
        assertThat(text("fr", Action.ASK_ADVICE, alumnus, sector("Fintech"), OWNER, objective))
                .contains("Nous avons étudié à l'ESCP, vous comme moi. Notre dernier échange remonte à mars 2023.");

        Person nowAtOwnersFormer = Person.named("Léa Bonnet").company("Capgemini").tieClass(TieClass.DORMANT)
                .lastExchange("2019-05-01T09:00:00Z").tieClass(TieClass.DORMANT);
        assertThat(text("fr", Action.REACTIVATE, nowAtOwnersFormer, sector("Fintech"), OWNER, objective))
                .contains("Vous travaillez chez Capgemini, où j'ai moi-même travaillé. Notre dernier échange remonte à 2019.");

        assertThat(text("fr", Action.ASK_ADVICE, Person.named("Julien Morel").origin(Origin.INTRODUCED).connectedOn("2024-02-01").interactions(1),
                sector("Fintech"), OWNER, objective)).contains("Nous sommes en contact depuis 2024 grâce à une connaissance commune.");
        assertThat(text("en", Action.ASK_ADVICE, Person.named("Nadia Benali").origin(Origin.EVENT).connectedOn("2023-02-01").interactions(1),
                sector("Fintech"), OWNER, jobSearch("en", "Fintech"))).contains("We met at an event in 2023.");
    }

    @Test
    void thePitchIsUsedInItsOwnLanguageAndOtherwiseTheOwnersSectorAndCompany() {
        Person person = Person.named("Camille Roux").interactions(1);
        String french = text("fr", Action.ASK_ADVICE, person, sector("Fintech"), OWNER, jobSearch("fr", "Fintech"));
        String english = text("en", Action.ASK_ADVICE, person, sector("Fintech"), OWNER, jobSearch("en", "Fintech"));
        String withoutPitch = text("fr", Action.ASK_ADVICE, person, sector("Fintech"), OWNER.withPitch(null), jobSearch("fr", "Fintech"));

        assertThat(french).contains("Coach d'entrepreneurs à Paris, j'aide les créateurs à tirer parti de leur réseau.");
        assertThat(english).doesNotContain("Coach d'entrepreneurs").contains("These days I work in coaching, at Atelier Passerelle.");
        assertThat(withoutPitch).contains("Je travaille aujourd'hui dans le coaching, chez Atelier Passerelle.");
        // A pitch with no declared language is used where its words say it belongs.
        OwnerProfile undeclared = new OwnerProfile("Ada", null, null, null, null, null, null, null, null, null,
                "I am an engineer in Lyon looking for a product role in fintech");
        assertThat(text("en", Action.ASK_ADVICE, person, sector("Fintech"), undeclared, jobSearch("en", "Fintech")))
                .contains("I am an engineer in Lyon looking for a product role in fintech.");
        assertThat(text("fr", Action.ASK_ADVICE, person, sector("Fintech"), undeclared, jobSearch("fr", "Fintech")))
                .doesNotContain("engineer");
    }

    @Test
    void familyFriendsAndClientsAreNotToldWhoTheOwnerIs() {
        for (Origin origin : List.of(Origin.FAMILY, Origin.FRIEND, Origin.CLIENT)) {
            assertThat(text("fr", Action.ASK_INFORMATION, Person.named("Marie Petit").origin(origin).interactions(3), sector("Fintech"), OWNER,
                    jobSearch("fr", "Fintech"))).doesNotContain("Coach d'entrepreneurs").doesNotContain("Je travaille aujourd'hui");
        }
    }

    @Test
    void targetsAreNamedInTheMessagesLanguageWithTheirArticles() {
        Person person = Person.named("Jonas Weber").interactions(1);
        String french = text("fr", Action.ASK_ADVICE, person, sector("Software"), OWNER, jobSearch("en", "Software"));
        assertThat(french).contains("Je cherche un nouveau poste dans le logiciel.").doesNotContain("Software");
        String english = text("en", Action.ASK_ADVICE, person, sector("logiciel"), OWNER, jobSearch("fr", "logiciel"));
        assertThat(english).contains("I am looking for a new role in software.").doesNotContain("logiciel");

        Objective roles = objective(ObjectiveType.JOB_SEARCH, new Objective.Targets(List.of("Fintech"), List.of("chef de produit"), null, null,
                null, null, null), "fr");
        assertThat(text("fr", Action.ASK_ADVICE, person, sector("Fintech"), OWNER, roles))
                .contains("Je cherche un poste de product manager dans la fintech.");
        assertThat(text("en", Action.ASK_ADVICE, person, sector("Fintech"), OWNER, roles))
                .contains("I am looking for a product manager role in fintech.");

        Objective founder = objective(ObjectiveType.BUSINESS_CREATION, new Objective.Targets(null, null, null, null, null, null,
                List.of("co-founder", "investor")), "en");
        Relevance coFounder = new Relevance(1.0, List.of(new TargetMatch(TargetMatch.Kind.NEED, "co-founder", 1.0)));
        assertThat(text("fr", Action.ASK_INTRODUCTION, person, coFounder, OWNER, founder))
                .contains("je cherche une personne avec qui cofonder l'entreprise").doesNotContain("co-founder");
        Relevance investor = new Relevance(1.0, List.of(new TargetMatch(TargetMatch.Kind.NEED, "investor", 1.0)));
        assertThat(text("fr", Action.ASK_INTRODUCTION, person, investor, OWNER, founder))
                .contains("je cherche des investisseurs").doesNotContain("investor ");
    }

    @Test
    void anUnknownTargetWordIsQuotedOnlyInTheLanguageItWasTypedIn() {
        Person person = Person.named("Pierre Fabre").interactions(1).company(null);
        Person noSector = new Person("Pierre Fabre", Origin.ONLINE, Source.LINKEDIN, LocalDate.parse("2025-06-01"), 1, null, TieClass.WEAK,
                null, "Quincaillerie", null, List.of(), List.of());
        String sameLanguage = text("fr", Action.ASK_INFORMATION, noSector, sector("Quincaillerie"), OWNER, jobSearch("fr", "Quincaillerie"));
        String otherLanguage = text("en", Action.ASK_INFORMATION, noSector, sector("Quincaillerie"), OWNER, jobSearch("fr", "Quincaillerie"));
        String unknownLanguage = text("fr", Action.ASK_INFORMATION, noSector, sector("Quincaillerie"), OWNER.withPitch(null),
                jobSearch(null, "Quincaillerie"));

        assertThat(sameLanguage).contains("Je cherche un nouveau poste dans le domaine « Quincaillerie ».");
        assertThat(otherLanguage).doesNotContain("Quincaillerie").contains("I am looking for a new role.");
        // The owner's profile language is French: a target of an objective without language is French too.
        assertThat(unknownLanguage).contains("« Quincaillerie »");
        OwnerProfile silent = new OwnerProfile("Ada", null, null, null, null, null, null, null, null, null);
        assertThat(text("fr", Action.ASK_INFORMATION, noSector, sector("Quincaillerie"), silent, jobSearch(null, "Quincaillerie")))
                .doesNotContain("Quincaillerie");
        assertThat(person).isNotNull();
    }

    @Test
    void aTagMatchIsNeverWhatTheContactShares() {
        Objective reputation = objective(ObjectiveType.E_REPUTATION, new Objective.Targets(null, null, null, null, null,
                List.of("digital networking"), null), "fr");
        Relevance tag = new Relevance(0.5, List.of(new TargetMatch(TargetMatch.Kind.TOPIC, "digital networking", 1.0)));
        String text = text("fr", Action.ENGAGE_CONTENT, Person.named("Olivia Bennett").interactions(1), tag, OWNER, reputation);

        assertThat(text).contains("Je m'intéresse de près au réseautage professionnel.").doesNotContain("partagez").doesNotContain("digital");
        assertThat(text("en", Action.ENGAGE_CONTENT, Person.named("Olivia Bennett").interactions(1), tag, OWNER, reputation))
                .doesNotContain("you share").doesNotContain("you post");
    }

    @Test
    void aWarmPathNamesThePersonToMeetAndGreetsTheIntermediaryByFirstName() {
        RankableTie intermediary = Person.named("Camille Roux").interactions(3).lastExchange("2025-10-01T09:00:00Z").tie();
        RankableTie key = Person.named("Hugo Garnier").company("Go Capital").tie();
        Relevance investor = new Relevance(1.0, List.of(new TargetMatch(TargetMatch.Kind.NEED, "investor", 1.0)));
        Objective founder = objective(ObjectiveType.BUSINESS_CREATION, new Objective.Targets(null, null, null, null, null, null,
                List.of("investor")), null);

        String text = COMPOSER.compose("fr", Action.ASK_INTRODUCTION, intermediary, key, investor, OWNER, founder, NOW).text();

        assertThat(text).startsWith("Bonjour Camille,\n").contains("Je crois que vous connaissez Hugo Garnier, chez Go Capital.")
                .contains("échanger avec Hugo sur son expérience du financement : accepteriez-vous de nous mettre en relation ?")
                .contains("Si ce n'est pas le bon moment, aucun souci.");
    }

    @ParameterizedTest
    @EnumSource(ObjectiveType.class)
    void noInclusiveMarksNorGenderedAdjectiveInTheOwnersFirstPerson(ObjectiveType type) {
        Objective objective = objective(type, new Objective.Targets(List.of("Fintech"), null, null, null, null, List.of("e-reputation"),
                List.of("legal")), "fr");
        for (Action action : Action.values()) {
            String text = text("fr", action, Person.named("Camille Roux").interactions(1), sector("Fintech"), OWNER.withPitch(null), objective);
            assertThat(text).doesNotContain("·").doesNotContainIgnoringCase("heureux").doesNotContainIgnoringCase("ravi")
                    .doesNotContainIgnoringCase("intéressé").doesNotContain("(e)");
        }
    }

    @Test
    void roughlyWhen() {
        MessageComposer.Writing fr = new MessageComposer.Writing(io.passerelle.vocabulary.Language.FR, null);
        assertThat(MessageComposer.when(fr, Instant.parse("2026-02-20T10:00:00Z"), NOW)).isEqualTo("quelques semaines");
        assertThat(MessageComposer.when(fr, Instant.parse("2025-09-10T10:00:00Z"), NOW)).isEqualTo("septembre");
        assertThat(MessageComposer.when(fr, Instant.parse("2024-09-10T10:00:00Z"), NOW)).isEqualTo("septembre 2024");
        assertThat(MessageComposer.when(fr, Instant.parse("2020-09-10T10:00:00Z"), NOW)).isEqualTo("2020");
        assertThat(MessageComposer.atSchool("Université Paris-Dauphine")).isEqualTo("à l'Université Paris-Dauphine");
        assertThat(MessageComposer.atSchool("HEC")).isEqualTo("à HEC");
        assertThat(MessageComposer.atSchool("Lycée Henri-IV")).isEqualTo("au lycée Henri-IV");
        assertThat(Optional.ofNullable(null)).isEmpty();
    }
}
