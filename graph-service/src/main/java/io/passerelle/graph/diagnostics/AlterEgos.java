package io.passerelle.graph.diagnostics;

import io.passerelle.contracts.model.OwnerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tells, one contact at a time, whether a contact is one of the owner's alter egos, by the rule the
 * alter-ego index counts with ({@link AlterEgoIndex}: a strict majority of the comparable attributes
 * among sector, city, school and employers, at least {@link AlterEgoIndex#MINIMUM_COMPARABLE} of them
 * comparable), so that whatever marks look-alikes one by one agrees with the index. Not thread-safe:
 * one instance per network read.
 */
public final class AlterEgos {
    private static final Attribute[] ATTRIBUTES = Attribute.values();
    // Networks repeat the same cities, sectors, schools and companies: normalise each distinct spelling once.
    private final AttributeValues normalizer = new AttributeValues();
    private final List<Set<String>> ownerValues = new ArrayList<>(ATTRIBUTES.length);

    /** @param owner the owner's profile, null until it arrived (then nobody is an alter ego) */
    public AlterEgos(OwnerProfile owner) {
        for (Attribute attribute : ATTRIBUTES) {
            ownerValues.add(attribute.of(owner, normalizer));
        }
    }

    /** Whether the member matches the owner on most comparable attributes; false when too few compare. */
    public boolean isAlterEgo(NetworkMember member) {
        List<Set<String>> values = new ArrayList<>(ATTRIBUTES.length);
        for (Attribute attribute : ATTRIBUTES) {
            values.add(attribute.of(member, normalizer));
        }
        return Boolean.TRUE.equals(AlterEgoIndex.isAlterEgo(ownerValues, values));
    }
}
