package io.passerelle.advice.ranking;

import static io.passerelle.advice.ranking.Ties.tie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.Outcome;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RequestKind;
import io.passerelle.contracts.model.TieClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules added on top of relevance and the sweet spot: synonyms, digital sectors, bridging, diversity, cool-down, needs. */
class RankingRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final WeakTieRanker RANKER = new WeakTieRanker(RankingParameters.defaults());

    private static Objective objective(ObjectiveType type, Objective.Targets targets) {
        return new Objective("obj-1", "owner-1", type, targets, "en", NOW, NOW);
    }

    private static Objective.Targets targets(List<String> sectors, List<String> roles, List<String> locations, List<String> needs) {
        return new Objective.Targets(sectors, roles, null, locations, null, null, needs);
    }

    private static OwnerProfile owner(Boolean optIn) {
        return new OwnerProfile("Owner", "Coaching", "Coach", "Atelier", List.of(), List.of(),
                new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null), List.of(), "en", optIn);
    }

    private static List<Recommendation> rank(WeakTieRanker ranker, Objective objective, OwnerProfile owner, List<RankableTie> ties, int limit) {
        return ranker.rank(new RankingRequest("owner-1", objective, owner, ties, limit, NOW));
    }

    private static List<String> ids(List<Recommendation> ranked) {
        return ranked.stream().map(Recommendation::contactId).toList();
    }

    private static List<String> codes(Recommendation recommendation) {
        return recommendation.reasons().stream().map(Recommendation.Reason::code).toList();
    }

    @Nested
    class Synonyms {
        @Test
        void needsAndSectorsMatchThroughSynonymsInEnglishAndFrench() {
            Objective objective = objective(ObjectiveType.BUSINESS_CREATION,
                    targets(List.of("Logiciel"), null, null, List.of("legal", "investisseur")));
            List<Recommendation> ranked = rank(RANKER, objective, null, List.of(
                    tie("lawyer").role("Avocate d'affaires").build(),
                    tie("vc").sector("Venture Capital").build(),
                    tie("software").sector("Software").role("Founder").build(),
                    tie("baker").role("Baker").sector("Food").build()), 10);

            assertThat(ids(ranked)).containsExactlyInAnyOrder("lawyer", "vc", "software");
            Map<String, Recommendation> byId = ranked.stream().collect(Collectors.toMap(Recommendation::contactId, Function.identity()));
            // Reasons keep the objective's own wording.
            assertThat(byId.get("lawyer").reasons()).anySatisfy(r -> assertThat(r.text()).contains("legal"));
            assertThat(byId.get("vc").reasons()).anySatisfy(r -> assertThat(r.text()).contains("investisseur"));
            assertThat(codes(byId.get("software"))).contains("WEAK_TIE_IN_TARGET_SECTOR");
        }

        @Test
        void synonymsStillMatchWholeWordsOnly() {
            Objective objective = objective(ObjectiveType.BUSINESS_CREATION, targets(null, null, null, List.of("legal")));

            assertThat(rank(RANKER, objective, null, List.of(tie("c").role("Lawyering enthusiast").build()), 10)).isEmpty();
        }

        @Test
        void aFrenchTitleMatchesTheWomenWhoHoldItAndItsPlural() {
            Objective objective = objective(ObjectiveType.INFORMATION,
                    targets(null, List.of("Directeur administratif et financier", "Pharmacien", "Dirigeant"), null, null));
            List<Recommendation> ranked = rank(RANKER, objective, null, List.of(
                    tie("daf").role("Directrice administrative et financière").build(),
                    tie("pharmacist").role("Pharmacienne titulaire").build(),
                    tie("recruiter").role("Recrutement de cadres dirigeants").build(),
                    tie("director").role("Directrice marketing").build()), 10);

            assertThat(ids(ranked)).containsExactlyInAnyOrder("daf", "pharmacist", "recruiter");
        }

        @Test
        void aSectorNamedInARoleOrAnOrganisationIsServedNotWorkedIn() {
            Objective objective = objective(ObjectiveType.INFORMATION, targets(List.of("Fintech"), null, null, null));
            List<Recommendation> ranked = rank(RANKER, objective, null, List.of(
                    tie("insider").sector("Fintech").build(),
                    tie("journalist").role("Journaliste fintech").sector("Media").build(),
                    tie("organiser").role("Organizer").company("Lyon Fintech Meetup").sector("Events").build()), 10);

            assertThat(ids(ranked)).containsExactly("insider", "journalist", "organiser");
            assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
        }
    }

    @Nested
    class Roles {
        @Test
        void titlesThatHoldADecisionMakersWordWithoutBeingOneAreNotDeciders() {
            assertThat(RoleVocabulary.decisionWeight(NormalizedText.padded("Product Owner"))).isZero();
            assertThat(RoleVocabulary.decisionWeight(NormalizedText.padded("Talent Partner"))).isZero();
            assertThat(RoleVocabulary.decisionWeight(NormalizedText.padded("HR Business Partner"))).isZero();
            assertThat(RoleVocabulary.decisionWeight(NormalizedText.padded("Owner and managing director"))).isEqualTo(1.0);
            assertThat(RoleVocabulary.decisionWeight(NormalizedText.padded("Associée"))).isEqualTo(1.0);
        }

        @Test
        void onlyThoseWhoFoundFundOrAdviseFirmsBringWhatFoundersLack() {
            assertThat(RoleVocabulary.bringsWhatFoundersLack(NormalizedText.padded("Conseillère entreprises, CCI"))).isTrue();
            assertThat(RoleVocabulary.bringsWhatFoundersLack(NormalizedText.padded("Business angel"))).isTrue();
            assertThat(RoleVocabulary.bringsWhatFoundersLack(NormalizedText.padded("Conseiller clientèle particuliers"))).isFalse();
            assertThat(RoleVocabulary.bringsWhatFoundersLack(NormalizedText.padded("Talent Partner"))).isFalse();
        }

        @Test
        void recruitersAreRecognisedInEnglishAndFrench() {
            assertThat(RoleVocabulary.isRecruiter(NormalizedText.padded("Consultant en recrutement de cadres dirigeants"))).isTrue();
            assertThat(RoleVocabulary.isRecruiter(NormalizedText.padded("Executive search partner"))).isTrue();
            assertThat(RoleVocabulary.isRecruiter(NormalizedText.padded("Recruitment consultant"))).isTrue();
            assertThat(RoleVocabulary.isRecruiter(NormalizedText.padded("Product manager"))).isFalse();
        }
    }

    @Nested
    class DigitalSectors {
        // A moderately weak tie against a nascent one, both inside a target company: how far ahead the weak tie is.
        private double weakTieLead(String sector) {
            Objective objective = objective(ObjectiveType.JOB_SEARCH,
                    new Objective.Targets(List.of(sector), null, List.of("Nova"), null, null, null, null));
            List<Recommendation> ranked = rank(RANKER, objective, null, List.of(
                    tie("weak").mutuals(10).sector(sector).company("Nova").build(),
                    tie("nascent").tieClass(TieClass.NASCENT).strength(0.0).sector(sector).company("Nova").build()), 10);
            double weak = ranked.stream().filter(r -> r.contactId().equals("weak")).findFirst().orElseThrow().score();
            double nascent = ranked.stream().filter(r -> r.contactId().equals("nascent")).findFirst().orElseThrow().score();
            return weak - nascent;
        }

        @Test
        void weakTiesWeighMoreWhenTheTargetSectorIsDigital() {
            assertThat(weakTieLead("Software")).isGreaterThan(weakTieLead("Retail"));
        }

        @Test
        void aWeakTieInADigitalTargetSectorSaysWhy() {
            Objective objective = objective(ObjectiveType.JOB_SEARCH, targets(List.of("Fintech"), null, null, null));
            Recommendation r = rank(RANKER, objective, null, List.of(tie("c").sector("Fintech").build()), 10).get(0);

            assertThat(codes(r)).contains("WEAK_TIE_DIGITAL_SECTOR");
        }

        @Test
        void digitalSectorsAreRecognisedByWholeWords() {
            assertThat(TargetVocabulary.isDigitalSector("Fintech")).isTrue();
            assertThat(TargetVocabulary.isDigitalSector("Digital media")).isTrue();
            assertThat(TargetVocabulary.isDigitalSector("Éditeur de logiciel")).isTrue();
            assertThat(TargetVocabulary.isDigitalSector("Retail")).isFalse();
            assertThat(TargetVocabulary.isDigitalSector("Italian food")).isFalse();
        }
    }

    @Nested
    class Bridging {
        @Test
        void aContactFromASectorAndRegionTheNetworkLacksRanksFirstAndSaysWhy() {
            List<RankableTie> ties = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ties.add(tie("circle-" + i).strength(0.6).sector("Coaching").location("Paris", "Île-de-France", "FR").build());
            }
            ties.add(tie("a-insider").strength(0.35).sector("Coaching").location("Paris", "Île-de-France", "FR").build());
            ties.add(tie("z-bridge").strength(0.35).sector("Aerospace").location("Toulouse", "Occitanie", "FR").build());

            List<Recommendation> ranked = rank(RANKER, objective(ObjectiveType.INFORMATION, Objective.Targets.NONE), owner(false), ties, 10);

            assertThat(ranked.get(0).contactId()).isEqualTo("z-bridge");
            assertThat(codes(ranked.get(0))).contains("BRIDGES_TO_NEW_SECTOR", "BRIDGES_TO_NEW_REGION");
            assertThat(ranked.get(0).reasons()).anySatisfy(r -> assertThat(r.text()).contains("Occitanie"));
            Recommendation insider = ranked.stream().filter(r -> r.contactId().equals("a-insider")).findFirst().orElseThrow();
            assertThat(codes(insider)).doesNotContain("BRIDGES_TO_NEW_SECTOR", "BRIDGES_TO_NEW_REGION");
        }

        @Test
        void theOwnersOwnSectorIsNeverNew() {
            List<RankableTie> ties = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                ties.add(tie("other-" + i).sector("Retail").build());
            }
            ties.add(tie("coach").sector("Coaching").build());

            List<Recommendation> ranked = rank(RANKER, objective(ObjectiveType.INFORMATION, Objective.Targets.NONE), owner(false), ties, 10);

            Recommendation coach = ranked.stream().filter(r -> r.contactId().equals("coach")).findFirst().orElseThrow();
            assertThat(codes(coach)).doesNotContain("BRIDGES_TO_NEW_SECTOR");
        }

        @Test
        void reputationObjectivesWeighBridgingMore() {
            // Equally relevant, the insider at the ideal strength, the bridge a weaker tie: for information the
            // insider leads, for reputation the bridge.
            List<RankableTie> ties = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ties.add(tie("circle-" + i).strength(0.9).tieClass(TieClass.STRONG).sector("Coaching").mutuals(30)
                        .location("Paris", "Île-de-France", "FR").build());
            }
            ties.add(tie("insider").strength(0.35).sector("Coaching").mutuals(12).tags("networking")
                    .location("Paris", "Île-de-France", "FR").build());
            ties.add(tie("bridge").strength(0.2).sector("Aerospace").mutuals(0).tags("networking")
                    .location("Toulouse", "Occitanie", "FR").build());
            Objective.Targets topics = new Objective.Targets(null, null, null, null, null, List.of("networking"), null);

            List<String> information = ids(rank(RANKER, objective(ObjectiveType.INFORMATION, topics), owner(false), ties, 2));
            List<String> reputation = ids(rank(RANKER, objective(ObjectiveType.E_REPUTATION, topics), owner(false), ties, 2));

            assertThat(information.get(0)).isEqualTo("insider");
            assertThat(reputation.get(0)).isEqualTo("bridge");
        }
    }

    @Nested
    class Diversity {
        private List<RankableTie> network() {
            List<RankableTie> ties = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ties.add(tie(String.format("cap-%02d", i)).mutuals(10).company("Capgemini").sector("Consulting").role("Consultant")
                        .location("Paris", "Île-de-France", "FR").build());
            }
            ties.add(tie("lyon").strength(0.5).company("Sopra").sector("Consulting").role("Consultant").location("Lyon", "Auvergne-Rhône-Alpes", "FR").build());
            ties.add(tie("lille").strength(0.5).company("Wavestone").sector("Consulting").role("Consultant").location("Lille", "Hauts-de-France", "FR").build());
            ties.add(tie("nantes").strength(0.5).company("Onepoint").sector("Consulting").role("Consultant").location("Nantes", "Pays de la Loire", "FR").build());
            return ties;
        }

        private final Objective consultants = objective(ObjectiveType.INFORMATION, targets(null, List.of("Consultant"), null, null));

        @Test
        void theTopTenIsNotTenPeopleFromTheSameCompanyAndCity() {
            List<Recommendation> ranked = rank(RANKER, consultants, owner(false), network(), 10);

            assertThat(ids(ranked)).contains("lyon", "lille", "nantes");
            assertThat(ids(ranked.subList(0, 4)).stream().filter(id -> id.startsWith("cap-")).count()).isLessThanOrEqualTo(1);
            assertThat(ranked).extracting(Recommendation::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }

        @Test
        void withoutTheReRankingTheLookAlikesWouldFillTheList() {
            WeakTieRanker undiversified = new WeakTieRanker(RankingParameters.defaults().withDiversity(RankingParameters.Diversity.none()));
            List<Recommendation> ranked = rank(undiversified, consultants, owner(false), network(), 10);

            assertThat(ids(ranked)).allMatch(id -> id.startsWith("cap-"));
        }

        @Test
        void sharingATargetedSectorIsNotRedundancy() {
            Objective consulting = objective(ObjectiveType.INFORMATION, targets(List.of("Consulting"), null, null, null));
            List<RankableTie> ties = List.of(
                    tie("a").sector("Consulting").build(),
                    tie("b").sector("Consulting").build(),
                    tie("c").mutuals(10).sector("Consulting").build());

            List<Recommendation> ranked = rank(RANKER, consulting, null, ties, 3);

            // No company or city in common and the shared sector is the target: no penalty, a and b keep equal scores.
            assertThat(ids(ranked)).containsExactly("c", "a", "b");
            assertThat(ranked.get(1).score()).isEqualTo(ranked.get(2).score());
        }
    }

    @Nested
    class CoolDown {
        private final CoolDownPolicy policy = CoolDownPolicy.defaults();

        @Test
        void dismissedContactsRestForNinetyDaysForEveryObjective() {
            var dismissed = new CoolDownPolicy.Feedback("other-objective", "c-1", Outcome.DISMISSED, NOW.minus(Duration.ofDays(10)));
            var long_ago = new CoolDownPolicy.Feedback("obj-1", "c-2", Outcome.DISMISSED, NOW.minus(Duration.ofDays(91)));

            assertThat(policy.coolingDown("obj-1", List.of(dismissed, long_ago), NOW)).containsExactly("c-1");
        }

        @Test
        void contactedContactsRestForThirtyDays() {
            var contacted = new CoolDownPolicy.Feedback("obj-1", "c-1", Outcome.CONTACTED, NOW.minus(Duration.ofDays(29)));
            var met = new CoolDownPolicy.Feedback("obj-2", "c-2", Outcome.MET, NOW.minus(Duration.ofDays(31)));

            assertThat(policy.coolingDown("obj-1", List.of(contacted, met), NOW)).containsExactly("c-1");
        }

        @Test
        void notRelevantRestsTheContactForThatObjectiveOnly() {
            var notRelevant = new CoolDownPolicy.Feedback("obj-1", "c-1", Outcome.NOT_RELEVANT, NOW.minus(Duration.ofDays(1)));

            assertThat(policy.coolingDown("obj-1", List.of(notRelevant), NOW)).containsExactly("c-1");
            assertThat(policy.coolingDown("obj-2", List.of(notRelevant), NOW)).isEmpty();
        }

        @Test
        void aRestingContactDropsOutOfTheRanking() {
            Objective objective = objective(ObjectiveType.INFORMATION, targets(List.of("Retail"), null, null, null));
            List<RankableTie> ties = List.of(tie("resting").sector("Retail").build(), tie("available").sector("Retail").build());

            List<Recommendation> ranked = RANKER.rank(new RankingRequest("owner-1", objective, null, ties, 10, NOW, Set.of("resting")));

            assertThat(ids(ranked)).containsExactly("available");
        }

        @Test
        void everyOutcomeNeedsADurationAndNoneIsNegative() {
            assertThatThrownBy(() -> new CoolDownPolicy(Map.of(Outcome.DISMISSED, Duration.ofDays(1))))
                    .isInstanceOf(NullPointerException.class);
            Map<Outcome, Duration> negative = new java.util.EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                negative.put(outcome, Duration.ofDays(-1));
            }
            assertThatThrownBy(() -> new CoolDownPolicy(negative)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class BusinessCreationNeeds {
        private final Objective founding = objective(ObjectiveType.BUSINESS_CREATION,
                targets(null, null, null, List.of("investor", "legal", "mentor", "co-founder")));

        private Recommendation forContact(RankableTie tie, OwnerProfile owner) {
            return rank(RANKER, founding, owner, List.of(tie), 10).get(0);
        }

        @Test
        void committingNeedsCallForAnIntroductionAndAdviceNeedsForAdvice() {
            Recommendation investor = forContact(tie("vc").role("Investment manager").sector("Venture capital").build(), owner(false));
            Recommendation cofounder = forContact(tie("cf").tags("co-founder").build(), owner(false));
            Recommendation lawyer = forContact(tie("law").role("Business lawyer").build(), owner(false));
            Recommendation mentor = forContact(tie("mentor").role("Startup mentor").build(), owner(false));

            assertThat(List.of(investor, cofounder)).allSatisfy(r -> {
                assertThat(r.action()).isEqualTo(Action.ASK_INTRODUCTION);
                assertThat(r.requestKind()).isEqualTo(RequestKind.COMMITTING);
            });
            assertThat(List.of(lawyer, mentor)).allSatisfy(r -> {
                assertThat(r.action()).isEqualTo(Action.ASK_ADVICE);
                assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT);
            });
        }

        @Test
        void aFriendWhoInvestsIsAskedOnlyForInformationUnlessTheOwnerOptsIn() {
            RankableTie friend = tie("friend").origin(Origin.FRIEND).role("Business angel").build();

            Recommendation guarded = forContact(friend, owner(false));
            Recommendation allowed = forContact(friend, owner(true));

            assertThat(guarded.requestKind()).isEqualTo(RequestKind.LIGHT);
            assertThat(codes(guarded)).contains("STRONG_TIE_LIGHT_REQUEST_ONLY");
            assertThat(allowed.requestKind()).isEqualTo(RequestKind.COMMITTING);
            assertThat(codes(allowed)).contains("CLOSE_TIE_COMMITTING_ALLOWED");
        }
    }
}
