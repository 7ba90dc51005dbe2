package io.passerelle.graph.diagnostics;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Homophily of an ego network on one attribute (DOMAIN.md section 3).
 *
 * <p>Krackhardt and Stern's E-I index, {@code (E - I) / (E + I)} in [-1, 1], over the alters
 * whose value can be compared with the owner's: I counts the alters who share a value with the
 * owner (internal), E those who share none (external). -1: everyone is like the owner; 1: no one is.
 *
 * <p>Blau's heterogeneity index {@code 1 - sum(p_k^2)} over the alters' values, in [0, 1] (0: all
 * alike). When the attribute has a known number K of categories in the owners' population (the
 * vocabulary's canonical sectors), it is divided by its maximum {@code 1 - 1/K}, K at least the
 * categories observed: 1 only for a network spread evenly over every category there is, so that two
 * sectors half and half are not "maximally diverse". When K is unknown (cities, schools, employers:
 * open lists) it is not normalised (the constant 1, the maximum as K grows): the chance that two
 * contacts drawn at random differ. Normalising by the categories observed, as before, made any even
 * spread 1 whatever its breadth. An alter with several values (schools, employers) spreads its one
 * unit of weight evenly over them.
 *
 * @param eiIndex    null when no alter can be compared with the owner
 * @param blauIndex  null when no alter has a value
 * @param comparable the alters the E-I index was computed on
 * @param known      the alters with a value, on which the Blau index was computed
 */
public record HomophilyIndex(Double eiIndex, Double blauIndex, int comparable, int known) {

    /** @param categories the attribute's number of categories in the owners' population, null when unknown */
    public static HomophilyIndex of(Set<String> ownerValues, Collection<Set<String>> alterValues, Integer categories) {
        Accumulator accumulator = new Accumulator(ownerValues, categories);
        alterValues.forEach(accumulator::add);
        return accumulator.result();
    }

    /** The index built one alter at a time, so that a whole network need not be held to compute it. */
    public static final class Accumulator {
        private final Set<String> ownerValues;
        private final Integer categories;
        // Weights accumulate in place: a boxed Double per addition would make tens of thousands of contacts slow.
        private final Map<String, double[]> weights = new HashMap<>();
        private int internal;
        private int external;
        private int known;

        /** @param categories the attribute's number of categories in the owners' population, null when unknown */
        public Accumulator(Set<String> ownerValues, Integer categories) {
            this.ownerValues = ownerValues;
            this.categories = categories;
        }

        /** One alter's values (empty when unknown). */
        public void add(Set<String> values) {
            if (values.isEmpty()) {
                return;
            }
            known++;
            double share = 1.0 / values.size();
            boolean shared = false;
            for (String value : values) {
                weights.computeIfAbsent(value, v -> new double[1])[0] += share;
                shared |= ownerValues.contains(value);
            }
            if (!ownerValues.isEmpty()) {
                if (shared) {
                    internal++;
                } else {
                    external++;
                }
            }
        }

        public HomophilyIndex result() {
            Double ei = internal + external == 0 ? null : (double) (external - internal) / (internal + external);
            return new HomophilyIndex(ei, blau(weights.values(), known, categories), internal + external, known);
        }
    }

    /**
     * Blau index of category weights (each in a one-element array, as accumulated) summing to
     * {@code total}, normalised by {@code 1 - 1/K} for K = max(categories, observed) when the number of
     * categories is known, not normalised otherwise; null when total is 0, 0 for a single category.
     */
    static Double blau(Collection<double[]> weights, double total, Integer categories) {
        if (total <= 0) {
            return null;
        }
        int observed = weights.size();
        if (observed < 2) {
            return 0.0;
        }
        double sumOfSquares = 0.0;
        for (double[] weight : weights) {
            double p = weight[0] / total;
            sumOfSquares += p * p;
        }
        double blau = 1.0 - sumOfSquares;
        double maximum = categories == null ? 1.0 : 1.0 - 1.0 / Math.max(categories, observed);
        return Math.max(0.0, Math.min(1.0, blau / maximum));
    }
}
