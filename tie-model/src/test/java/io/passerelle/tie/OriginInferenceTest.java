package io.passerelle.tie;

import static io.passerelle.tie.TieFixtures.NOW;
import static io.passerelle.tie.TieFixtures.daysAgo;
import static io.passerelle.tie.TieFixtures.fold;
import static io.passerelle.tie.TieFixtures.interaction;
import static io.passerelle.tie.TieFixtures.ownerAt;
import static io.passerelle.tie.TieFixtures.withoutOrigin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.tie.OriginInference.Basis;
import io.passerelle.tie.OriginInference.EffectiveOrigin;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The origin of contacts that come without one (LinkedIn imports): from employers, schools and source. */
class OriginInferenceTest {
    private static final OwnerProfile OWNER = ownerAt("Société Générale", List.of("Acme", "Orange"), List.of("HEC Paris", "Lycée Fénelon"));
    private static final OwnerProfile ENGLISH_OWNER = TieFixtures.speaking("en", OWNER);
    private final TieStrengthModel model = new TieStrengthModel(TieParameters.defaults());

    private static EffectiveOrigin infer(Contact contact) {
        return OriginInference.infer(contact, OWNER);
    }

    @Test
    void theContactsOwnOriginWins() {
        Contact declared = new Contact("Camille", null, "Societe Generale", null, null, null, null, null, Origin.FRIEND, null,
                Source.LINKEDIN, null, null, null, null);

        assertThat(infer(declared)).isEqualTo(new EffectiveOrigin(Origin.FRIEND, Basis.DECLARED, null));
        assertThat(infer(declared).inferred()).isFalse();
    }

    @Test
    void theOwnersCurrentCompanyMakesAColleagueWhateverItsCaseAndAccents() {
        EffectiveOrigin origin = infer(withoutOrigin("SOCIETE generale", List.of("Acme"), List.of("HEC Paris"), Source.LINKEDIN));

        assertThat(origin).isEqualTo(new EffectiveOrigin(Origin.COLLEAGUE, Basis.SAME_COMPANY, "SOCIETE generale"));
        assertThat(origin.inferred()).isTrue();
    }

    @Test
    void aCompanyBothWorkedAtMakesAFormerColleague() {
        // The contact's current company among the owner's past ones.
        assertThat(infer(withoutOrigin("acme", null, null, null)))
                .isEqualTo(new EffectiveOrigin(Origin.FORMER_COLLEAGUE, Basis.PAST_COMPANY, "acme"));
        // Past companies on both sides.
        assertThat(infer(withoutOrigin("Danone", List.of("Total", "ORANGE"), List.of("HEC Paris"), Source.LINKEDIN)))
                .isEqualTo(new EffectiveOrigin(Origin.FORMER_COLLEAGUE, Basis.PAST_COMPANY, "ORANGE"));
        // The contact once worked where the owner works now.
        assertThat(infer(withoutOrigin("Danone", List.of("Société-Générale"), null, null)))
                .isEqualTo(new EffectiveOrigin(Origin.FORMER_COLLEAGUE, Basis.PAST_COMPANY, "Société-Générale"));
    }

    @Test
    void aSchoolBothAttendedMakesASchoolMate() {
        assertThat(infer(withoutOrigin("Danone", List.of("Total"), List.of("Sciences Po", "lycee fenelon"), Source.LINKEDIN)))
                .isEqualTo(new EffectiveOrigin(Origin.SCHOOL, Basis.SAME_SCHOOL, "lycee fenelon"));
    }

    @Test
    void aSocialPlatformMakesAnOnlineContactAndNothingLeavesItUnknown() {
        for (Source source : Source.values()) {
            EffectiveOrigin origin = infer(withoutOrigin("Danone", List.of("Total"), List.of("Sciences Po"), source));
            boolean social = List.of(Source.LINKEDIN, Source.VIADEO, Source.FACEBOOK, Source.TWITTER, Source.INSTAGRAM, Source.YOUTUBE)
                    .contains(source);
            assertThat(origin.origin()).as("%s", source).isEqualTo(social ? Origin.ONLINE : null);
        }
        assertThat(infer(withoutOrigin(null, null, null, null))).isEqualTo(new EffectiveOrigin(null, Basis.NONE, null));
        assertThat(OriginInference.infer(null, OWNER).origin()).isNull();
    }

    @Test
    void withoutTheOwnersProfileOnlyTheSourceSpeaks() {
        assertThat(OriginInference.infer(withoutOrigin("Société Générale", null, List.of("HEC Paris"), Source.VIADEO), null).origin())
                .isEqualTo(Origin.ONLINE);
        assertThat(OriginInference.infer(withoutOrigin("Société Générale", null, List.of("HEC Paris"), null), null).origin()).isNull();
    }

    @Test
    void theFirstRuleThatMatchesDecides() {
        assertThat(infer(withoutOrigin("Société Générale", List.of("Acme"), List.of("HEC Paris"), Source.LINKEDIN)).origin())
                .isEqualTo(Origin.COLLEAGUE);
        assertThat(infer(withoutOrigin("Acme", null, List.of("HEC Paris"), Source.LINKEDIN)).origin()).isEqualTo(Origin.FORMER_COLLEAGUE);
        assertThat(infer(withoutOrigin("Danone", null, List.of("HEC Paris"), Source.LINKEDIN)).origin()).isEqualTo(Origin.SCHOOL);
        assertThat(infer(withoutOrigin("Danone", null, List.of("MIT"), Source.LINKEDIN)).origin()).isEqualTo(Origin.ONLINE);
    }

    @Test
    void theModelReadsTheTieWithTheInferredOrigin() {
        Contact imported = withoutOrigin("Danone", List.of("Acme"), null, Source.LINKEDIN);
        Contact unknown = withoutOrigin("Danone", List.of("Total"), null, null);
        TieStatistics call = fold(List.of(interaction(Channel.CALL, Direction.MUTUAL, daysAgo(200))));
        Map<Origin, Double> factors = new EnumMap<>(TieParameters.defaults().recencyHalfLifeFactors());
        factors.put(Origin.FORMER_COLLEAGUE, 2.0);
        TieStrengthModel slowColleagues = new TieStrengthModel(TieParameters.defaults().withRecencyHalfLifeFactors(factors));

        assertThat(model.dimensions(call, imported, OWNER, NOW).originPrior()).isEqualTo(0.5);
        assertThat(model.dimensions(call, unknown, OWNER, NOW).originPrior()).isEqualTo(0.25);
        assertThat(slowColleagues.dimensions(call, imported, OWNER, NOW).recency())
                .isCloseTo(Math.pow(0.5, 200.0 / 360.0), within(1e-9));
        assertThat(slowColleagues.dimensions(call, unknown, OWNER, NOW).recency())
                .isCloseTo(Math.pow(0.5, 200.0 / 180.0), within(1e-9));
    }

    @Test
    void theTieIsPublishedWithTheInferredOriginAndSaysHowItWasInferred() {
        Contact imported = withoutOrigin("Danone", List.of("Acme"), null, Source.LINKEDIN);
        TieStatistics call = fold(List.of(interaction(Channel.CALL, Direction.MUTUAL, daysAgo(20))));

        Tie tie = model.describe("c1", call, imported, ENGLISH_OWNER, NOW, NOW);
        Tie withoutExchange = model.describe("c1", TieStatistics.empty(), imported, ENGLISH_OWNER, NOW, NOW);

        assertThat(tie.origin()).isEqualTo(Origin.FORMER_COLLEAGUE);
        assertThat(tie.explanation()).contains("Inferred as a former colleague: you both worked at Acme.");
        // A former colleague with no exchange logged is a tie to reactivate.
        assertThat(withoutExchange.tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(withoutExchange.explanation()).containsSubsequence(
                "No exchange logged, but you both worked at Acme: a dormant tie to reactivate.",
                "Inferred as a former colleague: you both worked at Acme.");
        assertThat(model.describe("c1", call, withoutOrigin("Danone", null, List.of("hec paris"), null), ENGLISH_OWNER, NOW, NOW)
                .explanation()).contains("Inferred as a school mate: you were both at hec paris.");
        assertThat(model.describe("c1", call, withoutOrigin("Danone", null, null, Source.LINKEDIN), ENGLISH_OWNER, NOW, NOW).explanation())
                .contains("Inferred as met online: the contact came from LinkedIn.");
        // The owner's own language, French, when none is asked.
        Tie inFrench = model.describe("c1", call, imported, OWNER, NOW, NOW);
        assertThat(inFrench.explanationLanguage()).isEqualTo("fr");
        assertThat(inFrench.explanation())
                .contains("Origine déduite : collègue par le passé, car vous avez travaillé dans la même entreprise, Acme.");
        assertThat(tie.explanationLanguage()).isEqualTo("en");
        assertThat(model.describe("c1", call, withoutOrigin("SG", null, null, null), OWNER, NOW, NOW).origin()).isNull();
    }
}
