package io.passerelle.advice.ranking;

import static io.passerelle.advice.ranking.Ties.tie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RequestKind;
import io.passerelle.contracts.model.TieClass;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WeakTieRankerTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final WeakTieRanker RANKER = new WeakTieRanker(RankingParameters.defaults());

    private static Objective objective(ObjectiveType type, Objective.Targets targets, String language) {
        return new Objective("obj-1", "owner-1", type, targets, language, NOW, NOW);
    }

    private static Objective.Targets sectors(String... sectors) {
        return new Objective.Targets(List.of(sectors), null, null, null, null, null, null);
    }

    private static OwnerProfile profile(String language, Boolean optIn) {
        return new OwnerProfile("Owner", "Finance", "Analyst", "Acme", List.of(), List.of(), null, List.of("open banking"), language, optIn);
    }

    private static List<Recommendation> rank(Objective objective, OwnerProfile owner, RankableTie... ties) {
        return RANKER.rank(new RankingRequest("owner-1", objective, owner, Arrays.asList(ties), 10, NOW));
    }

    private static Recommendation only(List<Recommendation> ranked) {
        assertThat(ranked).hasSize(1);
        return ranked.get(0);
    }

    private static List<String> codes(Recommendation recommendation) {
        return recommendation.reasons().stream().map(Recommendation.Reason::code).toList();
    }

    @Nested
    class Guardrail {
        private final Objective jobSearch = objective(ObjectiveType.JOB_SEARCH, sectors("Fintech"), "en");

        @ParameterizedTest
        @EnumSource(value = Origin.class, names = {"FAMILY", "FRIEND"})
        void closePersonalOriginGetsOnlyALightRequestWithoutOptIn(Origin origin) {
            Recommendation r = only(rank(jobSearch, profile("en", false), tie("c").origin(origin).sector("Fintech").build()));

            assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT);
            assertThat(r.action()).isEqualTo(Action.ASK_INFORMATION);
            assertThat(codes(r)).contains("STRONG_TIE_LIGHT_REQUEST_ONLY");
        }

        @Test
        void strongTieGetsOnlyALightRequestWithoutOptIn() {
            Recommendation r = only(rank(jobSearch, profile("en", null),
                    tie("c").tieClass(TieClass.STRONG).strength(0.9).origin(Origin.FORMER_COLLEAGUE).sector("Fintech").build()));

            assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT);
            assertThat(r.action()).isEqualTo(Action.ASK_INFORMATION);
            assertThat(codes(r)).contains("STRONG_TIE_LIGHT_REQUEST_ONLY");
        }

        @Test
        void unknownOwnerProfileMeansNoOptIn() {
            Recommendation r = only(rank(jobSearch, null, tie("c").origin(Origin.FAMILY).sector("Fintech").build()));

            assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT);
        }

        @ParameterizedTest
        @EnumSource(value = Origin.class, names = {"FAMILY", "FRIEND"})
        void optInAllowsCommittingRequestsToClosePersonalTies(Origin origin) {
            Recommendation r = only(rank(jobSearch, profile("en", true), tie("c").origin(origin).sector("Fintech").build()));

            assertThat(r.requestKind()).isEqualTo(RequestKind.COMMITTING);
            assertThat(r.action()).isEqualTo(Action.ASK_INTRODUCTION);
            assertThat(codes(r)).contains("CLOSE_TIE_COMMITTING_ALLOWED").doesNotContain("STRONG_TIE_LIGHT_REQUEST_ONLY");
        }

        @Test
        void optInAllowsCommittingRequestsToStrongTies() {
            Recommendation r = only(rank(jobSearch, profile("en", true),
                    tie("c").tieClass(TieClass.STRONG).strength(0.9).sector("Fintech").build()));

            assertThat(r.requestKind()).isEqualTo(RequestKind.COMMITTING);
            assertThat(r.action()).isEqualTo(Action.ASK_INTRODUCTION);
        }

        @Test
        void weakTieWithAnOrdinaryOriginKeepsItsCommittingRequest() {
            Recommendation r = only(rank(jobSearch, profile("en", false), tie("c").origin(Origin.EVENT).sector("Fintech").build()));

            assertThat(r.requestKind()).isEqualTo(RequestKind.COMMITTING);
            assertThat(codes(r)).doesNotContain("STRONG_TIE_LIGHT_REQUEST_ONLY", "CLOSE_TIE_COMMITTING_ALLOWED");
        }

        @Test
        void recommendationRequestToACloseTieBecomesEngagingWithTheirContent() {
            Objective reputation = objective(ObjectiveType.E_REPUTATION, sectors("Fintech"), "en");
            Recommendation r = only(rank(reputation, profile("en", false),
                    tie("c").tieClass(TieClass.STRONG).strength(0.9).origin(Origin.CLIENT).sector("Fintech").build()));

            assertThat(r.action()).isEqualTo(Action.ENGAGE_CONTENT);
            assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT);
        }

        @ParameterizedTest
        @EnumSource(ObjectiveType.class)
        void noObjectiveTypeEverSendsACommittingRequestToAFamilyOrStrongTieWithoutOptIn(ObjectiveType type) {
            Objective objective = objective(type, new Objective.Targets(List.of("Fintech"), List.of("CTO"), List.of("Lydia"),
                    null, null, List.of("payments"), List.of("investor")), "en");
            List<Recommendation> ranked = rank(objective, profile("en", false),
                    tie("family").origin(Origin.FAMILY).sector("Fintech").company("Lydia").role("CTO").build(),
                    tie("friend").origin(Origin.FRIEND).sector("Fintech").tags("payments").build(),
                    tie("strong").tieClass(TieClass.STRONG).strength(0.95).origin(Origin.CLIENT).company("Lydia").build(),
                    tie("partner").tieClass(TieClass.STRONG).strength(0.8).origin(Origin.PARTNER).role("investor").sector("Fintech").build());

            // Each objective takes whom it looks for (prospecting: decision makers and clients); none asks them to commit.
            assertThat(ranked).isNotEmpty().allSatisfy(r -> assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT));
            if (type != ObjectiveType.BUSINESS_CREATION) {
                assertThat(ranked).extracting(Recommendation::contactId).contains("family");
            }
        }

        @Test
        void guardrailPermitsOnlyWhatTheRuleAllows() {
            OutreachGuardrail guardrail = new OutreachGuardrail(java.time.Duration.ofDays(730));
            RankableTie family = tie("c").origin(Origin.FAMILY).build();
            RankableTie weak = tie("d").origin(Origin.ONLINE).build();
            RankableTie cold = tie("e").origin(Origin.ONLINE).unreciprocated().build();
            RankableTie lapsed = tie("f").origin(Origin.ONLINE).reciprocatedDaysAgo(731).build();
            OutreachPlan introduction = OutreachPlan.committing(Action.ASK_INTRODUCTION);

            assertThat(guardrail.permits(introduction, family, profile("en", false), NOW)).isFalse();
            assertThat(guardrail.permits(introduction, family, profile("en", true), NOW)).isTrue();
            assertThat(guardrail.permits(OutreachPlan.light(Action.ASK_INFORMATION), family, profile("en", false), NOW)).isTrue();
            assertThat(guardrail.permits(introduction, weak, null, NOW)).isTrue();
            // The opt-in lifts the closeness rule, never the reciprocity one.
            assertThat(guardrail.permits(introduction, cold, profile("en", true), NOW)).isFalse();
            assertThat(guardrail.permits(introduction, lapsed, profile("en", true), NOW)).isFalse();
            assertThat(guardrail.permits(OutreachPlan.light(Action.ASK_INTRODUCTION), cold, null, NOW)).isTrue();
        }
    }

    @Nested
    class Relevance {
        @Test
        void weakTieInTheTargetSectorRanksBeforeAWeakTieElsewhere() {
            Objective information = objective(ObjectiveType.INFORMATION, new Objective.Targets(
                    List.of("Fintech"), null, null, List.of("Lyon"), null, null, null), "en");
            List<Recommendation> ranked = rank(information, null,
                    tie("elsewhere").sector("Retail").location("Lyon", null, "FR").build(),
                    tie("insider").sector("Fintech").location("Lyon", null, "FR").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("insider", "elsewhere");
            assertThat(codes(ranked.get(0))).contains("WEAK_TIE_IN_TARGET_SECTOR", "IN_TARGET_LOCATION");
        }

        @Test
        void matchingIsCaseAndAccentInsensitive() {
            Objective objective = objective(ObjectiveType.INFORMATION, new Objective.Targets(
                    List.of("SANTE"), List.of("directrice medicale"), List.of("Societe Generale"), null, null, null, null), "fr");
            Recommendation r = only(rank(objective, null,
                    tie("c").sector("Santé numérique").role("Directrice médicale adjointe").company("Société Générale").build()));

            assertThat(codes(r)).contains("WEAK_TIE_IN_TARGET_SECTOR", "HOLDS_TARGET_ROLE", "WORKS_AT_TARGET_COMPANY");
        }

        @Test
        void partOfAWordIsNotAMatch() {
            Objective objective = objective(ObjectiveType.INFORMATION, sectors("art"), "en");

            assertThat(rank(objective, null, tie("c").sector("Artificial intelligence").build())).isEmpty();
        }

        @Test
        void aSectorTargetMatchesTheSectorsWordsOfTheSharedVocabularyInEitherLanguage() {
            // The same entries as graph-service's indices: "Conseil" and "Consulting" are one sector, "bank" is banking.
            assertThat(rank(objective(ObjectiveType.INFORMATION, sectors("Conseil"), "fr"), null,
                    tie("c").sector("Management consulting").build())).extracting(Recommendation::contactId).containsExactly("c");
            assertThat(rank(objective(ObjectiveType.INFORMATION, sectors("bank"), "en"), null,
                    tie("c").sector("Secteur bancaire").build())).extracting(Recommendation::contactId).containsExactly("c");
            assertThat(rank(objective(ObjectiveType.INFORMATION, sectors("Télécoms"), "fr"), null,
                    tie("c").sector("Telecommunication").build())).extracting(Recommendation::contactId).containsExactly("c");
            // Digital media is its own sector: the press is not in it.
            assertThat(rank(objective(ObjectiveType.INFORMATION, sectors("Médias numériques"), "fr"), null,
                    tie("c").sector("Presse").build())).isEmpty();
        }

        @Test
        void currentCompanyCountsMoreThanPastCompany() {
            Objective objective = objective(ObjectiveType.JOB_SEARCH, new Objective.Targets(
                    null, null, List.of("Airbus"), null, null, null, null), "en");
            List<Recommendation> ranked = rank(objective, null,
                    tie("alumnus").pastCompanies("Thales", "Airbus").build(),
                    tie("employee").company("Airbus Defence and Space").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("employee", "alumnus");
            assertThat(codes(ranked.get(0))).contains("WORKS_AT_TARGET_COMPANY");
            assertThat(codes(ranked.get(1))).contains("FORMERLY_AT_TARGET_COMPANY");
        }

        @Test
        void moreTargetsMatchedRanksHigher() {
            Objective objective = objective(ObjectiveType.JOB_SEARCH, new Objective.Targets(
                    List.of("Fintech"), List.of("Product manager"), null, null, null, null, null), "en");
            List<Recommendation> ranked = rank(objective, null,
                    tie("sector-only").sector("Fintech").build(),
                    tie("both").sector("Fintech").role("Senior Product Manager").build(),
                    tie("role-only").role("Product manager").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("both", "sector-only", "role-only");
        }

        @Test
        void locationsMatchCityRegionOrCountryByCodeOrName() {
            Objective objective = objective(ObjectiveType.INFORMATION, new Objective.Targets(
                    null, null, null, List.of("Auvergne-Rhône-Alpes", "Allemagne", "Bordeaux", "BE"), null, null, null), "en");
            List<Recommendation> ranked = rank(objective, null,
                    tie("region").location("Grenoble", "Auvergne Rhone Alpes", "FR").build(),
                    tie("country-name").location("Berlin", null, "DE").build(),
                    tie("city").location("bordeaux", "Nouvelle-Aquitaine", "FR").build(),
                    tie("country-code").location("Gent", null, "BE").build(),
                    tie("outside").location("Paris", "Île-de-France", "FR").build());

            assertThat(ranked).extracting(Recommendation::contactId)
                    .containsExactlyInAnyOrder("region", "country-name", "city", "country-code");
        }

        @Test
        void scalesAndTopicsMatchTheTieScaleAndTheContactTags() {
            Objective objective = objective(ObjectiveType.E_REPUTATION, new Objective.Targets(
                    null, null, null, null, List.of(GeographicScale.EUROPE), List.of("Open Banking"), null), "en");
            List<Recommendation> ranked = rank(objective, null,
                    tie("both").scale(GeographicScale.EUROPE).tags("open banking", "API").build(),
                    tie("scale").scale(GeographicScale.EUROPE).build(),
                    tie("topic").scale(GeographicScale.CITY).tags("open-banking").build(),
                    tie("none").scale(GeographicScale.CITY).tags("gardening").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("both", "topic", "scale");
            assertThat(codes(ranked.get(0))).contains("AT_TARGET_SCALE", "SHARES_TARGET_TOPIC");
        }

        @Test
        void reputationObjectiveWithoutTopicsPrefersTheOwnersTopicsWithoutRequiringThem() {
            Objective objective = objective(ObjectiveType.E_REPUTATION, Objective.Targets.NONE, "en");
            List<Recommendation> ranked = rank(objective, profile("en", false),
                    tie("unrelated").tags("cycling").build(),
                    tie("untagged").build(),
                    tie("aligned").tags("Open banking").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("aligned", "unrelated", "untagged");
            assertThat(codes(ranked.get(0))).contains("SHARES_TARGET_TOPIC");
        }

        @Test
        void reputationTopicsOfTheObjectiveRaiseButNeverFilter() {
            Objective objective = objective(ObjectiveType.E_REPUTATION,
                    new Objective.Targets(null, null, null, null, null, List.of("open banking"), null), "en");

            assertThat(rank(objective, null, tie("aligned").tags("open banking").build(), tie("other").build()))
                    .extracting(Recommendation::contactId).containsExactly("aligned", "other");
        }

        @Test
        void aContactSectorContainedInATargetIsNotAMatch() {
            // "Media" is not "Digital media"; "Digital media" is media.
            Objective digitalMedia = objective(ObjectiveType.INFORMATION, sectors("Digital media"), "en");
            Objective media = objective(ObjectiveType.INFORMATION, sectors("Media"), "en");

            assertThat(rank(digitalMedia, null, tie("c").sector("Media").build())).isEmpty();
            assertThat(rank(media, null, tie("c").sector("Digital media").build())).hasSize(1);
        }

        @Test
        void needsMatchRoleSectorOrTags() {
            Objective objective = objective(ObjectiveType.BUSINESS_CREATION, new Objective.Targets(
                    null, null, null, null, null, null, List.of("investor", "legal")), "en");
            List<Recommendation> ranked = rank(objective, null,
                    tie("angel").role("Angel investor").build(),
                    tie("lawyer").sector("Legal services").build(),
                    tie("tagged").tags("investor").build(),
                    tie("baker").role("Baker").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactlyInAnyOrder("angel", "lawyer", "tagged");
            assertThat(ranked).allSatisfy(r -> assertThat(codes(r)).contains("HAS_NEEDED_EXPERIENCE"));
        }

        @Test
        void objectiveWithoutTargetsRanksEveryTieBySweetSpot() {
            Objective objective = objective(ObjectiveType.INFORMATION, Objective.Targets.NONE, "en");
            List<Recommendation> ranked = rank(objective, null,
                    tie("strong").tieClass(TieClass.STRONG).strength(0.9).build(),
                    tie("weak").strength(0.35).build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("weak", "strong");
        }
    }

    @Nested
    class SweetSpot {
        private final Objective information = objective(ObjectiveType.INFORMATION, sectors("Fintech"), "en");

        @Test
        void aboutTenMutualContactsBeatNoneAndAHundred() {
            // Rajkumar et al. (2022): over mutual connections, the inverted U peaks around ten.
            List<Recommendation> ranked = rank(information, null,
                    tie("none").knows().sector("Fintech").build(),
                    tie("ten").mutuals(10).sector("Fintech").build(),
                    tie("hundred").mutuals(100).sector("Fintech").build(),
                    tie("three").mutuals(3).sector("Fintech").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("ten", "three", "hundred", "none");
            assertThat(codes(ranked.get(0))).contains("MODERATELY_WEAK_TIE");
            assertThat(codes(ranked.get(3))).doesNotContain("MODERATELY_WEAK_TIE");
        }

        @Test
        void theWeakestInteractionIntensityHelpsMostAmongOtherwiseEqualWeakTies() {
            List<Recommendation> ranked = rank(information, null,
                    tie("intense").intensity(0.8).mutuals(10).sector("Fintech").build(),
                    tie("light").intensity(0.1).mutuals(10).sector("Fintech").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("light", "intense");
            assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
        }

        @Test
        void strengthItselfIsNotTheBell() {
            // Two weak ties equal in everything but strength get the same sweet spot: the bell is over mutual contacts.
            List<Recommendation> ranked = rank(information, null,
                    tie("weaker").strength(0.1).sector("Fintech").build(),
                    tie("stronger").strength(0.5).sector("Fintech").build());

            assertThat(ranked.get(0).score()).isEqualTo(ranked.get(1).score());
        }

        @Test
        void weakAtThePeakBeatsDormantBeatsNascentBeatsStrongAtEqualRelevance() {
            List<Recommendation> ranked = rank(information, null,
                    tie("strong").tieClass(TieClass.STRONG).strength(0.9).sector("Fintech").build(),
                    tie("nascent").tieClass(TieClass.NASCENT).strength(0.1).sector("Fintech").build(),
                    tie("dormant").tieClass(TieClass.DORMANT).strength(0.1).sector("Fintech").build(),
                    tie("weak").mutuals(10).sector("Fintech").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("weak", "dormant", "nascent", "strong");
            assertThat(codes(ranked.get(0))).contains("WEAK_TIE_IN_TARGET_SECTOR");
            assertThat(ranked.subList(1, 4)).allSatisfy(r -> assertThat(codes(r)).contains("IN_TARGET_SECTOR"));
        }

        @Test
        void relevanceOutweighsTheSweetSpot() {
            Objective objective = objective(ObjectiveType.INFORMATION, new Objective.Targets(
                    List.of("Fintech"), List.of("CTO"), null, null, null, null, null), "en");
            List<Recommendation> ranked = rank(objective, null,
                    tie("ideal-strength").mutuals(10).sector("Fintech").build(),
                    tie("fully-relevant").tieClass(TieClass.NASCENT).sector("Fintech").role("CTO").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("fully-relevant", "ideal-strength");
        }

        @Test
        void forReputationFewerMutualContactsReachFurther() {
            Objective reputation = objective(ObjectiveType.E_REPUTATION, sectors("Fintech"), "en");
            List<Recommendation> ranked = rank(reputation, null,
                    tie("same-circle").mutuals(40).sector("Fintech").build(),
                    tie("bridge").knows().sector("Fintech").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("bridge", "same-circle");
        }

        @Test
        void scoresStayBetweenZeroAndOneAndDistinctWithoutSaturating() {
            Objective jobSearch = objective(ObjectiveType.JOB_SEARCH, new Objective.Targets(List.of("Fintech"), List.of("Product manager"),
                    List.of("Lydia"), List.of("Paris"), null, null, null), "en");
            List<Recommendation> ranked = rank(jobSearch, null,
                    tie("a").mutuals(10).intensity(0.1).sector("Fintech").role("Product manager").company("Lydia")
                            .location("Paris", null, "FR").build(),
                    tie("b").mutuals(11).intensity(0.1).sector("Fintech").role("Product manager").company("Lydia")
                            .location("Paris", null, "FR").build(),
                    tie("c").mutuals(10).intensity(0.2).sector("Fintech").role("Product manager").company("Lydia")
                            .location("Paris", null, "FR").build());

            assertThat(ranked).allSatisfy(r -> assertThat(r.score()).isBetween(0.0, 1.0).isLessThan(1.0));
            assertThat(ranked).extracting(Recommendation::score).doesNotHaveDuplicates();
        }
    }

    @Nested
    class Dormant {
        private final Objective jobSearch = objective(ObjectiveType.JOB_SEARCH, sectors("Fintech"), "en");

        @Test
        void dormantTieIsToReactivate() {
            Recommendation r = only(rank(jobSearch, null, tie("c").tieClass(TieClass.DORMANT).strength(0.1).sector("Fintech").build()));

            assertThat(r.action()).isEqualTo(Action.REACTIVATE);
            assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT);
            assertThat(codes(r)).contains("DORMANT_REACTIVATION");
        }

        @Test
        void formerlyStrongDormantTieSaysSoAndRanksAboveAnotherDormantTie() {
            // Graph-service publishes STRONG, then WEAK, then DORMANT: "formerly strong" comes from the peak strength.
            List<Recommendation> ranked = rank(jobSearch, null,
                    tie("was-weak").tieClass(TieClass.DORMANT).previous(TieClass.WEAK).strength(0.1).peak(0.4).sector("Fintech").build(),
                    tie("was-strong").tieClass(TieClass.DORMANT).previous(TieClass.WEAK).strength(0.1).peak(0.7).sector("Fintech").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("was-strong", "was-weak");
            assertThat(codes(ranked.get(0))).contains("DORMANT_FORMERLY_STRONG");
            assertThat(ranked).allSatisfy(r -> assertThat(r.action()).isEqualTo(Action.REACTIVATE));
        }

        @Test
        void nascentTieIsAFirstLightContact() {
            Recommendation r = only(rank(objective(ObjectiveType.INFORMATION, sectors("Fintech"), "en"), null,
                    tie("c").tieClass(TieClass.NASCENT).strength(0.05).sector("Fintech").build()));

            assertThat(r.action()).isEqualTo(Action.REACH_OUT);
            assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT);
            assertThat(codes(r)).contains("NASCENT_TIE");
        }
    }

    @Nested
    class ObjectiveTypes {
        static Stream<Arguments> plans() {
            return Stream.of(
                    // type, contact sector, contact origin, contact role, expected action, expected kind
                    Arguments.of(ObjectiveType.JOB_SEARCH, "Fintech", Origin.EVENT, "Analyst", Action.ASK_INTRODUCTION, RequestKind.COMMITTING),
                    Arguments.of(ObjectiveType.JOB_SEARCH, "Retail", Origin.EVENT, "Recruiter", Action.ASK_INFORMATION, RequestKind.LIGHT),
                    Arguments.of(ObjectiveType.COMMERCIAL_PROSPECTING, "Retail", Origin.CLIENT, "Analyst", Action.ASK_REFERRAL, RequestKind.COMMITTING),
                    Arguments.of(ObjectiveType.COMMERCIAL_PROSPECTING, "Fintech", Origin.EVENT, "Gérante", Action.ASK_ADVICE, RequestKind.LIGHT),
                    Arguments.of(ObjectiveType.E_REPUTATION, "Retail", Origin.CLIENT, "Analyst", Action.ASK_RECOMMENDATION, RequestKind.COMMITTING),
                    Arguments.of(ObjectiveType.E_REPUTATION, "Retail", Origin.ONLINE, "Analyst", Action.ENGAGE_CONTENT, RequestKind.LIGHT),
                    Arguments.of(ObjectiveType.BUSINESS_CREATION, "Fintech", Origin.EVENT, "Business angel", Action.ASK_INTRODUCTION, RequestKind.COMMITTING),
                    Arguments.of(ObjectiveType.BUSINESS_CREATION, "Retail", Origin.EVENT, "Avocate", Action.ASK_ADVICE, RequestKind.LIGHT),
                    Arguments.of(ObjectiveType.BUSINESS_CREATION, "Fintech", Origin.EVENT, "Sales manager", Action.ASK_INFORMATION, RequestKind.LIGHT),
                    Arguments.of(ObjectiveType.INFORMATION, "Fintech", Origin.EVENT, "Analyst", Action.ASK_INFORMATION, RequestKind.LIGHT));
        }

        @ParameterizedTest(name = "{0} with a {2} {3} in {1}: {4} {5}")
        @MethodSource("plans")
        void actionAndRequestKindFollowTheObjectiveType(ObjectiveType type, String sector, Origin origin, String role, Action action,
                                                        RequestKind kind) {
            // Every contact is relevant through the Lyon target; the sector decides whether they are an insider.
            Objective objective = objective(type, new Objective.Targets(List.of("Fintech"), null, null, List.of("Lyon"), null, null, null), "en");
            Recommendation r = only(rank(objective, profile("en", false),
                    tie("c").origin(origin).sector(sector).role(role).location("Lyon", null, "FR").build()));

            assertThat(r.action()).isEqualTo(action);
            assertThat(r.requestKind()).isEqualTo(kind);
        }

        @ParameterizedTest
        @EnumSource(ObjectiveType.class)
        void dormantTieIsToReactivateWhateverTheObjective(ObjectiveType type) {
            Recommendation r = only(rank(objective(type, sectors("Fintech"), "en"), null,
                    tie("c").tieClass(TieClass.DORMANT).sector("Fintech").role("Founder and CEO").build()));

            assertThat(r.action()).isEqualTo(Action.REACTIVATE);
        }
    }

    @Nested
    class Messages {
        private final RankableTie insider = tie("c-7").name("Camille Martin").sector("Fintech").company("Lydia").build();

        @Test
        void englishObjectiveGetsAnEnglishMessageNamingTheContact() {
            Recommendation r = only(rank(objective(ObjectiveType.JOB_SEARCH, sectors("Fintech"), "en"), profile("fr", false), insider));

            assertThat(r.message().language()).isEqualTo("en");
            assertThat(r.message().text()).startsWith("Hello Camille,").contains("in fintech");
            assertThat(r.reasons()).allSatisfy(reason -> assertThat(reason.text()).isNotBlank());
            assertThat(r.reasons().get(0).text()).isEqualTo("A weak tie working in Fintech, a sector you target.");
        }

        @Test
        void frenchObjectiveGetsAFrenchMessageAndFrenchReasons() {
            Recommendation r = only(rank(objective(ObjectiveType.JOB_SEARCH, sectors("Fintech"), "fr"), profile("en", false), insider));

            assertThat(r.message().language()).isEqualTo("fr");
            assertThat(r.message().text()).startsWith("Bonjour Camille,").contains("dans la fintech");
            assertThat(r.reasons().get(0).text()).isEqualTo("Un lien faible qui travaille dans le secteur visé : Fintech.");
        }

        @Test
        void objectiveWithoutLanguageUsesTheOwnersLanguage() {
            Recommendation r = only(rank(objective(ObjectiveType.JOB_SEARCH, sectors("Fintech"), null), profile("fr", false), insider));

            assertThat(r.message().language()).isEqualTo("fr");
        }

        @Test
        void neitherObjectiveNorOwnerLanguageFallsBackToTheDefault() {
            Recommendation r = only(rank(objective(ObjectiveType.JOB_SEARCH, sectors("Fintech"), null), null, insider));

            assertThat(r.message().language()).isEqualTo("en");
        }

        @ParameterizedTest
        @EnumSource(Action.class)
        void everyActionHasAMessageInBothLanguagesThatPromisesNothing(Action action) {
            MessageComposer composer = new MessageComposer();
            var relevance = new io.passerelle.advice.ranking.Relevance(1.0,
                    List.of(new TargetMatch(TargetMatch.Kind.SECTOR, "Fintech", 1.0)));
            for (String language : List.of("en", "fr")) {
                Recommendation.Message message = composer.compose(language, action, tie("c").name("Camille Martin").build(), null,
                        relevance, null, objective(ObjectiveType.INFORMATION, sectors("Fintech"), language), NOW);

                assertThat(message.language()).isEqualTo(language);
                assertThat(message.text()).contains("Camille").doesNotContain("Camille Martin").doesNotContain("·").doesNotContainIgnoringCase("promise").doesNotContainIgnoringCase("promets")
                        .doesNotContainIgnoringCase("guarantee").doesNotContainIgnoringCase("garanti").doesNotContainIgnoringCase("in return")
                        .doesNotContainIgnoringCase("en échange");
            }
        }
    }

    @Nested
    class Output {
        @Test
        void recommendationCarriesStableIdsAndTheTie() {
            Recommendation r = only(rank(objective(ObjectiveType.INFORMATION, sectors("Fintech"), "en"), null,
                    tie("c-9").name("Sam").strength(0.4).sector("Fintech").build()));

            assertThat(r.recommendationId()).isEqualTo(Identifiers.stableId("owner-1", "obj-1", "c-9"));
            assertThat(r.ownerId()).isEqualTo("owner-1");
            assertThat(r.objectiveId()).isEqualTo("obj-1");
            assertThat(r.displayName()).isEqualTo("Sam");
            assertThat(r.tieClass()).isEqualTo(TieClass.WEAK);
            assertThat(r.tieStrength()).isEqualTo(0.4);
            assertThat(r.issuedAt()).isEqualTo(NOW);
        }

        @Test
        void limitKeepsTheBest() {
            Objective objective = objective(ObjectiveType.INFORMATION, sectors("Fintech"), "en");
            List<Recommendation> ranked = RANKER.rank(new RankingRequest("owner-1", objective, null, List.of(
                    tie("far").mutuals(100).sector("Fintech").build(),
                    tie("best").mutuals(10).sector("Fintech").build(),
                    tie("near").mutuals(6).sector("Fintech").build()), 2, NOW));

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("best", "near");
        }

        @Test
        void equalScoresGoToTheMoreTrustedTieBeforeTheContactId() {
            Objective objective = objective(ObjectiveType.INFORMATION, sectors("Fintech"), "en");
            List<Recommendation> ranked = rank(objective, null,
                    tie("a").sector("Fintech").peak(0.3).build(), tie("b").sector("Fintech").peak(0.6).build());

            assertThat(ranked.get(0).score()).isEqualTo(ranked.get(1).score());
            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("b", "a");
        }

        @Test
        void equalScoresAndEqualTrustAreOrderedByContactIdLast() {
            Objective objective = objective(ObjectiveType.INFORMATION, sectors("Fintech"), "en");
            List<Recommendation> ranked = rank(objective, null,
                    tie("b").sector("Fintech").build(), tie("a").sector("Fintech").build());

            assertThat(ranked).extracting(Recommendation::contactId).containsExactly("a", "b");
        }

        @ParameterizedTest
        @EnumSource(ObjectiveType.class)
        void aTieWhoseContactHasNotArrivedYetIsRankedWithoutItsDetails(ObjectiveType type) {
            // Topics are not ordered relative to each other: an interaction can make a tie before its contact is known.
            Objective objective = objective(type, new Objective.Targets(List.of("Fintech"), List.of("Product manager"), null, null, null,
                    null, null), "en");
            List<Recommendation> ranked = rank(objective, profile("en", false),
                    tie("known").sector("Fintech").role("Head of product").build(),
                    tie("not-yet-known").buildWithoutContact());

            assertThat(ranked).extracting(Recommendation::contactId).contains("known");
        }

        @Test
        void invalidWeightsAreRefused() {
            assertThatThrownBy(() -> new RankingParameters.ScoreWeights(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new RankingParameters.ScoreWeights(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
