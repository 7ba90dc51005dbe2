package io.passerelle.graph.projection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch must read before it can be applied: every owner it names, every tie it touches,
 * all ties of the owners whose profile changed or who are erased, and the ties whose contact lists
 * an erased contact among its {@code mutualContactIds} ({@code mentionsOf}: the erased contacts).
 */
public record LoadPlan(Set<String> owners, Set<String> ownersWithAllTies, Set<TieKey> ties, Set<TieKey> mentionsOf) {

    public LoadPlan(Set<String> owners, Set<String> ownersWithAllTies, Set<TieKey> ties) {
        this(owners, ownersWithAllTies, ties, Set.of());
    }

    public static LoadPlan of(List<IngestedEvent> events) {
        Set<String> owners = new LinkedHashSet<>();
        Set<String> ownersWithAllTies = new LinkedHashSet<>();
        Set<TieKey> ties = new LinkedHashSet<>();
        Set<TieKey> mentionsOf = new LinkedHashSet<>();
        for (IngestedEvent event : events) {
            owners.add(event.ownerId());
            if (event instanceof IngestedEvent.ProfileUpdated || event instanceof IngestedEvent.OwnerErased) {
                ownersWithAllTies.add(event.ownerId());
            } else if (event instanceof IngestedEvent.ContactUpserted e) {
                ties.add(new TieKey(e.ownerId(), e.contactId()));
            } else if (event instanceof IngestedEvent.ContactErased e) {
                ties.add(new TieKey(e.ownerId(), e.contactId()));
                mentionsOf.add(new TieKey(e.ownerId(), e.contactId()));
            } else if (event instanceof IngestedEvent.InteractionRecorded e) {
                ties.add(new TieKey(e.ownerId(), e.interaction().contactId()));
            }
        }
        return new LoadPlan(Set.copyOf(owners), Set.copyOf(ownersWithAllTies), Set.copyOf(ties), Set.copyOf(mentionsOf));
    }
}
