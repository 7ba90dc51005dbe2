package io.passerelle.advice.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Outcome;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RequestKind;
import io.passerelle.contracts.model.TieClass;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendationReconcilerTest {
    private static final Instant EARLIER = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private final RecommendationReconciler reconciler = new RecommendationReconciler();

    private static Recommendation fresh(String contactId, Action action, RequestKind kind, double score) {
        return new Recommendation("rec-" + contactId, "o", "obj", contactId, contactId, action, kind, score, TieClass.WEAK, 0.3, null,
                List.of(), new Recommendation.Message("en", "Hello"), NOW);
    }

    private static IssuanceState onRecord(String contactId, int version, boolean active, Action action, RequestKind kind) {
        return new IssuanceState("rec-" + contactId, contactId, version, active, action, kind, EARLIER);
    }

    private Reconciliation reconcile(List<IssuanceState> onRecord, List<Recommendation> ranked, Set<String> contacts, Set<String> resting) {
        return reconciler.reconcile("o", "obj", ObjectiveType.JOB_SEARCH, onRecord, ranked, contacts, resting, NOW);
    }

    @Test
    void newContactsAreIssuedAtVersionOneInRankOrder() {
        Reconciliation r = reconcile(List.of(), List.of(fresh("a", Action.ASK_INFORMATION, RequestKind.LIGHT, 0.9),
                fresh("b", Action.ASK_INFORMATION, RequestKind.LIGHT, 0.8)), Set.of("a", "b"), Set.of());

        assertThat(r.issued()).extracting(Reconciliation.Ranked::rank).containsExactly(1, 2);
        assertThat(r.issued()).extracting(Reconciliation.Ranked::version).containsOnly(1);
        assertThat(r.kept()).isEmpty();
        assertThat(r.withdrawn()).isEmpty();
    }

    @Test
    void unchangedAdviceIsKeptQuietlyWithItsVersionAndIssuanceTime() {
        Reconciliation r = reconcile(List.of(onRecord("a", 3, true, Action.ASK_INFORMATION, RequestKind.LIGHT)),
                List.of(fresh("a", Action.ASK_INFORMATION, RequestKind.LIGHT, 0.5)), Set.of("a"), Set.of());

        assertThat(r.changesNothingPublished()).isTrue();
        assertThat(r.kept()).singleElement().satisfies(kept -> {
            assertThat(kept.version()).isEqualTo(3);
            assertThat(kept.recommendation().issuedAt()).isEqualTo(EARLIER);
            assertThat(kept.recommendation().score()).isEqualTo(0.5);
        });
    }

    @Test
    void aCommittingRequestThatBecomesLightIsWithdrawnForTheGuardrailAndReissued() {
        Reconciliation r = reconcile(List.of(onRecord("a", 1, true, Action.ASK_INTRODUCTION, RequestKind.COMMITTING)),
                List.of(fresh("a", Action.ASK_INFORMATION, RequestKind.LIGHT, 0.5)), Set.of("a"), Set.of());

        assertThat(r.withdrawn()).singleElement().satisfies(w -> {
            assertThat(w.reason()).isEqualTo(WithdrawalReason.GUARDRAIL_APPLIES);
            assertThat(w.version()).isEqualTo(1);
        });
        assertThat(r.issued()).singleElement().satisfies(i -> {
            assertThat(i.version()).isEqualTo(2);
            assertThat(i.recommendation().issuedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void anotherChangeOfActionSaysSo() {
        Reconciliation r = reconcile(List.of(onRecord("a", 1, true, Action.ASK_INFORMATION, RequestKind.LIGHT)),
                List.of(fresh("a", Action.REACTIVATE, RequestKind.LIGHT, 0.5)), Set.of("a"), Set.of());

        assertThat(r.withdrawn()).extracting(Reconciliation.Withdrawal::reason).containsExactly(WithdrawalReason.ACTION_CHANGED);
    }

    @Test
    void aWithdrawnRecommendationComesBackAsANewVersion() {
        Reconciliation r = reconcile(List.of(onRecord("a", 2, false, Action.ASK_INFORMATION, RequestKind.LIGHT)),
                List.of(fresh("a", Action.ASK_INFORMATION, RequestKind.LIGHT, 0.5)), Set.of("a"), Set.of());

        assertThat(r.issued()).extracting(Reconciliation.Ranked::version).containsExactly(3);
        assertThat(r.withdrawn()).isEmpty();
    }

    @Test
    void droppedRecommendationsAreWithdrawnWithTheMostTellingReason() {
        List<IssuanceState> onRecord = List.of(
                onRecord("erased", 1, true, Action.ASK_INFORMATION, RequestKind.LIGHT),
                onRecord("resting", 1, true, Action.ASK_INFORMATION, RequestKind.LIGHT),
                onRecord("outranked", 1, true, Action.ASK_INFORMATION, RequestKind.LIGHT),
                onRecord("already-withdrawn", 1, false, Action.ASK_INFORMATION, RequestKind.LIGHT));

        Reconciliation r = reconcile(onRecord, List.of(), Set.of("resting", "outranked", "already-withdrawn"), Set.of("resting"));

        assertThat(r.withdrawn()).extracting(Reconciliation.Withdrawal::contactId, Reconciliation.Withdrawal::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("erased", WithdrawalReason.TIE_ERASED),
                org.assertj.core.groups.Tuple.tuple("resting", WithdrawalReason.COOL_DOWN),
                org.assertj.core.groups.Tuple.tuple("outranked", WithdrawalReason.NO_LONGER_RANKED));
    }

    @Test
    void withdrawAllTakesOnlyTheActiveOnes() {
        Reconciliation r = reconciler.withdrawAll("o", "obj", ObjectiveType.INFORMATION, List.of(
                onRecord("a", 1, true, Action.ASK_INFORMATION, RequestKind.LIGHT),
                onRecord("b", 4, false, Action.ASK_INFORMATION, RequestKind.LIGHT)), WithdrawalReason.OBJECTIVE_DELETED);

        assertThat(r.withdrawn()).extracting(Reconciliation.Withdrawal::contactId).containsExactly("a");
        assertThat(r.issued()).isEmpty();
    }

    @Test
    void effectivenessCountsTheFunnelPerObjectiveTypeAndTieClass() {
        EffectivenessSummary summary = EffectivenessSummary.of("o", List.of(
                shown("job", ObjectiveType.JOB_SEARCH, TieClass.WEAK, Outcome.CONTACTED, Outcome.REPLIED),
                shown("job", ObjectiveType.JOB_SEARCH, TieClass.WEAK, Outcome.HELPED),
                shown("job", ObjectiveType.JOB_SEARCH, TieClass.DORMANT, Outcome.MET),
                shown("info", ObjectiveType.INFORMATION, TieClass.WEAK, Outcome.DISMISSED),
                shown("info", ObjectiveType.INFORMATION, TieClass.WEAK)));

        EffectivenessSummary.Counts overall = summary.overall();
        assertThat(overall.issued()).isEqualTo(5);
        assertThat(overall.shown()).isEqualTo(5);
        assertThat(overall.contacted()).isEqualTo(3);
        assertThat(overall.replied()).isEqualTo(2);
        assertThat(overall.met()).isEqualTo(1);
        assertThat(overall.helped()).isEqualTo(1);
        assertThat(overall.dismissed()).isEqualTo(1);
        assertThat(overall.contactRate()).isEqualTo(0.6);
        assertThat(overall.replyRate()).isEqualTo(0.6667);
        assertThat(summary.byObjectiveType()).extracting(EffectivenessSummary.Group::objectiveType)
                .containsExactly(ObjectiveType.JOB_SEARCH, ObjectiveType.INFORMATION);
        assertThat(summary.byTieClass()).extracting(g -> g.tieClass(), g -> g.counts().issued())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TieClass.WEAK, 4), org.assertj.core.groups.Tuple.tuple(TieClass.DORMANT, 1));
        assertThat(summary.byObjectiveTypeAndTieClass()).hasSize(3);
        assertThat(summary.byObjective()).extracting(g -> g.objectiveId(), g -> g.counts().contacted())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("info", 0), org.assertj.core.groups.Tuple.tuple("job", 3));
        assertThat(summary.byObjectiveAndTieClass()).extracting(g -> g.objectiveId() + "/" + g.tieClass() + "=" + g.counts().shown())
                .containsExactly("info/WEAK=2", "job/WEAK=2", "job/DORMANT=1");
        assertThat(EffectivenessSummary.of("o", List.of()).overall().contactRate()).isZero();
    }

    @Test
    void effectivenessCountsOnlyTheRecommendationsShownWhateverIsReportedOnTheOthers() {
        EffectivenessSummary summary = EffectivenessSummary.of("o", List.of(
                shown("job", ObjectiveType.JOB_SEARCH, TieClass.WEAK, Outcome.CONTACTED),
                shown("job", ObjectiveType.JOB_SEARCH, TieClass.WEAK),
                new EffectivenessSummary.Outcomes("job", ObjectiveType.JOB_SEARCH, TieClass.WEAK, false, Set.of(Outcome.HELPED)),
                new EffectivenessSummary.Outcomes("job", ObjectiveType.JOB_SEARCH, TieClass.DORMANT, false, Set.of())));

        EffectivenessSummary.Counts overall = summary.overall();
        assertThat(overall.issued()).isEqualTo(4);
        assertThat(overall.shown()).isEqualTo(2);
        assertThat(overall.contacted()).isEqualTo(1);
        assertThat(overall.helped()).isZero();
        assertThat(overall.contactRate()).isEqualTo(0.5);
        assertThat(summary.byTieClass()).extracting(g -> g.tieClass() + ":" + g.counts().issued() + "/" + g.counts().shown())
                .containsExactly("WEAK:3/2", "DORMANT:1/0");
        assertThat(summary.byTieClass().get(1).counts().contactRate()).isZero();
    }

    private static EffectivenessSummary.Outcomes shown(String objectiveId, ObjectiveType type, TieClass tieClass, Outcome... reported) {
        return new EffectivenessSummary.Outcomes(objectiveId, type, tieClass, true, Set.of(reported));
    }
}
