package io.passerelle.advice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.ranking.RankingParameters;
import io.passerelle.advice.ranking.WeakTieRanker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The yardstick of the ranking: three realistic owners (a product manager in Lyon moving into
 * fintech, a freelance consultant prospecting small firms in Brittany, a founder creating a
 * health-tech company between Paris and Berlin), each with 80+ contacts and years of interactions,
 * ties computed by the real tie model ({@link EvaluationTies}), ranked with the default parameters
 * for five objectives each (their own, E_REPUTATION with and without topics, and their own targets
 * under the two other committing objective types), limit 10.
 *
 * <p><b>Metrics</b>, against labels a career coach wrote from DOMAIN.md before any tuning
 * ({@link Labels}: grade 2 = wanted in the top ten, 1 = acceptable, for a contact recommended
 * directly or as the intermediary of a labelled warm path). With g_i the grade at position i
 * (0 for an unlabelled contact or one already listed higher, 0 past the end of a short list):
 * <ul>
 *   <li>P@10 = |{i ≤ 10 : g_i ≥ 1}| / 10;</li>
 *   <li>DCG@10 = Σ_{i=1..10} (2^{g_i} − 1) / log2(i + 1);</li>
 *   <li>nDCG@10 = DCG@10 / IDCG@10, IDCG@10 being the DCG of the labels' best list (one entry per
 *       labelled contact, its best grade, highest first).</li>
 * </ul>
 * They are printed, not asserted; a run fails only if a metric is NaN or the list is empty while
 * the labels expect people.
 *
 * <p><b>Rules</b> ({@link AdviceRules}), computed from the data of each network for every
 * recommendation of every run; any breach fails {@link #noRecommendationBreaksARuleOfSoundAdvice()}:
 * the strong-tie guardrail; no committing request without a reciprocated exchange in 24 months;
 * no current colleague in a job search; warm paths light, to another contact, through someone who
 * knows them; recommendations asked only of witnesses of the owner's work; every business-creation
 * need the network can meet covered in the top ten; no contact the labels say must never appear.
 *
 * <p><b>Objectives that differ.</b> On one target set, JOB_SEARCH, COMMERCIAL_PROSPECTING and
 * BUSINESS_CREATION should share fewer than half of their top tens pairwise. The report lists the
 * pairs short of that goal; {@link #theSameTargetsGiveListsThatDiffer()} fails when two of them
 * share eight or more, as identical lists once did.
 *
 * <p>The report (a Markdown table, the violations, every top ten) is printed and written to
 * {@code target/ranking-evaluation.md}.
 */
class RankingQualityEvaluationTest {
    private static RankingEvaluation evaluation;

    @BeforeAll
    static void rankEveryOwnerForEveryObjective() throws IOException {
        WeakTieRanker ranker = new WeakTieRanker(RankingParameters.defaults());
        evaluation = RankingEvaluation.of(EvaluationOwners.all(), ranker::rank);
        String report = evaluation.markdown();
        System.out.println(report);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("ranking-evaluation.md"), report);
    }

    @Test
    void everyRunHasDefinedMetricsAndATopTenWhenTheLabelsExpectPeople() {
        assertThat(evaluation.runs()).hasSize(15).allSatisfy(result -> {
            assertThat(result.precision()).as("P@10 of %s", result.run().title()).isNotNaN();
            assertThat(result.ndcg()).as("nDCG@10 of %s", result.run().title()).isNotNaN();
            if (result.run().labels().expectsPeople()) {
                assertThat(result.top()).as("top ten of %s", result.run().title()).isNotEmpty();
            }
        });
    }

    @Test
    void theSameTargetsGiveListsThatDiffer() {
        assertThat(evaluation.overlaps()).hasSize(3).allSatisfy(overlap -> assertThat(overlap.shared().values())
                .as("contacts shared by two objective types on %s's targets", overlap.owner())
                .allSatisfy(shared -> assertThat(shared).isLessThan(8)));
    }

    @Test
    void noRecommendationBreaksARuleOfSoundAdvice() {
        var violations = evaluation.violations();
        assertThat(violations)
                .withFailMessage(() -> violations.size() + " violations of the rules of sound advice (report in target/ranking-evaluation.md):\n"
                        + violations.stream()
                                .map(v -> "- " + v.run() + " — " + v.rule() + (v.contactId() == null ? "" : " — " + v.displayName()) + ": " + v.detail())
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
