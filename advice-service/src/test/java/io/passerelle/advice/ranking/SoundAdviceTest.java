package io.passerelle.advice.ranking;

import static io.passerelle.advice.ranking.Ties.tie;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.RequestKind;
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.TieClass;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** DOMAIN.md section 5: the ask fits the relationship, warm beats cold, each objective is its own search. */
class SoundAdviceTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final WeakTieRanker RANKER = new WeakTieRanker(RankingParameters.defaults());
    private static final OwnerProfile OWNER = new OwnerProfile("Léa Martin", "Software", "Product manager", "Acme", List.of("Globex"),
            List.of("INSA Lyon"), new Location("Lyon", "69003", "Rhône", "Auvergne-Rhône-Alpes", "FR", null, null), List.of("product"), "en",
            false);

    private static Objective objective(ObjectiveType type, Objective.Targets targets) {
        return new Objective("obj-1", "owner-1", type, targets, "en", NOW, NOW);
    }

    private static Objective.Targets companies(String... companies) {
        return new Objective.Targets(null, null, List.of(companies), null, null, null, null);
    }

    private static List<Recommendation> rank(Objective objective, RankableTie... ties) {
        return rank(objective, 10, ties);
    }

    private static List<Recommendation> rank(Objective objective, int limit, RankableTie... ties) {
        return RANKER.rank(new RankingRequest("owner-1", objective, OWNER, Arrays.asList(ties), limit, NOW));
    }

    private static Recommendation of(List<Recommendation> ranked, String contactId) {
        return ranked.stream().filter(r -> r.contactId().equals(contactId)).findFirst()
                .orElseThrow(() -> new AssertionError(contactId + " is not recommended: " + ranked.stream().map(Recommendation::contactId).toList()));
    }

    private static List<String> ids(List<Recommendation> ranked) {
        return ranked.stream().map(Recommendation::contactId).toList();
    }

    private static List<String> codes(Recommendation recommendation) {
        return recommendation.reasons().stream().map(Recommendation.Reason::code).toList();
    }

    @Nested
    class TheAskFitsTheRelationship {
        private final Objective jobSearch = objective(ObjectiveType.JOB_SEARCH, companies("Lydia"));

        @Test
        void anInsiderWithARecentTwoWayExchangeIsAskedForAReferral() {
            Recommendation r = rank(jobSearch, tie("c").company("Lydia").reciprocatedDaysAgo(700).build()).get(0);

            assertThat(r.action()).isEqualTo(Action.ASK_REFERRAL);
            assertThat(r.requestKind()).isEqualTo(RequestKind.COMMITTING);
        }

        @Test
        void withoutATwoWayExchangeInTwoYearsTheFirstStepIsAConversation() {
            for (RankableTie cold : List.of(tie("never").company("Lydia").unreciprocated().build(),
                    tie("lapsed").company("Lydia").reciprocatedDaysAgo(731).build())) {
                Recommendation r = rank(jobSearch, cold).get(0);

                assertThat(r.action()).as(cold.contactId()).isEqualTo(Action.ASK_ADVICE);
                assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT);
                assertThat(codes(r)).contains("NOT_YET_RECIPROCATED");
            }
        }

        @Test
        void theOptInForCloseTiesDoesNotLiftTheReciprocityRule() {
            OwnerProfile optedIn = new OwnerProfile("Léa", null, null, "Acme", List.of(), List.of(), null, List.of(), "en", true);
            Recommendation r = RANKER.rank(new RankingRequest("owner-1", jobSearch, optedIn,
                    List.of(tie("friend").origin(Origin.FRIEND).company("Lydia").unreciprocated().build()), 10, NOW)).get(0);

            assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT);
        }

        @Test
        void whoeverHoldsTheTargetRoleIsAskedForAdviceFirst() {
            Objective roles = objective(ObjectiveType.JOB_SEARCH,
                    new Objective.Targets(null, List.of("Product manager"), List.of("Lydia"), null, null, null, null));

            Recommendation r = rank(roles, tie("pm").role("Senior Product Manager").company("Lydia").build()).get(0);

            assertThat(r.action()).isEqualTo(Action.ASK_ADVICE);
            assertThat(r.requestKind()).isEqualTo(RequestKind.LIGHT);
        }

        @Test
        void aReactionDoesNotMakeADormantTieAskableButIsAReasonToReactivateIt() {
            // graph-service keeps a tie DORMANT when only a reaction or a comment came since its last real exchange.
            Recommendation r = rank(jobSearch, tie("old").tieClass(TieClass.DORMANT).company("Lydia").unreciprocated().build()).get(0);

            assertThat(r.action()).isEqualTo(Action.REACTIVATE);
            assertThat(codes(r)).contains("RECENT_GESTURE_ON_DORMANT_TIE");
        }
    }

    @Nested
    class WarmBeatsCold {
        private final Objective jobSearch = objective(ObjectiveType.JOB_SEARCH, companies("Lydia"));

        @Test
        void aKeyPersonWhoIsNotAGoodDirectAskIsReachedThroughSomeoneWhoKnowsThem() {
            List<Recommendation> ranked = rank(jobSearch,
                    tie("target").name("Inès Dubois").tieClass(TieClass.NASCENT).company("Lydia").unreciprocated().knows("friend").build(),
                    tie("friend").name("Hugo Petit").company("Globex Labs").knows("target").build());

            Recommendation path = of(ranked, "friend");
            assertThat(path.action()).isEqualTo(Action.ASK_INTRODUCTION);
            assertThat(path.requestKind()).isEqualTo(RequestKind.LIGHT);
            assertThat(path.introductionTo()).isEqualTo(new Recommendation.IntroductionTarget("target", "Inès Dubois"));
            assertThat(codes(path)).contains("KNOWS_TARGET_PERSON", "WORKS_AT_TARGET_COMPANY");
            assertThat(path.message().text()).startsWith("Hello Hugo,").contains("Inès Dubois");
            // One way to each person: the cold direct ask to Inès is not shown beside the warm path to her.
            assertThat(ids(ranked)).doesNotContain("target");
        }

        @Test
        void eitherSideMayListTheOther() {
            List<Recommendation> ranked = rank(jobSearch,
                    tie("target").tieClass(TieClass.NASCENT).company("Lydia").unreciprocated().build(),
                    tie("friend").company("Globex Labs").knows("target").build());

            assertThat(of(ranked, "friend").introductionTo().contactId()).isEqualTo("target");
        }

        @Test
        void theWarmestIntermediaryIsAskedAndEvenFamilyMayPassOnAName() {
            List<Recommendation> ranked = rank(jobSearch,
                    tie("target").tieClass(TieClass.DORMANT).company("Lydia").knows("acquaintance", "sister").build(),
                    tie("acquaintance").company("Initech").unreciprocated().knows("target").build(),
                    tie("sister").origin(Origin.FAMILY).tieClass(TieClass.STRONG).strength(0.9).company("Hooli").knows("target").build());

            Recommendation sister = of(ranked, "sister");
            assertThat(sister.introductionTo().contactId()).isEqualTo("target");
            assertThat(sister.requestKind()).isEqualTo(RequestKind.LIGHT);
            assertThat(ids(ranked)).doesNotContain("acquaintance");
        }

        @Test
        void neverThroughSomeoneWhoIsNotTheOwnersTieNorThroughAStrangerOrAColleague() {
            List<Recommendation> ranked = rank(jobSearch,
                    tie("target").tieClass(TieClass.NASCENT).company("Lydia").knows("erased", "stranger", "colleague").build(),
                    tie("stranger").tieClass(TieClass.NASCENT).company("Initech").knows("target").build(),
                    tie("colleague").company("Acme").knows("target").build());

            assertThat(ranked).noneSatisfy(r -> assertThat(r.introductionTo()).isNotNull());
        }

        @Test
        void aGoodDirectAskNeedsNoIntermediary() {
            List<Recommendation> ranked = rank(jobSearch,
                    tie("target").company("Lydia").knows("friend").build(),
                    tie("friend").company("Globex Labs").knows("target").build());

            assertThat(ranked).noneSatisfy(r -> assertThat(r.introductionTo()).isNotNull());
            assertThat(of(ranked, "target").action()).isEqualTo(Action.ASK_REFERRAL);
        }
    }

    @Nested
    class JobSearch {
        @Test
        void neverTheOwnersCurrentColleagues() {
            Objective jobSearch = objective(ObjectiveType.JOB_SEARCH, new Objective.Targets(List.of("Software"), null, null, null, null, null, null));
            List<Recommendation> ranked = rank(jobSearch,
                    tie("same-company").company("ACME SAS").sector("Software").build(),
                    tie("colleague").origin(Origin.COLLEAGUE).company("Other").sector("Software").build(),
                    tie("intra").contexts(RelationContext.INTRA_COMPANY).sector("Software").build(),
                    tie("outside").company("Hooli").sector("Software").build());

            assertThat(ids(ranked)).containsExactly("outside");
        }

        @Test
        void recruitersRankHighAndCountEvenOutsideTheTargets() {
            Objective jobSearch = objective(ObjectiveType.JOB_SEARCH, new Objective.Targets(List.of("Fintech"), null, null, null, null, null, null));
            List<Recommendation> ranked = rank(jobSearch,
                    tie("insider").sector("Fintech").role("Data analyst").build(),
                    tie("recruiter").sector("Fintech").role("Talent acquisition lead").build(),
                    tie("headhunter").sector("Executive search").role("Chasseuse de têtes").build(),
                    tie("baker").sector("Food").role("Baker").build());

            assertThat(ids(ranked)).containsExactly("recruiter", "insider", "headhunter");
            assertThat(codes(of(ranked, "recruiter"))).contains("RECRUITER");
            assertThat(of(ranked, "recruiter").action()).isEqualTo(Action.ASK_INFORMATION);
        }

        @Test
        void aPlaceAloneIsNoLeadAndAStrangerOnlyCountsInsideATargetCompany() {
            Objective jobSearch = objective(ObjectiveType.JOB_SEARCH,
                    new Objective.Targets(List.of("Fintech"), List.of("Product manager"), List.of("Lydia"), List.of("Lyon"), null, null, null));
            List<Recommendation> ranked = rank(jobSearch,
                    tie("neighbour").sector("Food").location("Lyon", "Auvergne-Rhône-Alpes", "FR").build(),
                    tie("stranger-in-sector").tieClass(TieClass.NASCENT).sector("Fintech").role("Product manager").build(),
                    tie("stranger-inside").tieClass(TieClass.NASCENT).company("Lydia").sector("Fintech").role("Data analyst").build(),
                    tie("weak-in-sector").sector("Fintech").role("Data analyst").build());

            assertThat(ids(ranked)).containsExactlyInAnyOrder("stranger-inside", "weak-in-sector");
        }

        @Test
        void aRecruiterWhoseRoleNamesTheTargetIsSpecialisedAndAskedWhichPositionsAreOpen() {
            Objective jobSearch = objective(ObjectiveType.JOB_SEARCH,
                    new Objective.Targets(List.of("Health tech"), List.of("Product manager"), null, null, null, null, null));
            List<Recommendation> ranked = rank(jobSearch,
                    tie("specialist").role("Recruiter, health tech and medtech").sector("Recrutement").build(),
                    tie("product-recruiter").role("Recruteur Product Management").sector("Recrutement").build(),
                    tie("generalist").role("Consultante en recrutement").sector("Recrutement").build());

            assertThat(ids(ranked)).containsExactlyInAnyOrder("specialist", "product-recruiter", "generalist");
            assertThat(of(ranked, "specialist").score()).isGreaterThan(of(ranked, "generalist").score());
            assertThat(of(ranked, "product-recruiter").score()).isGreaterThan(of(ranked, "generalist").score());
            assertThat(of(ranked, "product-recruiter").action()).isEqualTo(Action.ASK_INFORMATION);
            // They recruit for the role; they do not hold it.
            assertThat(codes(of(ranked, "product-recruiter"))).contains("RECRUITER").doesNotContain("HOLDS_TARGET_ROLE");
        }

        @Test
        void placeNoveltyCountsOnlyWhenScalesAreTargeted() {
            Objective jobSearch = objective(ObjectiveType.JOB_SEARCH, new Objective.Targets(List.of("Fintech"), null, null, null, null, null, null));
            List<Recommendation> ranked = rank(jobSearch,
                    tie("far").sector("Fintech").location("Montréal", "Québec", "CA").build(),
                    tie("home").sector("Fintech").location("Lyon", "Auvergne-Rhône-Alpes", "FR").build());

            assertThat(ranked.get(0).score()).isEqualTo(ranked.get(1).score());
            assertThat(codes(of(ranked, "far"))).doesNotContain("BRIDGES_TO_NEW_REGION");
        }
    }

    @Nested
    class CommercialProspecting {
        private final Objective prospecting = objective(ObjectiveType.COMMERCIAL_PROSPECTING,
                new Objective.Targets(List.of("Retail"), null, null, List.of("Bretagne"), null, null, null));

        @Test
        void decisionMakersComeFirstAndAreAskedAboutTheirNeeds() {
            List<Recommendation> ranked = rank(prospecting,
                    tie("clerk").sector("Retail").role("Store assistant").location("Rennes", "Bretagne", "FR").build(),
                    tie("ceo").sector("Retail").role("Directrice générale").location("Brest", "Bretagne", "FR").build(),
                    tie("buyer").sector("Retail").role("Acheteuse").location("Vannes", "Bretagne", "FR").build());

            // Prospecting asks decision makers and clients; anyone else may only pass on a name.
            assertThat(ids(ranked)).containsExactly("ceo", "buyer");
            assertThat(codes(of(ranked, "ceo"))).contains("DECISION_MAKER");
            assertThat(of(ranked, "ceo").action()).isEqualTo(Action.ASK_ADVICE);
        }

        @Test
        void existingClientsAreAskedForAReferralOnceTheExchangeIsReciprocated() {
            List<Recommendation> ranked = rank(prospecting,
                    tie("client").origin(Origin.CLIENT).sector("Banking").location("Paris", "Île-de-France", "FR").build(),
                    tie("silent-client").contexts(RelationContext.CUSTOMER).unreciprocated().sector("Banking").build());

            assertThat(of(ranked, "client").action()).isEqualTo(Action.ASK_REFERRAL);
            assertThat(of(ranked, "client").requestKind()).isEqualTo(RequestKind.COMMITTING);
            assertThat(codes(of(ranked, "client"))).contains("EXISTING_CLIENT");
            assertThat(of(ranked, "silent-client").requestKind()).isEqualTo(RequestKind.LIGHT);
        }

        @Test
        void theTerritoryWeighsMoreThanForOtherObjectives() {
            // Clients are asked whatever their sector or place; the territory orders them, more than it would elsewhere.
            RankableTie inTerritory = tie("territory").origin(Origin.CLIENT).role("Gérant").sector("Food")
                    .location("Rennes", "Bretagne", "FR").build();
            RankableTie inSector = tie("sector").origin(Origin.CLIENT).role("Gérant").sector("Retail")
                    .location("Lille", "Hauts-de-France", "FR").build();

            assertThat(ids(rank(prospecting, inTerritory, inSector))).containsExactly("territory", "sector");
            assertThat(ids(rank(objective(ObjectiveType.INFORMATION, prospecting.targets()), inTerritory, inSector)))
                    .containsExactly("sector", "territory");
        }

        @Test
        void aProspectDecidesInATargetSectorAndInTheTerritory() {
            List<Recommendation> ranked = rank(prospecting,
                    tie("prospect").role("Gérante").sector("Retail").location("Rennes", "Bretagne", "FR").build(),
                    tie("elsewhere").role("Gérante").sector("Retail").location("Lille", "Hauts-de-France", "FR").build(),
                    tie("other-trade").role("Directeur général").sector("Logistics").location("Brest", "Bretagne", "FR").build(),
                    // A lawyer of retailers serves the sector; the buyers are the retailers.
                    tie("adviser").role("Avocat associé, droit du retail").sector("Law").location("Rennes", "Bretagne", "FR").build());

            assertThat(ids(ranked)).containsExactly("prospect");
        }

        @Test
        void aTargetRoleThatNamesDecidersNarrowsToThemAndOneThatNamesNoneNamesTheBuyers() {
            Objective toHeads = objective(ObjectiveType.COMMERCIAL_PROSPECTING,
                    new Objective.Targets(List.of("Retail"), List.of("Head of e-commerce", "E-commerce manager"), null, null, null, null, null));
            Objective toPharmacists = objective(ObjectiveType.COMMERCIAL_PROSPECTING,
                    new Objective.Targets(List.of("Pharmacy"), List.of("Pharmacien"), null, null, null, null, null));

            assertThat(ids(rank(toHeads,
                    tie("head").role("Head of e-commerce").sector("Retail").build(),
                    tie("manager").role("E-commerce manager").sector("Retail").build()))).containsExactly("head");
            assertThat(ids(rank(toPharmacists, tie("pharmacist").role("Pharmacienne").sector("Pharmacy").build())))
                    .containsExactly("pharmacist");
        }

        @Test
        void aPartnerWithATwoWayExchangeIsAskedForAReferral() {
            List<Recommendation> ranked = rank(prospecting,
                    tie("partner").origin(Origin.PARTNER).role("Consultant").sector("Consulting").build(),
                    tie("silent-partner").contexts(RelationContext.PARTNER).role("Consultant").sector("Consulting").unreciprocated().build());

            assertThat(ids(ranked)).containsExactly("partner");
            assertThat(of(ranked, "partner").action()).isEqualTo(Action.ASK_REFERRAL);
            assertThat(of(ranked, "partner").requestKind()).isEqualTo(RequestKind.COMMITTING);
            assertThat(codes(of(ranked, "partner"))).contains("REFERRING_PARTNER");
        }

        @Test
        void aDecisionMakerWhoIsNotAGoodDirectAskIsReachedThroughSomeoneWhoKnowsThem() {
            List<Recommendation> ranked = rank(prospecting,
                    tie("ceo").name("Yann Le Gall").tieClass(TieClass.NASCENT).sector("Retail").role("CEO")
                            .location("Brest", "Bretagne", "FR").knows("friend").build(),
                    tie("friend").sector("Education").location("Brest", "Bretagne", "FR").build());

            assertThat(of(ranked, "friend").introductionTo().contactId()).isEqualTo("ceo");
        }
    }

    @Nested
    class BusinessCreation {
        @Test
        void everyNeedTheNetworkCanCoverGetsAPlace() {
            Objective founding = objective(ObjectiveType.BUSINESS_CREATION,
                    new Objective.Targets(null, null, null, null, null, null, List.of("investor", "legal", "mentor")));
            List<RankableTie> ties = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ties.add(tie("vc-" + i).mutuals(10).role("Investment manager").company("Fund " + i).build());
            }
            ties.add(tie("lawyer").tieClass(TieClass.NASCENT).role("Avocate").build());
            ties.add(tie("mentor").tieClass(TieClass.NASCENT).role("Startup mentor").build());

            List<Recommendation> ranked = RANKER.rank(new RankingRequest("owner-1", founding, OWNER, ties, 3, NOW));

            assertThat(ids(ranked)).hasSize(3).contains("lawyer", "mentor");
            assertThat(ranked).extracting(Recommendation::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }

        @Test
        void aCoFounderComplementsTheOwnerAndFirstCustomersAreDecisionMakersInTheTargetSectors() {
            Objective founding = objective(ObjectiveType.BUSINESS_CREATION,
                    new Objective.Targets(List.of("Medtech"), null, null, null, null, null, List.of("co-founder", "first customers")));
            List<Recommendation> ranked = rank(founding,
                    tie("engineer").role("Senior embedded software engineer").sector("Medical devices").build(),
                    tie("head").role("Cheffe du service de cardiologie").sector("Santé").build(),
                    tie("nurse").role("Infirmière").sector("Santé").build());

            // The owner is a product manager, not an engineer: a technical co-founder complements her.
            assertThat(of(ranked, "engineer").reasons()).anySatisfy(reason -> assertThat(reason.text()).contains("co-founder"));
            assertThat(of(ranked, "head").reasons()).anySatisfy(reason -> assertThat(reason.text()).contains("first customers"));
            assertThat(ids(ranked)).doesNotContain("nurse");
        }

        @Test
        void aClientIsAFirstCustomerAndADecisionMakerOfTheSectorOnlyAPossibleOne() {
            Objective founding = objective(ObjectiveType.BUSINESS_CREATION,
                    new Objective.Targets(List.of("Retail"), null, null, null, null, null, List.of("first customers")));
            List<Recommendation> ranked = rank(founding,
                    tie("client").origin(Origin.CLIENT).role("Store manager").sector("Retail").build(),
                    tie("decider").role("Directrice générale").sector("Retail").build());

            assertThat(ids(ranked)).containsExactly("client", "decider");
            assertThat(of(ranked, "client").score()).isGreaterThan(of(ranked, "decider").score());
        }

        @Test
        void aCoFounderWorksInOrForTheVenturesSector() {
            Objective founding = objective(ObjectiveType.BUSINESS_CREATION,
                    new Objective.Targets(List.of("Fintech"), null, null, null, null, null, List.of("co-founder")));
            List<Recommendation> ranked = rank(founding,
                    tie("fintech-engineer").role("Ingénieure").sector("Fintech").build(),
                    tie("payments-developer").role("Développeuse back-end").sector("Paiements").build(),
                    tie("agronomist").role("Ingénieure agronome").sector("Agriculture").build(),
                    // Technical, but the developer of a shop or a logistics firm is someone to hire one day, not a co-founder.
                    tie("developer").role("Développeuse back-end").sector("E-commerce").build(),
                    tie("engineering-manager").role("Engineering Manager").sector("Logistics").build(),
                    // A business developer develops sales: not the technical co-founder of a product manager.
                    tie("business-developer").role("Business Developer").sector("Fintech").build());

            assertThat(ids(ranked)).containsExactlyInAnyOrder("fintech-engineer", "payments-developer");
        }

        @Test
        void aSupplierSellsWithinTheVenturesSector() {
            Objective founding = objective(ObjectiveType.BUSINESS_CREATION,
                    new Objective.Targets(List.of("Medtech"), null, null, null, null, null, List.of("suppliers")));
            List<Recommendation> ranked = rank(founding,
                    tie("sensors").role("Sales Manager, ECG sensors").sector("Medtech").build(),
                    // The owner's office-supplies salesman calls himself a supplier; he sells to every firm.
                    tie("office-supplies").role("Commercial").sector("Distribution de fournitures de bureau").tags("fournisseur").build(),
                    tie("shop-sales").role("Sales Manager").sector("E-commerce").build());

            assertThat(ids(ranked)).containsExactly("sensors");
        }

        @Test
        void aSecondPersonForANeedComesAfterTheOtherNeeds() {
            Objective founding = objective(ObjectiveType.BUSINESS_CREATION,
                    new Objective.Targets(null, null, null, null, null, null, List.of("investor", "legal")));
            List<Recommendation> ranked = rank(founding,
                    tie("vc-1").mutuals(10).role("Investment manager").company("Fund One").build(),
                    tie("vc-2").mutuals(10).role("Investment manager").company("Fund Two").build(),
                    tie("lawyer").tieClass(TieClass.DORMANT).strength(0.1).role("Avocate").build());

            assertThat(ids(ranked)).containsExactly("vc-1", "lawyer", "vc-2");
        }

        @Test
        void theNeedsVocabularyDoesNotOverReach() {
            Objective founding = objective(ObjectiveType.BUSINESS_CREATION,
                    new Objective.Targets(null, null, null, null, null, null, List.of("supplier", "co-founder", "first customers")));
            List<Recommendation> ranked = rank(founding,
                    tie("buyer").role("Head of procurement").build(),
                    tie("partner").role("Associé").sector("Law firm").build(),
                    tie("talent-partner").role("Talent Partner").build(),
                    tie("bank-adviser").role("Conseiller clientèle particuliers").sector("Banque").build(),
                    tie("bizdev").role("Business developer").build(),
                    tie("maker").role("Contract manufacturer").build(),
                    tie("cofounder").tags("cofondateur").build(),
                    tie("client").origin(Origin.CLIENT).build());

            // A business developer sells: a supplier, never a first customer.
            assertThat(ids(ranked)).containsExactlyInAnyOrder("maker", "cofounder", "client", "bizdev");
            assertThat(of(ranked, "bizdev").reasons()).anySatisfy(reason -> assertThat(reason.text()).contains("supplier"))
                    .noneSatisfy(reason -> assertThat(reason.text()).contains("first customers"));
            assertThat(of(ranked, "maker").action()).isEqualTo(Action.ASK_INFORMATION);
            assertThat(of(ranked, "cofounder").requestKind()).isEqualTo(RequestKind.COMMITTING);
            assertThat(of(ranked, "client").reasons()).anySatisfy(reason -> assertThat(reason.text()).contains("first customers"));
        }
    }

    @Nested
    class EReputation {
        private final Objective reputation = objective(ObjectiveType.E_REPUTATION, Objective.Targets.NONE);

        @Test
        void onlyAWitnessOfTheOwnersWorkWithAReciprocatedExchangeIsAskedForARecommendation() {
            List<Recommendation> ranked = rank(reputation,
                    tie("client").origin(Origin.CLIENT).build(),
                    tie("cold-client").origin(Origin.CLIENT).unreciprocated().build(),
                    tie("stranger").origin(Origin.ONLINE).build());

            assertThat(of(ranked, "client").action()).isEqualTo(Action.ASK_RECOMMENDATION);
            assertThat(of(ranked, "cold-client").action()).isEqualTo(Action.ENGAGE_CONTENT);
            assertThat(of(ranked, "stranger").action()).isEqualTo(Action.ENGAGE_CONTENT);
        }

        @Test
        void peopleWhoSpeakToAnAudienceRankFirst() {
            List<Recommendation> ranked = rank(reputation,
                    tie("accountant").role("Accountant").build(),
                    tie("journalist").role("Journaliste").source(Source.LINKEDIN).build());

            assertThat(ids(ranked)).containsExactly("journalist", "accountant");
            assertThat(codes(ranked.get(0))).contains("AUDIENCE_REACH");
        }
    }

    @Test
    void anImportedConnectionMatchesCompanyAndRoleTargets() {
        // A LinkedIn connection as ingestion-service publishes it: company and position, no origin, no sector, no place.
        RankableTie imported = new RankableTie(tie("li").build().tie(), new io.passerelle.contracts.model.Contact("Chloé Vidal", null,
                "Lydia", "Senior Product Manager", null, null, null, null, null, List.of(RelationContext.NETWORK), Source.LINKEDIN,
                null, null, null, null), null);
        Objective jobSearch = objective(ObjectiveType.JOB_SEARCH,
                new Objective.Targets(null, List.of("Product manager"), List.of("Lydia"), null, null, null, null));

        Recommendation r = rank(jobSearch, imported).get(0);

        assertThat(codes(r)).contains("HOLDS_TARGET_ROLE", "WORKS_AT_TARGET_COMPANY");
        assertThat(r.action()).isEqualTo(Action.ASK_ADVICE);
    }

    @Test
    void theSameTargetsGiveDifferentListsForDifferentObjectives() {
        Objective.Targets targets = new Objective.Targets(List.of("Fintech"), null, null, null, null, null, null);
        RankableTie[] ties = {
                tie("recruiter").sector("Fintech").role("Recruiter").build(),
                tie("cfo").sector("Fintech").role("CFO").build(),
                tie("engineer").sector("Fintech").role("Engineer").mutuals(10).build(),
                tie("client").origin(Origin.CLIENT).sector("Retail").build()};

        assertThat(ids(rank(objective(ObjectiveType.JOB_SEARCH, targets), 2, ties))).containsExactly("recruiter", "engineer");
        assertThat(ids(rank(objective(ObjectiveType.COMMERCIAL_PROSPECTING, targets), 2, ties))).containsExactly("cfo", "client");
    }
}
