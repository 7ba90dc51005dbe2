package io.passerelle.graph.diagnostics;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Burt's structural-hole measures of the owner's ego network (DOMAIN.md section 3): the owner and
 * the n alters, the owner tied to every alter, and alters tied to each other when either names the
 * other among its mutual contacts (undirected, unweighted; ids that are not alters are ignored).
 *
 * <p>With unweighted ties, the proportional strength of i's tie to j is {@code p_ij = 1 / degree(i)}
 * (the owner's degree is n, an alter's is 1 plus its ties to other alters). The owner's
 * <b>constraint</b> is {@code c = sum over alters j of (p_oj + sum over alters q of p_oq p_qj)^2}: 1/n
 * for a star, rising as alters know each other. The <b>effective size</b> is {@code n - 2t/n}, t
 * the ties among alters (Borgatti's unweighted form), and <b>efficiency</b> is effective size / n.
 * Computed in O(n + t).
 *
 * @param constraint      null without alters
 * @param effectiveSize   0 without alters
 * @param efficiency      null without alters
 * @param alters          n
 * @param tiesAmongAlters t
 */
public record Brokerage(Double constraint, double effectiveSize, Double efficiency, int alters, long tiesAmongAlters) {

    /** The measures for the given alters and, per alter, the ids it names as mutual contacts. */
    public static Brokerage of(Collection<String> alterIds, Map<String, ? extends Collection<String>> mutualContactIds) {
        Map<String, Integer> index = new HashMap<>(alterIds.size() * 2);
        for (String id : alterIds) {
            index.putIfAbsent(id, index.size());
        }
        int n = index.size();
        if (n == 0) {
            return new Brokerage(null, 0.0, null, 0, 0);
        }
        // Undirected ties as sorted, de-duplicated pairs (low * n + high), then adjacency in compressed rows:
        // primitive arrays keep a network of tens of thousands of alters fast and small.
        long[] pairs = new long[16];
        int count = 0;
        for (Map.Entry<String, ? extends Collection<String>> entry : mutualContactIds.entrySet()) {
            Integer from = index.get(entry.getKey());
            if (from == null || entry.getValue() == null) {
                continue;
            }
            for (String otherId : entry.getValue()) {
                Integer to = index.get(otherId);
                if (to == null || to.equals(from)) {
                    continue;
                }
                if (count == pairs.length) {
                    pairs = Arrays.copyOf(pairs, count * 2);
                }
                pairs[count++] = (long) Math.min(from, to) * n + Math.max(from, to);
            }
        }
        Arrays.sort(pairs, 0, count);
        int[] degree = new int[n];
        int ties = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0 && pairs[i] == pairs[i - 1]) {
                continue;
            }
            pairs[ties++] = pairs[i];
            degree[(int) (pairs[i] / n)]++;
            degree[(int) (pairs[i] % n)]++;
        }
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = offsets[i] + degree[i];
        }
        int[] fill = Arrays.copyOf(offsets, n);
        int[] neighbours = new int[2 * ties];
        for (int i = 0; i < ties; i++) {
            int low = (int) (pairs[i] / n);
            int high = (int) (pairs[i] % n);
            neighbours[fill[low]++] = high;
            neighbours[fill[high]++] = low;
        }

        double pOwner = 1.0 / n;
        double constraint = 0.0;
        for (int j = 0; j < n; j++) {
            double indirect = 0.0;
            for (int k = offsets[j]; k < offsets[j + 1]; k++) {
                // p_oq * p_qj, q's degree counting the owner
                indirect += pOwner / (1 + degree[neighbours[k]]);
            }
            double term = pOwner + indirect;
            constraint += term * term;
        }
        double effectiveSize = n - 2.0 * ties / n;
        return new Brokerage(constraint, effectiveSize, effectiveSize / n, n, ties);
    }
}
