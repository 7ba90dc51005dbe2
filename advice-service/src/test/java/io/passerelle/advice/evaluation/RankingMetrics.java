package io.passerelle.advice.evaluation;

import io.passerelle.contracts.model.Recommendation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Precision and nDCG at k of a ranked list against graded labels ({@link Labels}).
 *
 * <p>The grade g_i of position i (1-based) is the label's grade of the recommendation there (its
 * warm path's grade when that path is labelled and better than the contact's own), 0 when the
 * contact is unlabelled, and 0 for a contact already seen higher in the list. Positions past the
 * end of a short list count as 0.
 *
 * <ul>
 *   <li>P@k = |{i ≤ k : g_i ≥ 1}| / k</li>
 *   <li>DCG@k = Σ_{i=1..k} (2^{g_i} − 1) / log2(i + 1), so a 2 is worth 3 and a 1 is worth 1</li>
 *   <li>nDCG@k = DCG@k / IDCG@k, where IDCG@k is the DCG of the ideal list: one entry per labelled
 *       contact, with its best grade directly or as an intermediary, highest first. Undefined
 *       (NaN) when the labels grade nobody.</li>
 * </ul>
 */
final class RankingMetrics {

    private RankingMetrics() {
    }

    /** The grade of each of the first {@code k} recommendations. */
    static List<Integer> grades(List<Recommendation> ranked, Labels labels, int k) {
        List<Integer> grades = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Recommendation r : ranked) {
            if (grades.size() == k) {
                break;
            }
            grades.add(seen.add(r.contactId()) ? labels.gradeOf(r) : 0);
        }
        return grades;
    }

    static double precisionAt(int k, List<Integer> grades) {
        long relevant = grades.stream().limit(k).filter(g -> g >= 1).count();
        return (double) relevant / k;
    }

    static double dcgAt(int k, List<Integer> grades) {
        double dcg = 0.0;
        for (int i = 0; i < Math.min(k, grades.size()); i++) {
            dcg += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return dcg;
    }

    static double ndcgAt(int k, List<Integer> grades, List<Integer> idealGrades) {
        double ideal = dcgAt(k, idealGrades);
        return ideal == 0.0 ? Double.NaN : dcgAt(k, grades) / ideal;
    }
}
