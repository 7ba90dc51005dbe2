package io.passerelle.advice.evaluation;

import static io.passerelle.contracts.model.Action.ASK_ADVICE;
import static io.passerelle.contracts.model.Action.ASK_INFORMATION;
import static io.passerelle.contracts.model.Action.ASK_INTRODUCTION;
import static io.passerelle.contracts.model.Action.ASK_RECOMMENDATION;
import static io.passerelle.contracts.model.Action.ASK_REFERRAL;
import static io.passerelle.contracts.model.Action.REACH_OUT;
import static io.passerelle.contracts.model.RequestKind.COMMITTING;
import static io.passerelle.contracts.model.RequestKind.LIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.Objective;
import io.passerelle.advice.evaluation.AdviceRules.Rule;
import io.passerelle.advice.evaluation.AdviceRules.Violation;
import io.passerelle.advice.ranking.RankableTie;
import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RequestKind;
import io.passerelle.contracts.model.Tie;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each rule of {@link AdviceRules} catches what it should, and only that, on a small network. */
class RankingEvaluationRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");

    private static Network network(boolean optIn) {
        NetworkBuilder n = new NetworkBuilder("owner", NOW);
        n.owner(new OwnerProfile("Owner", "Logiciel", "Product Manager", "Acme", List.of(), List.of(), Places.LYON, List.of(), "fr", optIn));
        n.person("mum", "Anne Mère").origin(Origin.FAMILY).closeness(5).every(Channel.CALL, 7, 3 * 365, 2);
        n.person("peer", "Paul Pair").origin(Origin.EVENT).meeting(400).exchange(Channel.EMAIL, 300, Direction.OUTBOUND);
        n.person("liker", "Lina Like").origin(Origin.ONLINE).reaction(30).comment(20, Direction.INBOUND).comment(19, Direction.OUTBOUND)
                .endorsement(10, Direction.OUTBOUND).endorsement(9, Direction.INBOUND);
        n.person("old", "Olga Ancienne").origin(Origin.FORMER_COLLEAGUE).workedTogether(3000, 2000).exchange(Channel.EMAIL, 5 * 365, Direction.INBOUND);
        n.person("late", "Léo Tard").origin(Origin.CLIENT).exchange(Channel.EMAIL, 25 * 31, Direction.OUTBOUND);
        n.person("oneway", "Omar Sens").origin(Origin.CLIENT).email(100, Direction.INBOUND).email(50, Direction.INBOUND);
        n.person("colleague", "Claire Collègue").origin(Origin.COLLEAGUE).works("Designer", "ACME", "Logiciel").every(Channel.MEETING, 7, 200, 1);
        n.person("client", "Cyril Client").origin(Origin.CLIENT).every(Channel.EMAIL, 30, 300, 10);
        n.person("ceo", "Célia Dirigeante");
        n.person("stranger", "Sam Inconnu");
        n.knows("peer", "ceo", "colleague");
        n.knows("mum", "ceo");
        return n.build();
    }

    private static EvaluationRun run(Network network, ObjectiveType type, Labels labels, String... needs) {
        Objective objective = EvaluationRun.objective(network, "o-" + type, type,
                new Objective.Targets(null, null, null, null, null, null, List.of(needs)));
        return new EvaluationRun("owner", type.name(), network, objective, labels, false);
    }

    private static Map<String, Tie> ties(Network network) {
        Map<String, Tie> ties = new LinkedHashMap<>();
        for (RankableTie tie : EvaluationTies.of(network)) {
            ties.put(tie.contactId(), tie.tie());
        }
        return ties;
    }

    private static Recommendation rec(Network network, String contactId, Action action, RequestKind kind) {
        return rec(network, contactId, action, kind, null);
    }

    private static Recommendation rec(Network network, String contactId, Action action, RequestKind kind, String introductionTo) {
        Recommendation.IntroductionTarget to = introductionTo == null ? null
                : new Recommendation.IntroductionTarget(introductionTo, network.nameOf(introductionTo));
        return new Recommendation("r-" + contactId, network.ownerId(), "o", contactId, network.nameOf(contactId), action, kind,
                0.5, null, 0.3, to, List.of(), null, NOW);
    }

    private static List<Rule> rules(EvaluationRun run, Recommendation... recommendations) {
        return AdviceRules.check(run, ties(run.network()), List.of(recommendations)).stream().map(Violation::rule).toList();
    }

    @Test
    void guardrailForbidsCommittingRequestsToCloseTiesUnlessTheOwnerOptedIn() {
        Network network = network(false);
        EvaluationRun job = run(network, ObjectiveType.JOB_SEARCH, new Labels());
        assertThat(rules(job, rec(network, "mum", ASK_INTRODUCTION, COMMITTING))).containsExactly(Rule.GUARDRAIL);
        assertThat(rules(job, rec(network, "mum", ASK_REFERRAL, LIGHT))).as("a referral commits whatever its kind").containsExactly(Rule.GUARDRAIL);
        assertThat(rules(job, rec(network, "mum", ASK_INFORMATION, LIGHT))).isEmpty();
        assertThat(rules(job, rec(network, "mum", ASK_INTRODUCTION, LIGHT, "ceo"))).as("a named contact is light").isEmpty();
        assertThat(rules(job, rec(network, "colleague", ASK_ADVICE, COMMITTING))).as("a STRONG colleague")
                .contains(Rule.GUARDRAIL);

        Network optedIn = network(true);
        assertThat(rules(run(optedIn, ObjectiveType.JOB_SEARCH, new Labels()), rec(optedIn, "mum", ASK_INTRODUCTION, COMMITTING))).isEmpty();
    }

    @Test
    void committingRequestsNeedATwoWayExchangeWithinTwoYears() {
        Network network = network(false);
        EvaluationRun prospecting = run(network, ObjectiveType.COMMERCIAL_PROSPECTING, new Labels());
        assertThat(rules(prospecting, rec(network, "peer", ASK_INTRODUCTION, COMMITTING))).isEmpty();
        assertThat(rules(prospecting, rec(network, "client", ASK_REFERRAL, COMMITTING))).isEmpty();
        assertThat(rules(prospecting, rec(network, "liker", ASK_INTRODUCTION, COMMITTING)))
                .as("likes, public comments and endorsements are not exchanges").containsExactly(Rule.COMMITTING_WITHOUT_RECIPROCITY);
        assertThat(rules(prospecting, rec(network, "old", ASK_INTRODUCTION, LIGHT)))
                .as("an introduction to nobody in particular commits").containsExactly(Rule.COMMITTING_WITHOUT_RECIPROCITY);
        assertThat(rules(prospecting, rec(network, "late", ASK_REFERRAL, COMMITTING))).as("25 months ago").containsExactly(Rule.COMMITTING_WITHOUT_RECIPROCITY);
        assertThat(rules(prospecting, rec(network, "oneway", ASK_REFERRAL, COMMITTING))).as("inbound only").containsExactly(Rule.COMMITTING_WITHOUT_RECIPROCITY);
        assertThat(rules(prospecting, rec(network, "ceo", REACH_OUT, COMMITTING))).containsExactly(Rule.COMMITTING_WITHOUT_RECIPROCITY);
        assertThat(rules(prospecting, rec(network, "old", Action.REACTIVATE, LIGHT), rec(network, "ceo", REACH_OUT, LIGHT))).isEmpty();
    }

    @Test
    void aJobSearchNeverRecommendsACurrentColleagueNorAnIntroductionToOne() {
        Network network = network(false);
        EvaluationRun job = run(network, ObjectiveType.JOB_SEARCH, new Labels());
        assertThat(rules(job, rec(network, "colleague", ASK_INFORMATION, LIGHT))).containsExactly(Rule.CURRENT_COLLEAGUE_IN_JOB_SEARCH);
        assertThat(rules(job, rec(network, "peer", ASK_INTRODUCTION, LIGHT, "colleague"))).containsExactly(Rule.CURRENT_COLLEAGUE_IN_JOB_SEARCH);
        assertThat(rules(run(network, ObjectiveType.COMMERCIAL_PROSPECTING, new Labels()), rec(network, "colleague", ASK_INFORMATION, LIGHT))).isEmpty();
    }

    @Test
    void aWarmPathIsLightAndGoesThroughSomeoneWhoKnowsTheNamedContact() {
        Network network = network(false);
        EvaluationRun prospecting = run(network, ObjectiveType.COMMERCIAL_PROSPECTING, new Labels());
        assertThat(rules(prospecting, rec(network, "peer", ASK_INTRODUCTION, LIGHT, "ceo"))).isEmpty();
        assertThat(rules(prospecting, rec(network, "peer", ASK_INTRODUCTION, COMMITTING, "ceo"))).containsExactly(Rule.INVALID_WARM_PATH);
        assertThat(rules(prospecting, rec(network, "peer", ASK_INTRODUCTION, LIGHT, "stranger"))).containsExactly(Rule.INVALID_WARM_PATH);
        assertThat(rules(prospecting, rec(network, "peer", ASK_INTRODUCTION, LIGHT, "nobody"))).containsExactly(Rule.INVALID_WARM_PATH);
        assertThat(rules(prospecting, rec(network, "peer", ASK_INTRODUCTION, LIGHT, "peer"))).contains(Rule.INVALID_WARM_PATH);
        Recommendation misnamed = new Recommendation("r", "owner", "o", "peer", "Paul Pair", ASK_INTRODUCTION, LIGHT, 0.5, null, 0.3,
                new Recommendation.IntroductionTarget("ceo", "Someone Else"), List.of(), null, NOW);
        assertThat(rules(prospecting, misnamed)).containsExactly(Rule.INVALID_WARM_PATH);
    }

    @Test
    void onlyWitnessesOfTheOwnersWorkAreAskedForARecommendation() {
        Network network = network(false);
        EvaluationRun reputation = run(network, ObjectiveType.E_REPUTATION, new Labels());
        assertThat(rules(reputation, rec(network, "client", ASK_RECOMMENDATION, COMMITTING))).isEmpty();
        assertThat(rules(reputation, rec(network, "peer", ASK_RECOMMENDATION, COMMITTING))).containsExactly(Rule.RECOMMENDATION_FROM_NON_WITNESS);
        assertThat(rules(reputation, rec(network, "old", ASK_RECOMMENDATION, COMMITTING)))
                .as("a witness, but without an exchange in two years").containsExactly(Rule.COMMITTING_WITHOUT_RECIPROCITY);
    }

    @Test
    void everyDeclaredNeedTheNetworkCanMeetIsCoveredDirectlyOrThroughAnIntroduction() {
        Network network = network(false);
        Labels labels = new Labels().relevant(1, "test", "peer").need("legal", "peer").need("investors", "ceo");
        EvaluationRun creation = run(network, ObjectiveType.BUSINESS_CREATION, labels, "legal", "investors", "suppliers");
        List<Violation> violations = AdviceRules.check(creation, ties(network), List.of(rec(network, "peer", ASK_ADVICE, LIGHT)));
        assertThat(violations).extracting(Violation::rule).containsExactly(Rule.NEED_NOT_COVERED);
        assertThat(violations.get(0).detail()).contains("investors", "Célia Dirigeante");
        assertThat(rules(creation, rec(network, "peer", ASK_ADVICE, LIGHT), rec(network, "mum", ASK_INTRODUCTION, LIGHT, "ceo"))).isEmpty();
    }

    @Test
    void aNeverLabelFailsDirectlyAndAsThePersonToBeIntroducedTo() {
        Network network = network(false);
        EvaluationRun job = run(network, ObjectiveType.JOB_SEARCH, new Labels().never("cool-down", "ceo"));
        assertThat(rules(job, rec(network, "ceo", REACH_OUT, LIGHT))).containsExactly(Rule.NEVER_LABEL);
        assertThat(rules(job, rec(network, "peer", ASK_INTRODUCTION, LIGHT, "ceo"))).containsExactly(Rule.NEVER_LABEL);
    }

    @Test
    void objectivesOnTheSameTargetsMustShareFewerThanHalfOfTheirTopTen() {
        Network network = network(false);
        List<Recommendation> a = people(network, 0, 10);
        Map<ObjectiveType, List<Recommendation>> fourShared = new LinkedHashMap<>();
        fourShared.put(ObjectiveType.JOB_SEARCH, a);
        fourShared.put(ObjectiveType.COMMERCIAL_PROSPECTING, people(network, 6, 16));
        assertThat(AdviceRules.overlap("owner", fourShared)).isEmpty();
        Map<ObjectiveType, List<Recommendation>> fiveShared = new LinkedHashMap<>();
        fiveShared.put(ObjectiveType.JOB_SEARCH, a);
        fiveShared.put(ObjectiveType.BUSINESS_CREATION, people(network, 5, 15));
        assertThat(AdviceRules.overlap("owner", fiveShared)).extracting(Violation::rule).containsExactly(Rule.OBJECTIVES_OVERLAP);
        Map<ObjectiveType, List<Recommendation>> shortAndSame = new LinkedHashMap<>();
        shortAndSame.put(ObjectiveType.JOB_SEARCH, people(network, 0, 3));
        shortAndSame.put(ObjectiveType.BUSINESS_CREATION, people(network, 0, 3));
        assertThat(AdviceRules.overlap("owner", shortAndSame)).hasSize(1);
    }

    private static List<Recommendation> people(Network network, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new Recommendation("r" + i, "owner", "o", "p" + i, "P" + i, REACH_OUT, LIGHT,
                0.5, null, 0.3, null, List.of(), null, NOW)).toList();
    }
}
