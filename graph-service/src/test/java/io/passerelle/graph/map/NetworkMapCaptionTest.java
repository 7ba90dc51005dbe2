package io.passerelle.graph.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.diagnostics.DiagnosticsSummary;
import io.passerelle.graph.diagnostics.NetworkDiagnostics;
import io.passerelle.graph.diagnostics.NetworkMember;
import io.passerelle.vocabulary.Language;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkMapCaptionTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    @Test
    void theCaptionIsTheSummarysFirstSentenceInTheMapsLanguage() {
        Location paris = new Location("Paris", null, null, null, "FR", null, null);
        OwnerProfile owner = new OwnerProfile("Alex", "Conseil", null, null, null, null, paris, null, "en", false);
        Contact alike = new Contact("Ana", null, null, null, "Consulting", null, null, paris, null, null, null, null, null, null, null);
        Diagnostics diagnostics = NetworkDiagnostics.compute("owner", owner,
                List.of(new NetworkMember("ana", alike, TieClass.WEAK, GeographicScale.CITY)), NOW);

        assertThat(NetworkMapCaption.of(diagnostics, MapLanguage.EN)).isEqualTo(diagnostics.summary().sentences().get(0))
                .isEqualTo("Of the 1 contact who can be compared with you, 100% resemble you in sector, city, school or employer: "
                        + "a network of alter egos more than of bridges.");
        assertThat(NetworkMapCaption.of(diagnostics, MapLanguage.FR))
                .as("the map asked in French for an English-speaking owner").isEqualTo(DiagnosticsSummary.of(diagnostics, Language.FR).first())
                .startsWith("Sur 1 contact que");
    }

    @Test
    void noContacts() {
        Diagnostics empty = NetworkDiagnostics.compute("owner", null, List.of(), NOW);
        assertThat(NetworkMapCaption.of(empty, MapLanguage.FR)).isEqualTo("Aucun contact pour l'instant.");
        assertThat(NetworkMapCaption.of(empty, MapLanguage.EN)).isEqualTo("No contacts yet.");
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
