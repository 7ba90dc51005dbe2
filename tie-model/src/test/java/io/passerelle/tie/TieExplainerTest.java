package io.passerelle.tie;

import static io.passerelle.tie.TieFixtures.NOW;
import static io.passerelle.tie.TieFixtures.fold;
import static io.passerelle.tie.TieFixtures.interaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.tie.OriginInference.Basis;
import io.passerelle.tie.OriginInference.EffectiveOrigin;
import io.passerelle.tie.TieStrengthModel.PastTieSign;
import io.passerelle.vocabulary.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every branch of {@link TieExplainer}, in English and in French, sentence by sentence; then every
 * phrase of {@link ExplanationWords} for every channel, origin and basis, and a check that no French
 * sentence keeps an English word (nor an English one a French word).
 */
class TieExplainerTest {
    private static final TieParameters PARAMETERS = TieParameters.defaults();
    private static final EffectiveOrigin UNKNOWN = EffectiveOrigin.UNKNOWN;

    @BeforeAll
    static void theSentencesBelowAreWrittenForTheDefaultThresholds() {
        assertThat(PARAMETERS.strongThreshold()).isEqualTo(0.55);
        assertThat(PARAMETERS.weakThreshold()).isEqualTo(0.30);
        assertThat(PARAMETERS.gestureChannels()).containsExactlyInAnyOrder(Channel.REACTION, Channel.PUBLIC_COMMENT, Channel.ENDORSEMENT);
    }

    private static Contact contact(Origin origin, Integer closeness, LocalDate connectedOn, List<String> mutual) {
        return new Contact("Camille Martin", null, null, null, null, null, null, null, origin, null, null, connectedOn, closeness, mutual,
                null);
    }

    private static EffectiveOrigin declared(Origin origin) {
        return new EffectiveOrigin(origin, Basis.DECLARED, null);
    }

    private static TieStatistics statistics(Interaction... interactions) {
        return fold(PARAMETERS, List.of(interactions));
    }

    private static Interaction at(Channel channel, String instant) {
        return interaction(channel, Direction.MUTUAL, Instant.parse(instant));
    }

    private static TieExplainer.Facts facts(TieStatistics statistics, Contact contact, TieClass tieClass, double strength,
            double strengthWhenLastActive, EffectiveOrigin origin, PastTieSign sign) {
        return new TieExplainer.Facts(statistics, contact, null, strength, tieClass, strengthWhenLastActive, NOW, origin, sign);
    }

    private static List<String> en(TieExplainer.Facts facts) {
        return TieExplainer.explain(facts, PARAMETERS, Language.EN);
    }

    private static List<String> fr(TieExplainer.Facts facts) {
        return TieExplainer.explain(facts, PARAMETERS, Language.FR);
    }

    @Nested
    class Nascent {
        @Test
        void aConnectionWithoutExchange() {
            TieExplainer.Facts facts = facts(TieStatistics.empty(), contact(null, null, LocalDate.of(2025, 6, 1), null), TieClass.NASCENT,
                    0.0, 0.0, UNKNOWN, null);
            assertThat(en(facts)).containsExactly("No interaction recorded yet, so the tie is nascent.", "Connected on 1 June 2025.");
            assertThat(fr(facts)).containsExactly("Aucun échange enregistré pour l'instant : le lien est naissant.",
                    "En relation depuis le 1er juin 2025.");
        }

        @Test
        void aContactWhoseDetailsHaveNotArrived() {
            TieExplainer.Facts facts = facts(TieStatistics.empty(), null, TieClass.NASCENT, 0.0, 0.0, UNKNOWN, null);
            assertThat(en(facts)).containsExactly("No interaction recorded yet, so the tie is nascent.",
                    "The contact's details have not arrived yet.");
            assertThat(fr(facts)).containsExactly("Aucun échange enregistré pour l'instant : le lien est naissant.",
                    "Les informations sur ce contact ne sont pas encore arrivées.");
        }

        @Test
        void aContactKnownByNothingSaysWhereTheStrengthComesFrom() {
            TieExplainer.Facts facts = facts(TieStatistics.empty(), contact(null, null, null, null), TieClass.NASCENT, 0.05, 0.0, UNKNOWN,
                    null);
            assertThat(en(facts)).containsExactly("No interaction recorded yet, so the tie is nascent.",
                    "Strength 0.05 comes from what is known of the contact alone.");
            assertThat(fr(facts)).containsExactly("Aucun échange enregistré pour l'instant : le lien est naissant.",
                    "La force du lien, 0,05, ne repose que sur les informations connues du contact.");
        }
    }

    @Nested
    class Dormant {
        @Test
        void withoutExchangeButASharedOrigin() {
            TieExplainer.Facts facts = facts(TieStatistics.empty(), contact(Origin.SCHOOL, null, null, null), TieClass.DORMANT, 0.1, 0.0,
                    declared(Origin.SCHOOL), PastTieSign.SHARED_ORIGIN);
            assertThat(en(facts)).containsExactly("No exchange logged, but you were at school together: a dormant tie to reactivate.",
                    "Met at school.");
            assertThat(fr(facts)).containsExactly(
                    "Aucun échange enregistré, mais vous avez fait vos études ensemble : un lien dormant à réactiver.",
                    "Une connaissance du temps des études.");
        }

        @Test
        void withoutExchangeButADeclaredCloseness() {
            TieExplainer.Facts facts = facts(TieStatistics.empty(), contact(Origin.EVENT, 4, null, null), TieClass.DORMANT, 0.2, 0.0,
                    declared(Origin.EVENT), PastTieSign.DECLARED_CLOSENESS);
            assertThat(en(facts)).containsExactly(
                    "No exchange logged, but you declared a closeness of 4 out of 5: a dormant tie to reactivate.",
                    "Declared closeness 4 out of 5.");
            assertThat(fr(facts)).containsExactly(
                    "Aucun échange enregistré, mais vous avez déclaré une proximité de 4 sur 5 : un lien dormant à réactiver.",
                    "Proximité déclarée : 4 sur 5.");
        }

        @Test
        void withoutExchangeButConnectedLongAgo() {
            TieExplainer.Facts facts = facts(TieStatistics.empty(), contact(null, null, LocalDate.of(2019, 3, 12), null), TieClass.DORMANT,
                    0.05, 0.0, UNKNOWN, PastTieSign.CONNECTED_LONG_AGO);
            assertThat(en(facts)).containsExactly(
                    "No exchange logged, but you have been connected since March 2019: a dormant tie to reactivate.",
                    "Connected on 12 March 2019.");
            assertThat(fr(facts)).containsExactly(
                    "Aucun échange enregistré, mais vous êtes en relation depuis mars 2019 : un lien dormant à réactiver.",
                    "En relation depuis le 12 mars 2019.");
        }

        @Test
        void withoutExchangeAndNoOriginKnownTheyHaveKnownEachOtherForAWhile() {
            TieExplainer.Facts facts = facts(TieStatistics.empty(), contact(null, null, null, List.of("m1")), TieClass.DORMANT, 0.05, 0.0,
                    UNKNOWN, PastTieSign.SHARED_ORIGIN);
            assertThat(en(facts)).containsExactly(
                    "No exchange logged, but you have known each other for a while: a dormant tie to reactivate.", "1 mutual contact.");
            assertThat(fr(facts)).containsExactly(
                    "Aucun échange enregistré, mais vous vous connaissez depuis un moment : un lien dormant à réactiver.",
                    "Un contact en commun.");
        }

        @Test
        void withoutExchangeButAnInferredSharedPlace() {
            EffectiveOrigin formerColleague = new EffectiveOrigin(Origin.FORMER_COLLEAGUE, Basis.PAST_COMPANY, "GLOBEX");
            TieExplainer.Facts facts = facts(TieStatistics.empty(), contact(null, null, null, List.of("m1", "m2", "m3")), TieClass.DORMANT,
                    0.1, 0.0, formerColleague, PastTieSign.SHARED_ORIGIN);
            assertThat(en(facts)).containsExactly(
                    "No exchange logged, but you both worked at GLOBEX: a dormant tie to reactivate.",
                    "Inferred as a former colleague: you both worked at GLOBEX.",
                    "3 mutual contacts.");
            assertThat(fr(facts)).containsExactly(
                    "Aucun échange enregistré, mais vous avez travaillé dans la même entreprise, GLOBEX : un lien dormant à réactiver.",
                    "Origine déduite : collègue par le passé, car vous avez travaillé dans la même entreprise, GLOBEX.",
                    "3 contacts en commun.");
        }

        @Test
        void withGesturesOnly() {
            TieExplainer.Facts facts = facts(statistics(at(Channel.REACTION, "2026-02-01T10:00:00Z")),
                    contact(Origin.FRIEND, null, null, null), TieClass.DORMANT, 0.2, 0.0, declared(Origin.FRIEND), PastTieSign.SHARED_ORIGIN);
            assertThat(en(facts)).containsExactly(
                    "No exchange logged beyond reactions, public comments or endorsements, but you are friends: a dormant tie to reactivate.",
                    "1 reaction to posts (1 interaction in all).",
                    "A friend.");
            assertThat(fr(facts)).containsExactly(
                    "Aucun échange enregistré (seulement des réactions, des commentaires publics ou des validations de compétences), "
                            + "mais une amitié vous lie : un lien dormant à réactiver.",
                    "Une réaction à une publication (1 interaction au total).",
                    "Une relation d'amitié.");
        }

        @Test
        void afterAStrongTie() {
            TieExplainer.Facts facts = facts(statistics(at(Channel.MEETING, "2022-02-10T10:00:00Z"), at(Channel.MEETING, "2022-03-15T10:00:00Z")),
                    contact(Origin.CLIENT, null, null, null), TieClass.DORMANT, 0.2, 0.71, declared(Origin.CLIENT), PastTieSign.SHARED_ORIGIN);
            assertThat(en(facts)).containsExactly(
                    "No exchange since March 2022; the tie was strong then (strength 0.71), so it is dormant.",
                    "Met in person twice since February 2022 (2 interactions in all).",
                    "A client.");
            assertThat(fr(facts)).containsExactly(
                    "Aucun échange depuis mars 2022, date à laquelle le lien était fort (force 0,71) : il est donc dormant.",
                    "2 rencontres en personne depuis février 2022 (2 interactions au total).",
                    "Une relation client.");
        }

        @Test
        void afterAWeakTie() {
            TieExplainer.Facts facts = facts(statistics(at(Channel.CALL, "2021-08-02T10:00:00Z")), contact(Origin.PARTNER, null, null, null),
                    TieClass.DORMANT, 0.1, 0.42, declared(Origin.PARTNER), PastTieSign.SHARED_ORIGIN);
            assertThat(en(facts)).containsExactly(
                    "No exchange since August 2021; the tie was weak then (strength 0.42), so it is dormant.",
                    "Talked on the phone once (1 interaction in all).",
                    "A business partner.");
            assertThat(fr(facts)).containsExactly(
                    "Aucun échange depuis août 2021, date à laquelle le lien était faible (force 0,42) : il est donc dormant.",
                    "Un appel téléphonique (1 interaction au total).",
                    "Une relation de partenariat.");
        }

        @Test
        void afterAFaintTieWithASharedPast() {
            TieExplainer.Facts facts = facts(statistics(at(Channel.EMAIL, "2022-12-05T10:00:00Z")), contact(Origin.NEIGHBOUR, null, null, null),
                    TieClass.DORMANT, 0.1, 0.12, declared(Origin.NEIGHBOUR), PastTieSign.SHARED_ORIGIN);
            assertThat(en(facts)).containsExactly(
                    "No exchange since December 2022 and the tie was faint then (strength 0.12), but you are neighbours: "
                            + "a dormant tie to reactivate.",
                    "1 email exchanged (1 interaction in all).",
                    "A neighbour, which says little about closeness.");
            assertThat(fr(facts)).containsExactly(
                    "Aucun échange depuis décembre 2022, date à laquelle le lien était ténu (force 0,12), mais vous habitez le même quartier : "
                            + "un lien dormant à réactiver.",
                    "Un courriel échangé (1 interaction au total).",
                    "Une relation de voisinage, ce qui dit peu de la proximité.");
        }

        @Test
        void withGesturesSinceTheLastExchange() {
            TieExplainer.Facts facts = facts(statistics(at(Channel.MEETING, "2022-02-10T10:00:00Z"), at(Channel.VIDEO_CALL, "2022-03-15T10:00:00Z"),
                    at(Channel.REACTION, "2026-03-01T10:00:00Z")), contact(Origin.FORMER_COLLEAGUE, null, null, null), TieClass.DORMANT, 0.2,
                    0.6, declared(Origin.FORMER_COLLEAGUE), PastTieSign.SHARED_ORIGIN);
            assertThat(en(facts)).containsExactly(
                    "No exchange since March 2022; the tie was strong then (strength 0.60), so it is dormant.",
                    "Since then only reactions, public comments or endorsements (the last on 1 March 2026): not enough to wake the tie, "
                            + "but a reason to reactivate it.",
                    "Met in person once since February 2022 (3 interactions in all).",
                    "A former colleague.");
            assertThat(fr(facts)).containsExactly(
                    "Aucun échange depuis mars 2022, date à laquelle le lien était fort (force 0,60) : il est donc dormant.",
                    "Depuis, seulement des réactions, des commentaires publics ou des validations de compétences (pour la dernière fois le "
                            + "1er mars 2026) : pas assez pour réveiller le lien, mais une raison de le réactiver.",
                    "Une rencontre en personne depuis février 2022 (3 interactions au total).",
                    "Une ancienne relation de travail.");
        }
    }

    @Nested
    class StrongAndWeak {
        @Test
        void aStrongTieNamesItsThresholdChannelLastContactAndCloseness() {
            TieExplainer.Facts facts = facts(statistics(at(Channel.MEETING, "2025-12-10T10:00:00Z"), at(Channel.MEETING, "2026-01-10T10:00:00Z"),
                    at(Channel.MEETING, "2026-02-10T10:00:00Z"), at(Channel.MEETING, "2026-02-22T10:00:00Z"),
                    at(Channel.EMAIL, "2026-02-20T10:00:00Z")), contact(Origin.FRIEND, 5, null, null), TieClass.STRONG, 0.81, 0.81,
                    declared(Origin.FRIEND), null);
            assertThat(en(facts)).containsExactly("Strength 0.81 reaches the strong-tie threshold of 0.55.",
                    "Met in person 4 times since December 2025 (5 interactions in all).",
                    "Last contact 10 days ago, on 22 February 2026.",
                    "Declared closeness 5 out of 5.");
            assertThat(fr(facts)).containsExactly("La force du lien, 0,81, atteint le seuil d'un lien fort (0,55).",
                    "4 rencontres en personne depuis décembre 2025 (5 interactions au total).",
                    "Dernier contact il y a 10 jours, le 22 février 2026.",
                    "Proximité déclarée : 5 sur 5.");
        }

        @Test
        void aWeakTieBelowTheThresholdLongSilent() {
            TieExplainer.Facts facts = facts(statistics(at(Channel.PRIVATE_MESSAGE, "2025-11-03T10:00:00Z"),
                    at(Channel.PRIVATE_MESSAGE, "2025-12-01T10:00:00Z")), contact(Origin.ONLINE, null, null, null), TieClass.WEAK, 0.31, 0.4,
                    declared(Origin.ONLINE), null);
            assertThat(en(facts)).containsExactly("Strength 0.31 is below the strong-tie threshold of 0.55.",
                    "2 private messages exchanged since November 2025 (2 interactions in all).",
                    "No contact since December 2025.",
                    "Met online.");
            assertThat(fr(facts)).containsExactly("La force du lien, 0,31, reste sous le seuil d'un lien fort (0,55).",
                    "2 messages privés échangés depuis novembre 2025 (2 interactions au total).",
                    "Aucun contact depuis décembre 2025.",
                    "Une rencontre en ligne.");
        }

        @Test
        void aWeakTieTooFaintToBeDormant() {
            TieExplainer.Facts facts = facts(statistics(at(Channel.EMAIL, "2022-01-20T10:00:00Z")), contact(Origin.INTRODUCED, null, null, null),
                    TieClass.WEAK, 0.05, 0.12, declared(Origin.INTRODUCED), null);
            assertThat(en(facts)).containsExactly(
                    "No exchange since January 2022, and the tie was too faint then to count as dormant (strength 0.12).",
                    "1 email exchanged (1 interaction in all).",
                    "No contact since January 2022.",
                    "Introduced by someone.");
            assertThat(fr(facts)).containsExactly(
                    "Aucun échange depuis janvier 2022, date à laquelle le lien était trop ténu pour être considéré comme dormant (force 0,12).",
                    "Un courriel échangé (1 interaction au total).",
                    "Aucun contact depuis janvier 2022.",
                    "Une mise en relation par une tierce personne.");
        }

        @Test
        void theLastContactTodayAndYesterday() {
            TieExplainer.Facts today = facts(statistics(at(Channel.CALL, "2026-03-04T08:00:00Z")), contact(Origin.OTHER, null, null, null),
                    TieClass.WEAK, 0.3, 0.3, declared(Origin.OTHER), null);
            assertThat(en(today)).contains("Last contact today.");
            assertThat(fr(today)).contains("Dernier contact aujourd'hui.");
            TieExplainer.Facts yesterday = facts(statistics(at(Channel.VIDEO_CALL, "2026-03-03T08:00:00Z")),
                    contact(Origin.OTHER, null, null, null), TieClass.WEAK, 0.3, 0.3, declared(Origin.OTHER), null);
            assertThat(en(yesterday)).containsExactly("Strength 0.30 is below the strong-tie threshold of 0.55.",
                    "Talked by video once (1 interaction in all).", "Last contact 1 day ago, on 3 March 2026.");
            assertThat(fr(yesterday)).containsExactly("La force du lien, 0,30, reste sous le seuil d'un lien fort (0,55).",
                    "Un appel en visioconférence (1 interaction au total).", "Dernier contact il y a 1 jour, le 3 mars 2026.");
        }

        @Test
        void anInferredOriginAndTheFourSentenceLimit() {
            EffectiveOrigin online = new EffectiveOrigin(Origin.ONLINE, Basis.SOCIAL_PLATFORM, "LinkedIn");
            TieExplainer.Facts facts = facts(statistics(at(Channel.ENDORSEMENT, "2026-02-01T10:00:00Z"),
                    at(Channel.ENDORSEMENT, "2026-02-02T10:00:00Z"), at(Channel.RECOMMENDATION, "2026-02-03T10:00:00Z")),
                    contact(null, null, null, List.of("m1", "m2")), TieClass.WEAK, 0.35, 0.35, online, null);
            List<String> english = en(facts);
            List<String> french = fr(facts);
            assertThat(english).hasSize(4).containsExactly("Strength 0.35 is below the strong-tie threshold of 0.55.",
                    "1 recommendation since February 2026 (3 interactions in all).",
                    "Last contact 29 days ago, on 3 February 2026.",
                    "Inferred as met online: the contact came from LinkedIn.");
            assertThat(french).hasSize(4).containsExactly("La force du lien, 0,35, reste sous le seuil d'un lien fort (0,55).",
                    "Une recommandation depuis février 2026 (3 interactions au total).",
                    "Dernier contact il y a 29 jours, le 3 février 2026.",
                    "Origine déduite : rencontre en ligne, car le contact vient de LinkedIn.");
        }
    }

    @Nested
    class Phrases {
        private final ExplanationWords english = ExplanationWords.of(Language.EN);
        private final ExplanationWords french = ExplanationWords.of(Language.FR);

        @Test
        void withoutALanguageTheExplanationIsInTheDefaultFrench() {
            assertThat(ExplanationWords.of(null)).isSameAs(french);
            TieExplainer.Facts facts = facts(TieStatistics.empty(), null, TieClass.NASCENT, 0.0, 0.0, UNKNOWN, null);
            assertThat(TieExplainer.explain(facts, PARAMETERS, null)).isEqualTo(fr(facts));
        }

        @Test
        void everyChannelOnceAndSeveralTimes() {
            Instant february = Instant.parse("2026-02-01T10:00:00Z");
            List<String> expectedEnglish = List.of(
                    "Met in person once (1 interaction in all).", "Met in person 3 times since February 2026 (7 interactions in all).",
                    "Talked on the phone once (1 interaction in all).", "Talked on the phone 3 times since February 2026 (7 interactions in all).",
                    "Talked by video once (1 interaction in all).", "Talked by video 3 times since February 2026 (7 interactions in all).",
                    "1 private message exchanged (1 interaction in all).", "3 private messages exchanged since February 2026 (7 interactions in all).",
                    "1 email exchanged (1 interaction in all).", "3 emails exchanged since February 2026 (7 interactions in all).",
                    "1 public comment (1 interaction in all).", "3 public comments since February 2026 (7 interactions in all).",
                    "1 reaction to posts (1 interaction in all).", "3 reactions to posts since February 2026 (7 interactions in all).",
                    "1 endorsement (1 interaction in all).", "3 endorsements since February 2026 (7 interactions in all).",
                    "1 recommendation (1 interaction in all).", "3 recommendations since February 2026 (7 interactions in all).",
                    "1 introduction (1 interaction in all).", "3 introductions since February 2026 (7 interactions in all).",
                    "Met at 1 event (1 interaction in all).", "Met at 3 events since February 2026 (7 interactions in all).");
            List<String> expectedFrench = List.of(
                    "Une rencontre en personne (1 interaction au total).",
                    "3 rencontres en personne depuis février 2026 (7 interactions au total).",
                    "Un appel téléphonique (1 interaction au total).",
                    "3 appels téléphoniques depuis février 2026 (7 interactions au total).",
                    "Un appel en visioconférence (1 interaction au total).",
                    "3 appels en visioconférence depuis février 2026 (7 interactions au total).",
                    "Un message privé échangé (1 interaction au total).",
                    "3 messages privés échangés depuis février 2026 (7 interactions au total).",
                    "Un courriel échangé (1 interaction au total).",
                    "3 courriels échangés depuis février 2026 (7 interactions au total).",
                    "Un commentaire public (1 interaction au total).",
                    "3 commentaires publics depuis février 2026 (7 interactions au total).",
                    "Une réaction à une publication (1 interaction au total).",
                    "3 réactions à des publications depuis février 2026 (7 interactions au total).",
                    "Une validation de compétences (1 interaction au total).",
                    "3 validations de compétences depuis février 2026 (7 interactions au total).",
                    "Une recommandation (1 interaction au total).",
                    "3 recommandations depuis février 2026 (7 interactions au total).",
                    "Une mise en relation (1 interaction au total).",
                    "3 mises en relation depuis février 2026 (7 interactions au total).",
                    "Un événement en commun (1 interaction au total).",
                    "3 événements en commun depuis février 2026 (7 interactions au total).");
            assertThat(channelSentences(english, february)).containsExactlyElementsOf(expectedEnglish);
            assertThat(channelSentences(french, february)).containsExactlyElementsOf(expectedFrench);
        }

        private List<String> channelSentences(ExplanationWords words, Instant since) {
            List<String> sentences = new ArrayList<>();
            for (Channel channel : Channel.values()) {
                sentences.add(words.channel(channel, 1, null, 1));
                sentences.add(words.channel(channel, 3, since, 7));
            }
            return sentences;
        }

        @Test
        void everyDeclaredOrigin() {
            assertThat(Arrays.stream(Origin.values()).map(english::origin)).containsExactly("A family member.", "A friend.",
                    "A neighbour, which says little about closeness.", "Met at school.", "A former colleague.", "A colleague.", "A client.",
                    "A business partner.", "Met at an event.", "Met online.", "Introduced by someone.", "Known through other means.");
            assertThat(Arrays.stream(Origin.values()).map(french::origin)).containsExactly("Un membre de votre famille.",
                    "Une relation d'amitié.", "Une relation de voisinage, ce qui dit peu de la proximité.",
                    "Une connaissance du temps des études.", "Une ancienne relation de travail.", "Une relation de travail actuelle.",
                    "Une relation client.", "Une relation de partenariat.", "Une rencontre lors d'un événement.", "Une rencontre en ligne.",
                    "Une mise en relation par une tierce personne.", "Une relation nouée par d'autres moyens.");
        }

        @Test
        void everySharedPast() {
            assertThat(Stream.concat(Stream.of((Origin) null), Arrays.stream(Origin.values())).map(english::sharedPastClause))
                    .containsExactly("you have known each other for a while", "you are family", "you are friends", "you are neighbours",
                            "you were at school together", "you worked together", "you work together", "you have done business together",
                            "you are business partners", "you met at an event", "you met online", "someone introduced you",
                            "you have known each other for a while");
            assertThat(Stream.concat(Stream.of((Origin) null), Arrays.stream(Origin.values())).map(french::sharedPastClause))
                    .containsExactly("vous vous connaissez depuis un moment", "vous êtes de la même famille", "une amitié vous lie",
                            "vous habitez le même quartier", "vous avez fait vos études ensemble", "vous avez travaillé ensemble",
                            "vous travaillez ensemble", "vous avez fait affaire ensemble", "vous êtes partenaires en affaires",
                            "vous avez fait connaissance lors d'un événement", "vous avez fait connaissance en ligne",
                            "quelqu'un a fait les présentations", "vous vous connaissez depuis un moment");
        }

        @Test
        void everyInferredOriginAndSharedPlace() {
            assertThat(english.inferredOrigin(Basis.SAME_COMPANY, "ACME")).isEqualTo("Inferred as a colleague: you both work at ACME.");
            assertThat(french.inferredOrigin(Basis.SAME_COMPANY, "ACME"))
                    .isEqualTo("Origine déduite : collègue, car vous travaillez dans la même entreprise, ACME.");
            assertThat(english.inferredOrigin(Basis.PAST_COMPANY, "ACME")).isEqualTo("Inferred as a former colleague: you both worked at ACME.");
            assertThat(french.inferredOrigin(Basis.PAST_COMPANY, "ACME"))
                    .isEqualTo("Origine déduite : collègue par le passé, car vous avez travaillé dans la même entreprise, ACME.");
            assertThat(english.inferredOrigin(Basis.SAME_SCHOOL, "HEC")).isEqualTo("Inferred as a school mate: you were both at HEC.");
            assertThat(french.inferredOrigin(Basis.SAME_SCHOOL, "HEC"))
                    .isEqualTo("Origine déduite : camarade d'études, car vous avez fréquenté la même école, HEC.");
            assertThat(english.inferredOrigin(Basis.SOCIAL_PLATFORM, "Viadeo"))
                    .isEqualTo("Inferred as met online: the contact came from Viadeo.");
            assertThat(french.inferredOrigin(Basis.SOCIAL_PLATFORM, "Viadeo"))
                    .isEqualTo("Origine déduite : rencontre en ligne, car le contact vient de Viadeo.");

            assertThat(english.sharedPlaceClause(Basis.SAME_COMPANY, "ACME")).isEqualTo("you both work at ACME");
            assertThat(french.sharedPlaceClause(Basis.SAME_COMPANY, "ACME")).isEqualTo("vous travaillez dans la même entreprise, ACME");
            assertThat(english.sharedPlaceClause(Basis.SAME_SCHOOL, "HEC")).isEqualTo("you were both at HEC");
            assertThat(french.sharedPlaceClause(Basis.SAME_SCHOOL, "HEC")).isEqualTo("vous avez fréquenté la même école, HEC");
            for (ExplanationWords words : List.of(english, french)) {
                for (Basis basis : EnumSet.of(Basis.DECLARED, Basis.NONE)) {
                    assertThatThrownBy(() -> words.inferredOrigin(basis, null)).isInstanceOf(IllegalArgumentException.class);
                    assertThatThrownBy(() -> words.sharedPlaceClause(basis, null)).isInstanceOf(IllegalArgumentException.class);
                }
            }
        }

        @ParameterizedTest
        @EnumSource(Basis.class)
        void anInferredSharedPlaceIsWhatMakesATieWithoutExchangeOneToReactivate(Basis basis) {
            if (basis != Basis.SAME_COMPANY && basis != Basis.PAST_COMPANY && basis != Basis.SAME_SCHOOL) {
                return;
            }
            Origin origin = basis == Basis.SAME_COMPANY ? Origin.COLLEAGUE : basis == Basis.PAST_COMPANY ? Origin.FORMER_COLLEAGUE : Origin.SCHOOL;
            TieExplainer.Facts facts = facts(TieStatistics.empty(), contact(null, null, null, null), TieClass.DORMANT, 0.1, 0.0,
                    new EffectiveOrigin(origin, basis, "Initech"), PastTieSign.SHARED_ORIGIN);
            assertThat(en(facts).get(0)).isEqualTo("No exchange logged, but " + english.sharedPlaceClause(basis, "Initech")
                    + ": a dormant tie to reactivate.");
            assertThat(fr(facts).get(0)).isEqualTo("Aucun échange enregistré, mais " + french.sharedPlaceClause(basis, "Initech")
                    + " : un lien dormant à réactiver.");
            assertThat(en(facts).get(1)).isEqualTo(english.inferredOrigin(basis, "Initech"));
            assertThat(fr(facts).get(1)).isEqualTo(french.inferredOrigin(basis, "Initech"));
        }

        @Test
        void gesturesListedWhateverTheirNumber() {
            assertThat(english.gestures(List.of())).isEqualTo("gestures");
            assertThat(french.gestures(List.of())).isEqualTo("des gestes");
            assertThat(english.gestures(List.of(Channel.REACTION))).isEqualTo("reactions");
            assertThat(french.gestures(List.of(Channel.REACTION))).isEqualTo("des réactions");
            assertThat(english.gestures(List.of(Channel.REACTION, Channel.EMAIL))).isEqualTo("reactions or emails");
            assertThat(french.gestures(List.of(Channel.REACTION, Channel.EMAIL))).isEqualTo("des réactions ou des courriels");
        }

        @Test
        void frenchDatesAreFrench() {
            List<String> months = new ArrayList<>();
            for (int month = 1; month <= 12; month++) {
                months.add(french.connectedOn(LocalDate.of(2024, month, 1).atStartOfDay(ZoneOffset.UTC).toInstant()));
            }
            assertThat(months).containsExactly("En relation depuis le 1er janvier 2024.", "En relation depuis le 1er février 2024.",
                    "En relation depuis le 1er mars 2024.", "En relation depuis le 1er avril 2024.", "En relation depuis le 1er mai 2024.",
                    "En relation depuis le 1er juin 2024.", "En relation depuis le 1er juillet 2024.", "En relation depuis le 1er août 2024.",
                    "En relation depuis le 1er septembre 2024.", "En relation depuis le 1er octobre 2024.",
                    "En relation depuis le 1er novembre 2024.", "En relation depuis le 1er décembre 2024.");
            assertThat(french.connectedSinceClause(Instant.parse("2024-03-03T23:59:00Z"))).isEqualTo("vous êtes en relation depuis mars 2024");
            assertThat(french.lastContact(2, Instant.parse("2024-03-03T23:59:00Z"))).isEqualTo("Dernier contact il y a 2 jours, le 3 mars 2024.");
            assertThat(french.lastContact(90, Instant.parse("2024-03-03T23:59:00Z"))).isEqualTo("Aucun contact depuis mars 2024.");
            assertThat(french.strong(0.555, 0.5)).isEqualTo("La force du lien, 0,56, atteint le seuil d'un lien fort (0,50).");
        }
    }

    /**
     * No French sentence keeps an English word, and no English sentence a French one: over every phrase the
     * two languages write, the words both use are only those both languages share (and the names quoted).
     */
    @Nested
    class NoWordOfTheOtherLanguage {
        /** Words French and English really share, and the names the sentences quote. */
        private static final Set<String> SHARED = Set.of("contact", "contacts", "interaction", "interactions", "dormant", "public",
                "message", "messages", "client", "a", "acme", "hec", "linkedin");
        /** English words a careless translation would leave in French. */
        private static final Set<String> ENGLISH_TELLS = Set.of("the", "and", "or", "but", "since", "tie", "ties", "strength", "strong",
                "weak", "nascent", "email", "emails", "mail", "mails", "meeting", "meetings", "call", "calls", "video", "last", "ago", "today",
                "you", "your", "with", "of", "at", "on", "in", "online", "endorsement", "endorsements", "reaction", "reactions", "like",
                "likes", "post", "posts", "once", "twice", "times", "threshold", "inferred", "school", "friend", "colleague", "event",
                "events", "introduction", "introductions", "recommendation", "recommendations", "closeness", "connected", "network");

        @Test
        void frenchSentencesHoldNoEnglishWordAndEnglishSentencesNoFrenchWord() {
            Set<String> englishWords = words(corpus(Language.EN));
            Set<String> frenchWords = words(corpus(Language.FR));
            Set<String> both = new TreeSet<>(englishWords);
            both.retainAll(frenchWords);
            assertThat(both).as("words found in both languages' sentences").isSubsetOf(SHARED);
            assertThat(frenchWords).as("English words in French sentences").doesNotContainAnyElementsOf(ENGLISH_TELLS);
            assertThat(englishWords).as("the check above would see them").containsAll(Set.of("the", "tie", "strength", "since"));
        }

        @Test
        void frenchSentencesUseNoInclusiveWritingMarks() {
            for (String sentence : corpus(Language.FR)) {
                assertThat(sentence).as(sentence).doesNotContain("·", "(e)", "(s)", "/e", ".e ").doesNotContainPattern("(?U)\\b(iel|iels)\\b");
                // Nor a word that would say the person's gender: the explanation does not know it.
                assertThat(sentence).as(sentence)
                        .doesNotContainPattern("(?U)\\b(amie?s?|voisine?s?|ancienne? collègue|rencontrée?s|présentée?s)\\b");
            }
        }

        private Set<String> words(List<String> sentences) {
            return sentences.stream()
                    .flatMap(sentence -> Arrays.stream(sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")))
                    .filter(word -> !word.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        /** Every sentence and clause the explanation writes in a language, over every branch and every value. */
        private List<String> corpus(Language language) {
            ExplanationWords words = ExplanationWords.of(language);
            Instant when = Instant.parse("2024-03-01T10:00:00Z");
            String gestures = TieExplainer.gestures(PARAMETERS, words);
            List<String> sentences = new ArrayList<>();
            for (Origin origin : Origin.values()) {
                sentences.add(words.origin(origin));
                sentences.add(words.sharedPastClause(origin));
            }
            sentences.add(words.sharedPastClause(null));
            for (Basis basis : EnumSet.of(Basis.SAME_COMPANY, Basis.PAST_COMPANY, Basis.SAME_SCHOOL)) {
                sentences.add(words.sharedPlaceClause(basis, "ACME"));
            }
            for (Basis basis : EnumSet.of(Basis.SAME_COMPANY, Basis.PAST_COMPANY, Basis.SAME_SCHOOL, Basis.SOCIAL_PLATFORM)) {
                sentences.add(words.inferredOrigin(basis, basis == Basis.SOCIAL_PLATFORM ? "LinkedIn" : "HEC"));
            }
            for (Channel channel : Channel.values()) {
                sentences.add(words.channel(channel, 1, null, 1));
                sentences.add(words.channel(channel, 2, when, 2));
                sentences.add(words.channel(channel, 5, when, 9));
                sentences.add(words.gestures(List.of(channel)));
            }
            String past = words.declaredClosenessClause(3);
            sentences.addAll(List.of(words.nascent(), words.dormantWithoutExchange(past), words.dormantWithGesturesOnly(gestures, past),
                    words.dormantAfterTie(when, true, 0.7), words.dormantAfterTie(when, false, 0.4),
                    words.dormantAfterFaintTie(when, 0.1, words.connectedSinceClause(when)), words.gesturesSince(gestures, when),
                    words.strong(0.8, 0.55), words.weak(0.3, 0.55), words.weakAfterFaintTie(when, 0.1), words.lastContact(0, when),
                    words.lastContact(1, when), words.lastContact(12, when), words.lastContact(400, when), words.contactNotArrived(),
                    words.declaredCloseness(4), words.mutualContacts(1), words.mutualContacts(6), words.connectedOn(when),
                    words.strengthFromContactAlone(0.1), words.gestures(List.of())));
            return sentences;
        }
    }
}
