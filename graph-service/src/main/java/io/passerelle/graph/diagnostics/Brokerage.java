package io.passerelle.graph.diagnostics;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
 * Computed in O(n + t log t), one alter at a time ({@link Accumulator}).
 *
 * @param constraint      null without alters
 * @param effectiveSize   0 without alters
 * @param efficiency      null without alters
 * @param alters          n
 * @param tiesAmongAlters t
 */
@Schema(description = "Burt's structural-hole measures of the owner's ego network, ties among contacts taken from mutualContactIds")
public record Brokerage(
        @Schema(description = "Burt's constraint: 1/n for a star, rising as contacts know each other; absent without contacts")
        Double constraint,
        @Schema(description = "Effective size: contacts minus the redundancy of their ties to each other (n - 2t/n)")
        double effectiveSize,
        @Schema(description = "Effective size over contacts, 0 to 1; absent without contacts")
        Double efficiency,
        @Schema(description = "The contacts counted (n)")
        int alters,
        @Schema(description = "Ties among those contacts (t)")
        long tiesAmongAlters) {

    /**
     * Below this share of contacts with mutual-contact data the measures are not given (the default of
     * {@code passerelle.graph.diagnostics.brokerage.minimum-mutual-data-share}): a contact whose mutual
     * contacts nobody reported looks like a contact who knows none of the others, so a network with
     * little such data would read as a perfect broker's (constraint 1/n, efficiency 1).
     */
    public static final double DEFAULT_MINIMUM_MUTUAL_DATA_SHARE = 0.30;

    /**
     * The measures, or why there are none: exactly one of the two is null.
     *
     * @param brokerage   null when the mutual-contact data is too thin (or there are no contacts)
     * @param unavailable null when the measures are given
     */
    public record Assessment(Brokerage brokerage, BrokerageUnavailable unavailable) {
    }

    /** The measures for the given alters and, per alter, the ids it names as mutual contacts. */
    public static Brokerage of(Collection<String> alterIds, Map<String, ? extends Collection<String>> mutualContactIds) {
        Accumulator accumulator = new Accumulator();
        for (String id : alterIds) {
            accumulator.add(id, mutualContactIds.get(id));
        }
        return accumulator.result();
    }

    /**
     * The measures built one alter at a time, in any order: an alter may name contacts not added yet.
     * Ids are numbered as they are first seen and ties kept as pairs of numbers in a primitive array,
     * so that a network of tens of thousands of alters is held in a few megabytes.
     */
    public static final class Accumulator {
        private final Map<String, Integer> numbers = new HashMap<>();
        /** Per id number: whether the id is an alter (and not only named by one). */
        private boolean[] alter = new boolean[64];
        private int alters;
        /** Ties as named: (number of the naming alter) << 32 | (number of the named id). */
        private long[] named = new long[64];
        private int namedCount;

        /** An alter and the ids it names as mutual contacts (null when it names none); ids that never turn out to be alters are ignored. */
        public void add(String alterId, Collection<String> mutualContactIds) {
            int from = number(alterId);
            if (!alter[from]) {
                alter[from] = true;
                alters++;
            }
            if (mutualContactIds == null) {
                return;
            }
            for (String otherId : mutualContactIds) {
                if (otherId == null) {
                    continue;
                }
                int to = number(otherId);
                if (to == from) {
                    continue;
                }
                if (namedCount == named.length) {
                    named = Arrays.copyOf(named, namedCount * 2);
                }
                named[namedCount++] = (long) from << 32 | to;
            }
        }

        private int number(String id) {
            Integer known = numbers.get(id);
            if (known != null) {
                return known;
            }
            int number = numbers.size();
            numbers.put(id, number);
            if (number == alter.length) {
                alter = Arrays.copyOf(alter, number * 2);
            }
            return number;
        }

        /** The measures whatever the data; see {@link #assess} for the measures only where the data allows. */
        public Brokerage result() {
            return measured().brokerage();
        }

        /**
         * The measures when at least {@code minimumShare} of the alters have mutual-contact data (a tie
         * to another alter, named by either), else why not. Without alters, no measures either.
         */
        public Assessment assess(double minimumShare) {
            Measured measured = measured();
            int n = alters;
            double share = n == 0 ? 0.0 : (double) measured.withMutualData() / n;
            if (n == 0) {
                return new Assessment(null, BrokerageUnavailable.noContacts(minimumShare));
            }
            if (share < minimumShare) {
                return new Assessment(null, BrokerageUnavailable.thinData(measured.withMutualData(), share, minimumShare));
            }
            return new Assessment(measured.brokerage(), null);
        }

        private Measured measured() {
            int n = alters;
            if (n == 0) {
                return new Measured(new Brokerage(null, 0.0, null, 0, 0), 0);
            }
            int[] index = new int[numbers.size()];
            int next = 0;
            for (int number = 0; number < index.length; number++) {
                index[number] = alter[number] ? next++ : -1;
            }
            // Undirected ties among alters as sorted, de-duplicated pairs (low * n + high), then adjacency in compressed rows.
            long[] pairs = new long[namedCount];
            int count = 0;
            for (int i = 0; i < namedCount; i++) {
                int from = index[(int) (named[i] >>> 32)];
                int to = index[(int) named[i]];
                if (from >= 0 && to >= 0) {
                    pairs[count++] = (long) Math.min(from, to) * n + Math.max(from, to);
                }
            }
            return measures(n, pairs, count);
        }
    }

    /** The measures and how many alters have a tie to another alter. */
    private record Measured(Brokerage brokerage, int withMutualData) {
    }

    private static Measured measures(int n, long[] pairs, int count) {
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
        int withMutualData = 0;
        for (int i = 0; i < n; i++) {
            if (degree[i] > 0) {
                withMutualData++;
            }
        }
        return new Measured(new Brokerage(constraint, effectiveSize, effectiveSize / n, n, ties), withMutualData);
    }
}
