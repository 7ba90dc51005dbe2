package io.passerelle.graph.diagnostics;

import java.util.List;
import java.util.Set;

/**
 * The share of an owner's contacts who are "alter egos" (DOMAIN.md C2): contacts who match the
 * owner on most of sector, city, school and employers. Only attributes known for both can be
 * compared; a contact is an alter ego when it matches on more than half of those, and is counted
 * only when at least {@link #MINIMUM_COMPARABLE} attributes can be compared (one shared city alone
 * does not make a look-alike).
 *
 * @param index     alter egos divided by the contacts counted, in [0, 1]; null when none can be counted
 * @param alterEgos contacts matching on most comparable attributes
 * @param counted   contacts with at least {@link #MINIMUM_COMPARABLE} comparable attributes
 */
public record AlterEgoIndex(Double index, int alterEgos, int counted) {
    public static final int MINIMUM_COMPARABLE = 2;

    /** One contact's values, attribute by attribute in the order of {@code ownerValues}. */
    public static AlterEgoIndex of(List<Set<String>> ownerValues, List<List<Set<String>>> contactValues) {
        Accumulator accumulator = new Accumulator(ownerValues);
        contactValues.forEach(accumulator::add);
        return accumulator.result();
    }

    /** The index built one contact at a time, so that a whole network need not be held to compute it. */
    public static final class Accumulator {
        private final List<Set<String>> ownerValues;
        private int alterEgos;
        private int counted;

        public Accumulator(List<Set<String>> ownerValues) {
            this.ownerValues = ownerValues;
        }

        /** One contact's values, attribute by attribute in the order of the owner's. */
        public void add(List<Set<String>> contactValues) {
            Boolean alterEgo = isAlterEgo(ownerValues, contactValues);
            if (alterEgo != null) {
                counted++;
                if (alterEgo) {
                    alterEgos++;
                }
            }
        }

        public AlterEgoIndex result() {
            return new AlterEgoIndex(counted == 0 ? null : (double) alterEgos / counted, alterEgos, counted);
        }
    }

    /** Whether the contact matches the owner on a strict majority of the comparable attributes; null when too few compare. */
    static Boolean isAlterEgo(List<Set<String>> ownerValues, List<Set<String>> contactValues) {
        int comparable = 0;
        int matching = 0;
        for (int i = 0; i < ownerValues.size(); i++) {
            Set<String> owner = ownerValues.get(i);
            Set<String> contact = contactValues.get(i);
            if (owner.isEmpty() || contact.isEmpty()) {
                continue;
            }
            comparable++;
            for (String value : contact) {
                if (owner.contains(value)) {
                    matching++;
                    break;
                }
            }
        }
        if (comparable < MINIMUM_COMPARABLE) {
            return null;
        }
        return 2 * matching > comparable;
    }
}
