package io.passerelle.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What people type is recognised in either language, and every label reads right in both. */
class VocabularyTest {

    @ParameterizedTest(name = "\"{0}\" is the sector {1}")
    @CsvSource(delimiter = '|', value = {
        "Software|SOFTWARE", "logiciel|SOFTWARE", "Logiciels|SOFTWARE", "Éditeur de logiciels|SOFTWARE", "SaaS|SOFTWARE",
        "Fintech|FINTECH", "financial technology|FINTECH", "Paiements|FINTECH",
        "Digital media|DIGITAL_MEDIA", "médias numériques|DIGITAL_MEDIA", "Media|MEDIA", "presse|MEDIA",
        "Retail|RETAIL", "grande distribution|RETAIL", "Food|FOOD", "agroalimentaire|FOOD",
        "Consulting|CONSULTING", "conseil|CONSULTING", "Consultant|CONSULTING", "Journaliste|MEDIA", "journalists|MEDIA",
        "Telecommunication|TELECOMMUNICATIONS", "Human resources|HUMAN_RESOURCES", "RH|HUMAN_RESOURCES",
        "Santé|HEALTHCARE", "sante|HEALTHCARE", "healthtech|HEALTH_TECH", "e-santé|HEALTH_TECH",
        "Secteur public|PUBLIC_SECTOR", "government|PUBLIC_SECTOR", "Immobilier|REAL_ESTATE", "Énergie|ENERGY",
        "Venture capital|VENTURE_CAPITAL", "capital-risque|VENTURE_CAPITAL", "Legal services|LEGAL_SERVICES",
        "Accounting|ACCOUNTING", "Coaching|COACHING", "Entrepreneurship|ENTREPRENEURSHIP", "Aéronautique|AEROSPACE",
        "Télécoms|TELECOMMUNICATIONS", "Digital|DIGITAL", "numérique|DIGITAL", "Finance|FINANCE", "services financiers|FINANCE"})
    void sectorsAreRecognisedInFrenchAndEnglish(String typed, Sector sector) {
        assertThat(Vocabulary.SECTORS.recognise(typed)).contains(sector);
    }

    @ParameterizedTest(name = "\"{0}\" is the need {1}")
    @CsvSource(delimiter = '|', value = {
        "investor|INVESTORS", "Investors|INVESTORS", "investisseur|INVESTORS", "business angel|INVESTORS",
        "co-founder|CO_FOUNDER", "cofounder|CO_FOUNDER", "associé fondateur|CO_FOUNDER", "Associée fondatrice|CO_FOUNDER",
        "cofondateur|CO_FOUNDER", "legal|LEGAL", "avocat|LEGAL", "juridique|LEGAL", "finance|FINANCE", "comptable|FINANCE",
        "mentor|MENTOR", "parrain|MENTOR", "supplier|SUPPLIERS", "fournisseurs|SUPPLIERS",
        "first customers|FIRST_CUSTOMERS", "premiers clients|FIRST_CUSTOMERS"})
    void needsAreRecognisedInFrenchAndEnglish(String typed, Need need) {
        assertThat(Vocabulary.NEEDS.recognise(typed)).contains(need);
    }

    @ParameterizedTest(name = "\"{0}\" is the role {1}")
    @CsvSource(delimiter = '|', value = {
        "Product manager|PRODUCT_MANAGER", "chef de produit|PRODUCT_MANAGER", "Cheffe de produit|PRODUCT_MANAGER",
        "CTO|CTO", "directrice technique|CTO", "PDG|CEO", "CEO|CEO", "ingénieure|ENGINEER", "développeuse|DEVELOPER",
        "Software engineer|DEVELOPER", "recruteuse|RECRUITER", "talent acquisition lead|RECRUITER", "commerciale|SALES",
        "journaliste|JOURNALIST", "avocate|LAWYER", "expert-comptable|ACCOUNTANT"})
    void rolesAreRecognisedInFrenchAndEnglishWhateverTheGender(String typed, Role role) {
        assertThat(Vocabulary.ROLES.recognise(typed)).contains(role);
    }

    @ParameterizedTest(name = "\"{0}\" is the topic {1}")
    @CsvSource(delimiter = '|', value = {
        "e-reputation|E_REPUTATION", "e-réputation|E_REPUTATION", "online reputation|E_REPUTATION", "job search|JOB_SEARCH",
        "recherche d'emploi|JOB_SEARCH", "employer brand|EMPLOYER_BRAND", "marque employeur|EMPLOYER_BRAND",
        "digital networking|NETWORKING", "réseautage|NETWORKING", "career transition|CAREER_TRANSITION", "reconversion|CAREER_TRANSITION"})
    void topicsAreRecognisedInFrenchAndEnglish(String typed, Topic topic) {
        assertThat(Vocabulary.TOPICS.recognise(typed)).contains(topic);
    }

    @Test
    void anAssocieAloneIsAPartnerInAFirmNotACoFounder() {
        assertThat(Vocabulary.NEEDS.recognise("associé")).isEmpty();
        assertThat(Vocabulary.NEEDS.recognise("Associée")).isEmpty();
    }

    @Test
    void unknownAndEmptyWordsAreNotRecognised() {
        assertThat(Vocabulary.SECTORS.recognise("Underwater basket weaving")).isEmpty();
        assertThat(Vocabulary.SECTORS.recognise(null)).isEmpty();
        assertThat(Vocabulary.SECTORS.recognise("  ")).isEmpty();
        assertThat(Vocabulary.SECTORS.find(null)).isEmpty();
        assertThat(Vocabulary.languagesOf("basket weaving")).isEmpty();
    }

    @Test
    void recognitionIsOfTheWholeTextWhileFindingLooksInsideForTheLongestPhrase() {
        assertThat(Vocabulary.SECTORS.recognise("Fintech & payments")).isEmpty();
        assertThat(Vocabulary.SECTORS.find("Fintech & payments")).contains(Sector.FINTECH);
        assertThat(Vocabulary.SECTORS.find("Digital media & events")).contains(Sector.DIGITAL_MEDIA);
        assertThat(Vocabulary.SECTORS.find("Logiciel SaaS B2B")).contains(Sector.SOFTWARE);
        assertThat(Vocabulary.SECTORS.find("Digital health startups")).contains(Sector.HEALTH_TECH);
        // whole words only: "banking" is no "bank" inside another word
        assertThat(Vocabulary.SECTORS.find("Embankment works")).isEmpty();
    }

    @Test
    void sectorLabelsCarryTheirArticlesAndPrepositions() {
        assertThat(Sector.FINTECH.label().in(Language.FR)).isEqualTo("dans la fintech");
        assertThat(Sector.FINTECH.label().in(Language.EN)).isEqualTo("in fintech");
        assertThat(Sector.SOFTWARE.label().in(Language.FR)).isEqualTo("dans le logiciel");
        assertThat(Sector.SOFTWARE.label().interestIn(Language.FR)).isEqualTo("au logiciel");
        assertThat(Sector.SOFTWARE.label().of(Language.FR)).isEqualTo("du logiciel");
        assertThat(Sector.REAL_ESTATE.label().in(Language.FR)).isEqualTo("dans l'immobilier");
        assertThat(Sector.REAL_ESTATE.label().interestIn(Language.FR)).isEqualTo("à l'immobilier");
        assertThat(Sector.ENERGY.label().of(Language.FR)).isEqualTo("de l'énergie");
        assertThat(Sector.DIGITAL_MEDIA.label().in(Language.FR)).isEqualTo("dans les médias numériques");
        assertThat(Sector.DIGITAL_MEDIA.label().interestIn(Language.FR)).isEqualTo("aux médias numériques");
        assertThat(Sector.HUMAN_RESOURCES.label().of(Language.FR)).isEqualTo("des ressources humaines");
        assertThat(Sector.RETAIL.label().interestIn(Language.FR)).isEqualTo("à la distribution");
        assertThat(Sector.PUBLIC_SECTOR.label().in(Language.EN)).isEqualTo("in the public sector");
        assertThat(Sector.FOOD.label().in(Language.EN)).isEqualTo("in the food industry");
        assertThat(Sector.FOOD.label().in(Language.FR)).isEqualTo("dans l'agroalimentaire");
        assertThat(Sector.HEALTH_TECH.label().definite(Language.FR)).isEqualTo("l'e-santé");
        assertThat(Topic.E_REPUTATION.label().interestIn(Language.FR)).isEqualTo("à l'e-réputation");
        assertThat(Topic.JOB_SEARCH.label().about(Language.FR)).isEqualTo("sur la recherche d'emploi");
    }

    @Test
    void rolesAndNeedsAreNamedWithoutAGenderedPersonNoun() {
        assertThat(Role.PRODUCT_MANAGER.position(Language.FR)).isEqualTo("un poste de product manager");
        assertThat(Role.PRODUCT_MANAGER.position(Language.EN)).isEqualTo("a product manager role");
        assertThat(Role.ENGINEER.position(Language.FR)).isEqualTo("un poste en ingénierie");
        assertThat(Need.CO_FOUNDER.sought(Language.FR)).isEqualTo("une personne avec qui cofonder l'entreprise");
        assertThat(Need.CO_FOUNDER.sought(Language.EN)).isEqualTo("a co-founder");
        assertThat(Need.INVESTORS.sought(Language.FR)).isEqualTo("des investisseurs");
        for (String label : allLabels()) {
            assertThat(label).as(label).doesNotContain("·", "(e)", "/", ".e");
        }
    }

    @Test
    void aMissingOrUnknownLanguageIsTheDefaultFrench() {
        assertThat(Language.orDefault("en")).isEqualTo(Language.EN);
        assertThat(Language.orDefault(" EN ")).isEqualTo(Language.EN);
        assertThat(Language.orDefault("fr")).isEqualTo(Language.FR);
        assertThat(Language.orDefault(null)).isEqualTo(Language.FR);
        assertThat(Language.orDefault("")).isEqualTo(Language.FR);
        assertThat(Language.orDefault("de")).isEqualTo(Language.FR);
        assertThat(Language.DEFAULT).isEqualTo(Language.FR);
    }

    @Test
    void englishOnlyAndFrenchOnlyWordsAreTold() {
        assertThat(Vocabulary.wordsOnlyIn(Language.EN)).contains("software", "investor", "investors", "co founder", "digital media",
                "food", "retail", "legal", "job search", "digital networking", "human resources");
        assertThat(Vocabulary.wordsOnlyIn(Language.FR)).contains("logiciel", "investisseur", "cofondateur", "associe fondateur",
                "medias numeriques", "agroalimentaire", "recherche d emploi");
        for (String shared : List.of("fintech", "coaching", "product manager", "saas", "marketing", "media", "finance")) {
            assertThat(Vocabulary.wordsOnlyIn(Language.EN)).as(shared).doesNotContain(shared);
            assertThat(Vocabulary.wordsOnlyIn(Language.FR)).as(shared).doesNotContain(shared);
        }
        assertThat(Vocabulary.languagesOf("Logiciel")).containsExactly(Language.FR);
        assertThat(Vocabulary.languagesOf("Fintech")).containsExactlyInAnyOrder(Language.FR, Language.EN);
    }

    @Test
    void aFrenchLabelHoldsNoEnglishOnlyWordAndAnEnglishLabelNoFrenchOnlyWord() {
        for (Language language : Language.values()) {
            Language other = language == Language.FR ? Language.EN : Language.FR;
            for (String label : labelsIn(language)) {
                for (String word : Vocabulary.wordsOnlyIn(other)) {
                    assertThat(NormalForm.padded(label)).as("%s label \"%s\" holds the %s-only word \"%s\"", language, label, other, word)
                            .doesNotContain(" " + word + " ");
                }
            }
        }
    }

    @Test
    void everyLabelIsRecognisedAsItsOwnTerm() {
        for (Sector sector : Sector.values()) {
            assertThat(Vocabulary.SECTORS.recognise(sector.label().french().text())).as(sector.name()).contains(sector);
            assertThat(Vocabulary.SECTORS.recognise(sector.label().english().text())).as(sector.name()).contains(sector);
        }
        for (Topic topic : Topic.values()) {
            assertThat(Vocabulary.TOPICS.recognise(topic.label().french().text())).as(topic.name()).contains(topic);
            assertThat(Vocabulary.TOPICS.recognise(topic.label().english().text())).as(topic.name()).contains(topic);
        }
    }

    @Test
    void noWordNamesTwoTermsOfTheSameKind() {
        assertThatThrownBy(() -> new Lexicon<>(Clash.class)).isInstanceOf(IllegalStateException.class).hasMessageContaining("\"bank\"");
        assertThat(Stream.of(Vocabulary.SECTORS, Vocabulary.ROLES, Vocabulary.NEEDS, Vocabulary.TOPICS)).allSatisfy(lexicon ->
                assertThat(lexicon.words()).isNotEmpty());
    }

    @Test
    void frenchNounsElideBeforeAVowelUnlessPlural() {
        assertThat(FrenchNoun.masculine("immobilier").elided()).isTrue();
        assertThat(FrenchNoun.feminine("Énergie").elided()).isTrue();
        assertThat(FrenchNoun.masculine("logiciel").elided()).isFalse();
        assertThat(FrenchNoun.masculinePlural("acteurs").definite()).isEqualTo("les acteurs");
        assertThat(FrenchNoun.masculine("yoga").definite()).isEqualTo("le yoga");
        assertThat(EnglishNoun.withThe("public sector").about()).isEqualTo("about the public sector");
    }

    @Test
    void aCompanyFieldSayingSelfEmployedIsNoCompany() {
        assertThat(Vocabulary.isSelfEmployment("Independent")).isTrue();
        assertThat(Vocabulary.isSelfEmployment("Indépendante")).isTrue();
        assertThat(Vocabulary.isSelfEmployment("freelance")).isTrue();
        assertThat(Vocabulary.isSelfEmployment("Capgemini")).isFalse();
        assertThat(Vocabulary.isSelfEmployment("The Independent")).isFalse();
        assertThat(Vocabulary.isSelfEmployment(null)).isFalse();
    }

    @Test
    void languagesAreReadFromTheirApiCodes() {
        assertThat(Language.fromCode("fr")).contains(Language.FR);
        assertThat(Language.fromCode(" EN ")).contains(Language.EN);
        assertThat(Language.fromCode("de")).isEmpty();
        assertThat(Language.fromCode(null)).isEmpty();
        assertThat(Language.FR.code()).isEqualTo("fr");
    }

    @Test
    void normalFormsIgnoreCaseAccentsAndPunctuation() {
        assertThat(NormalForm.of("  Éditeur-de LOGICIELS ! ")).isEqualTo("editeur de logiciels");
        assertThat(NormalForm.of("Œnologie")).isEqualTo("oenologie");
        assertThat(NormalForm.containsWords("Fintech & payments", "payments")).isTrue();
        assertThat(NormalForm.containsWords("banking", "bank")).isFalse();
        assertThat(NormalForm.containsWords("anything", "")).isFalse();
    }

    private static List<String> labelsIn(Language language) {
        List<String> labels = new ArrayList<>();
        for (Sector sector : Sector.values()) {
            labels.add(sector.label().in(language));
        }
        for (Topic topic : Topic.values()) {
            labels.add(topic.label().definite(language));
        }
        for (Role role : Role.values()) {
            labels.add(role.position(language));
            labels.add(role.field().definite(language));
        }
        for (Need need : Need.values()) {
            labels.add(need.sought(language));
            labels.add(need.subject().definite(language));
        }
        return labels;
    }

    private static List<String> allLabels() {
        List<String> labels = new ArrayList<>(labelsIn(Language.FR));
        labels.addAll(labelsIn(Language.EN));
        return labels;
    }

    /** Two entries claiming one word. */
    enum Clash implements Term {
        ONE(Words.english("bank")), TWO(Words.french("banque").en("bank"));

        private final List<Word> words;

        Clash(Words words) {
            this.words = words.list();
        }

        @Override
        public List<Word> words() {
            return words;
        }
    }

    @Test
    void aWordKnowsItsLanguages() {
        assertThat(new Word("logiciel", EnumSet.of(Language.FR)).onlyIn(Language.FR)).isTrue();
        assertThat(new Word("fintech", EnumSet.allOf(Language.class)).onlyIn(Language.FR)).isFalse();
        assertThatThrownBy(() -> new Word("", EnumSet.of(Language.FR))).isInstanceOf(IllegalArgumentException.class);
    }
}
