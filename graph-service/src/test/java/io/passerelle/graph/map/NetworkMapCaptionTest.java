package io.passerelle.graph.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkMapCaptionTest {

    private static List<MappedTie> ties(int count, TieClass tieClass, GeographicScale scale, List<MappedTie> into) {
        for (int i = 0; i < count; i++) {
            into.add(new MappedTie(scale + "-" + tieClass + "-" + into.size(), null, tieClass, scale, false));
        }
        return into;
    }

    @Test
    void oneSentenceOfTheSharesNearbyAbroadAndWeakInTheOwnersLanguage() {
        List<MappedTie> network = new ArrayList<>();
        ties(30, TieClass.STRONG, GeographicScale.NEIGHBOURHOOD, network);
        ties(60, TieClass.WEAK, GeographicScale.CITY, network);
        ties(3, TieClass.WEAK, GeographicScale.REGION, network);
        ties(4, TieClass.DORMANT, GeographicScale.COUNTRY, network);
        ties(2, TieClass.WEAK, GeographicScale.EUROPE, network);
        ties(1, TieClass.NASCENT, GeographicScale.WORLD, network);

        assertThat(NetworkMapCaption.of(network, MapLanguage.FR)).isEqualTo(
                "Sur 100 liens, 93\u00a0% sont dans votre région ou plus près et 3\u00a0% hors de votre pays ; 65\u00a0% sont des liens faibles.");
        assertThat(NetworkMapCaption.of(network, MapLanguage.EN)).isEqualTo(
                "Of 100 ties, 93% are in your region or closer and 3% outside your country; 65% are weak ties.");
    }

    @Test
    void tiesWithoutAKnownPlaceAreSaidAndASmallShareIsNotRoundedToNothing() {
        List<MappedTie> network = new ArrayList<>();
        ties(1_995, TieClass.STRONG, GeographicScale.CITY, network);
        ties(4, TieClass.WEAK, GeographicScale.UNKNOWN, network);
        ties(1, TieClass.WEAK, GeographicScale.WORLD, network);

        assertThat(NetworkMapCaption.of(network, MapLanguage.FR)).isEqualTo("Sur 2\u202f000 liens, 100\u00a0% sont dans votre région ou plus "
                + "près et <1\u00a0% hors de votre pays, <1\u00a0% sans lieu connu ; <1\u00a0% sont des liens faibles.");
        assertThat(NetworkMapCaption.of(network, MapLanguage.EN)).isEqualTo("Of 2,000 ties, 100% are in your region or closer and <1% "
                + "outside your country, <1% without a known place; <1% are weak ties.");
    }

    @Test
    void noTiesAndOneTie() {
        assertThat(NetworkMapCaption.of(List.of(), MapLanguage.FR)).isEqualTo("Aucun lien pour l'instant.");
        assertThat(NetworkMapCaption.of(List.of(), MapLanguage.EN)).isEqualTo("No ties yet.");
        List<MappedTie> one = ties(1, TieClass.WEAK, GeographicScale.CITY, new ArrayList<>());
        assertThat(NetworkMapCaption.of(one, MapLanguage.EN)).startsWith("Of 1 tie, 100% are");
        assertThat(NetworkMapCaption.of(one, MapLanguage.FR)).startsWith("Sur 1 lien, 100\u00a0% sont");
    }

    @Test
    void languagesAreReadFromTheirCodes() {
        assertThat(MapLanguage.of("fr")).contains(MapLanguage.FR);
        assertThat(MapLanguage.of(" EN ")).contains(MapLanguage.EN);
        assertThat(MapLanguage.of("de")).isEmpty();
        assertThat(MapLanguage.of("")).isEmpty();
        assertThat(MapLanguage.of(null)).isEmpty();
    }
}
