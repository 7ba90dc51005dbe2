package io.passerelle.graph.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.vocabulary.Language;
import io.passerelle.vocabulary.NormalForm;
import io.passerelle.vocabulary.Vocabulary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DiagnosticsSummaryTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final Location PARIS = new Location("Paris", null, null, null, "FR", null, null);
    private static final Location BERLIN = new Location("Berlin", null, null, null, "DE", null, null);
    /** A whole number as the sentences write it: French groups thousands with a narrow no-break space, English with a comma. */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[\u202f\u00a0,]\\d{3})+(?!\\d)|\\d+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OwnerProfile owner(String language) {
        return new OwnerProfile("Alex", "Conseil", null, "Atelier", null, List.of("ESCP"), PARIS, null, language, false);
    }

    private static NetworkMember member(String id, String sector, Location location, TieClass tieClass, GeographicScale scale,
            List<String> mutual) {
        Contact contact = new Contact(id, null, null, null, sector, null, null, location, null, null, null, null, null, mutual, null);
        return new NetworkMember(id, contact, tieClass, scale);
    }

    /** Twelve contacts: eight alike (consulting in Paris), four from elsewhere; only two tied to each other. */
    private static List<NetworkMember> alterEgoNetwork() {
        List<NetworkMember> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(member("alike-" + i, i % 2 == 0 ? "Consulting" : "Conseil", PARIS, i < 3 ? TieClass.DORMANT : TieClass.STRONG,
                    GeographicScale.CITY, i == 0 ? List.of("alike-1") : null));
        }
        for (int i = 0; i < 4; i++) {
            members.add(member("other-" + i, "Logiciel", BERLIN, TieClass.WEAK, GeographicScale.EUROPE, null));
        }
        return members;
    }

    /** Ten contacts, none like the owner, spread from the neighbourhood to the world, all tied to another. */
    private static List<NetworkMember> bridgeNetwork() {
        GeographicScale[] scales = {GeographicScale.NEIGHBOURHOOD, GeographicScale.CITY, GeographicScale.REGION, GeographicScale.COUNTRY,
                GeographicScale.EUROPE, GeographicScale.WORLD};
        String[] sectors = {"Logiciel", "Banque", "Santé", "Immobilier", "Énergie"};
        List<NetworkMember> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(member("c" + i, sectors[i % sectors.length], BERLIN, i % 3 == 0 ? TieClass.STRONG : TieClass.WEAK,
                    scales[i % scales.length], List.of("c" + ((i + 1) % 10))));
        }
        return members;
    }

    /** Every number a sentence writes is, rounded, one of the figures of the same answer (a count, or a share as a percentage). */
    private static void assertEveryNumberIsAFigure(Diagnostics diagnostics) throws Exception {
        JsonNode answer = JSON.readTree(EventJson.write(diagnostics));
        Set<Long> figures = new HashSet<>();
        collect(answer, figures);
        assertThat(diagnostics.summary().sentences()).isNotEmpty().allSatisfy(sentence -> {
            Matcher matcher = NUMBER.matcher(sentence);
            while (matcher.find()) {
                long number = Long.parseLong(matcher.group().replaceAll("[\u202f\u00a0,]", ""));
                assertThat(figures).as("%s in \"%s\"", number, sentence).contains(number);
            }
        });
    }

    private static void collect(JsonNode node, Set<Long> figures) {
        if (node.isNumber()) {
            double value = Math.abs(node.asDouble());
            figures.add(Math.round(value));
            figures.add(Math.round(100 * value));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("summary")) {
                    collect(field.getValue(), figures);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, figures));
        }
    }

    /** Writing rules: no English-only word in French (and the reverse), no inclusive-writing marks. */
    private static void assertWrittenIn(DiagnosticsSummary summary, Language language) {
        Language other = language == Language.FR ? Language.EN : Language.FR;
        Set<String> foreign = Vocabulary.wordsOnlyIn(other);
        assertThat(summary.language()).isEqualTo(language.code());
        for (String sentence : summary.sentences()) {
            for (String word : foreign) {
                assertThat(NormalForm.containsWords(sentence, word)).as("\"%s\" in \"%s\"", word, sentence).isFalse();
            }
            assertThat(sentence).doesNotContain("·").doesNotContain("(e)").doesNotContain(".e.").doesNotContain("(s)")
                    .doesNotContainPattern("[a-zé]\\.(e|es|s)\\b").endsWith(".").matches("^\\p{Lu}.*");
        }
    }

    @Test
    void anAlterEgoNetworkInFrench() throws Exception {
        Diagnostics diagnostics = NetworkDiagnostics.compute("owner", owner("fr"), alterEgoNetwork(), NOW);
        List<String> sentences = diagnostics.summary().sentences();

        assertThat(sentences.get(0)).isEqualTo("Sur les 12 contacts que l'on peut comparer à vous, 67\u00a0% vous ressemblent par le "
                + "secteur, la ville, l'école ou l'employeur : un réseau d'alter ego plus que de ponts.");
        assertThat(sentences.get(1)).isEqualTo("Il atteint surtout la ville (67\u00a0%) et l'Europe (33\u00a0%), mais peu ou pas "
                + "le reste du monde.");
        assertThat(sentences).as("no history, no change sentence; two moves").hasSize(4);
        assertThat(sentences.get(2)).startsWith("Allez vers des personnes d'autres secteurs").contains("67\u00a0%");
        assertThat(sentences.get(3)).startsWith("Réveillez quelques-uns de vos 3 liens dormants");
        assertWrittenIn(diagnostics.summary(), Language.FR);
        assertEveryNumberIsAFigure(diagnostics);
    }

    @Test
    void aBridgeNetworkInEnglish() throws Exception {
        Diagnostics diagnostics = NetworkDiagnostics.compute("owner", owner("en"), bridgeNetwork(), NOW);
        List<String> sentences = diagnostics.summary().sentences();

        assertThat(sentences.get(0)).isEqualTo("Of the 10 contacts who can be compared with you, none resembles you in sector, city, "
                + "school or employer: a network of bridges more than of alter egos.");
        assertThat(sentences.get(1)).isEqualTo("It reaches mostly your neighbourhood (20%), your city (20%) and your region (20%).");
        assertThat(sentences).noneMatch(s -> s.startsWith("Reach out to people of other sectors"));
        assertWrittenIn(diagnostics.summary(), Language.EN);
        assertEveryNumberIsAFigure(diagnostics);
    }

    @Test
    void theDemoNetworkInBothLanguages() throws Exception {
        Diagnostics french = NetworkDiagnosticsTest.diagnoseDemoNetwork(NOW);
        Diagnostics english = french.withSummary(DiagnosticsSummary.of(french, Language.EN));
        System.out.printf("Demo network summary:%n  fr: %s%n  en: %s%n", String.join(" ", french.summary().sentences()),
                String.join(" ", english.summary().sentences()));

        assertThat(french.summary().language()).as("the demo owner writes French").isEqualTo("fr");
        assertThat(french.summary().first()).contains("alter ego plus que de ponts");
        assertThat(english.summary().first()).contains("alter egos more than of bridges");
        assertWrittenIn(french.summary(), Language.FR);
        assertWrittenIn(english.summary(), Language.EN);
        assertEveryNumberIsAFigure(french);
        assertEveryNumberIsAFigure(english);
    }

    @Test
    void whatChangedComesFromTheChangeOfTheSameAnswerAndKeepsTheLanguage() throws Exception {
        Diagnostics computed = NetworkDiagnostics.compute("owner", owner("en"), alterEgoNetwork(), NOW);
        Map<TieClass, Integer> byClass = new EnumMap<>(TieClass.class);
        byClass.put(TieClass.STRONG, 5);
        byClass.put(TieClass.WEAK, 4);
        Map<GeographicScale, Integer> byScale = new EnumMap<>(GeographicScale.class);
        byScale.put(GeographicScale.CITY, 5);
        byScale.put(GeographicScale.EUROPE, 4);
        DiagnosticsPoint monthAgo = DiagnosticsPoint.of(NOW.minus(Duration.ofDays(31)), 9, byClass, 0.5, byScale, null);

        Diagnostics answered = computed.withChange(DiagnosticsChange.of(DiagnosticsPoint.of(computed), monthAgo, null));

        assertThat(computed.summary().sentences()).noneMatch(s -> s.startsWith("Over the last"));
        assertThat(answered.summary().language()).isEqualTo("en");
        assertThat(answered.summary().sentences().get(2))
                .isEqualTo("Over the last month you gained 3 contacts and you have 3 more dormant ties.");
        assertThat(answered.summary().sentences()).as("the same sentences around it").containsAll(computed.summary().sentences());
        assertEveryNumberIsAFigure(answered);

        Diagnostics threeMonths = computed.withChange(DiagnosticsChange.of(DiagnosticsPoint.of(computed), null,
                DiagnosticsPoint.of(computed)));
        assertThat(threeMonths.summary().sentences().get(2))
                .isEqualTo("Over the last three months, the number of your contacts and of your ties of each kind has not moved.");

        Diagnostics frenchComputed = NetworkDiagnostics.compute("owner", owner("fr"), alterEgoNetwork(), NOW);
        Diagnostics frenchAnswered = frenchComputed.withChange(DiagnosticsChange.of(DiagnosticsPoint.of(frenchComputed), monthAgo, null));
        assertThat(frenchAnswered.summary().sentences().get(2))
                .isEqualTo("Depuis un mois, vous avez gagné 3 contacts et vous comptez 3 liens dormants de plus.");
        assertWrittenIn(frenchAnswered.summary(), Language.FR);
        assertEveryNumberIsAFigure(frenchAnswered);

        Diagnostics noHistory = computed.withChange(DiagnosticsChange.of(DiagnosticsPoint.of(computed), null, null));
        assertThat(noHistory.summary()).isEqualTo(computed.summary());
    }

    @Test
    void thinMutualDataIsAMoveWithItsFigures() throws Exception {
        // A bridge network of weak ties with no mutual-contact data: the moves are about reach and about that data.
        List<NetworkMember> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(member("c" + i, "Banque", BERLIN, TieClass.WEAK, GeographicScale.EUROPE, i == 0 ? List.of("c1") : null));
        }
        for (int i = 0; i < 10; i++) {
            members.add(member("w" + i, "Santé", BERLIN, TieClass.WEAK, GeographicScale.WORLD, null));
        }
        for (Language language : Language.values()) {
            OwnerProfile profile = owner(language.code());
            Diagnostics diagnostics = NetworkDiagnostics.compute("owner", profile, members, NOW);

            assertThat(diagnostics.brokerage()).isNull();
            assertThat(diagnostics.summary().sentences()).last().asString()
                    .contains(language == Language.FR ? "10\u00a0%" : "10%").contains(language == Language.FR ? "30\u00a0%" : "30%");
            assertWrittenIn(diagnostics.summary(), language);
            assertEveryNumberIsAFigure(diagnostics);
        }
    }

    @Test
    void anEmptyNetworkAndContactsThatCannotBeCompared() throws Exception {
        Diagnostics empty = NetworkDiagnostics.compute("owner", owner("en"), List.of(), NOW);
        assertThat(empty.summary().sentences()).containsExactly("No contacts yet.");

        Diagnostics noProfile = NetworkDiagnostics.compute("owner", null, alterEgoNetwork(), NOW);
        assertThat(noProfile.summary().language()).as("French without a profile").isEqualTo("fr");
        assertThat(noProfile.summary().first()).startsWith("Vos 12 contacts ne peuvent pas encore être comparés à vous");
        assertWrittenIn(noProfile.summary(), Language.FR);
        assertEveryNumberIsAFigure(noProfile);
    }

    @Test
    void theLanguageIsTheOwnersElseFrench() {
        assertThat(DiagnosticsSummary.languageOf((OwnerProfile) null)).isEqualTo(Language.FR);
        assertThat(DiagnosticsSummary.languageOf(owner("en"))).isEqualTo(Language.EN);
        assertThat(DiagnosticsSummary.languageOf(owner(null))).isEqualTo(Language.FR);
        assertThat(DiagnosticsSummary.languageOf((DiagnosticsSummary) null)).isEqualTo(Language.FR);
    }

    @Test
    void theSummaryIsReadBackFromTheCachedJson() throws Exception {
        Diagnostics diagnostics = NetworkDiagnostics.compute("owner", owner("en"), alterEgoNetwork(), NOW);
        assertThat(EventJson.read(EventJson.write(diagnostics), Diagnostics.class)).isEqualTo(diagnostics);
    }
}
