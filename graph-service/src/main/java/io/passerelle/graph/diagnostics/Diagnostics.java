package io.passerelle.graph.diagnostics;

import java.time.Instant;
import java.util.Map;

/**
 * The diagnostics of one owner's network (API.md Diagnostics, DOMAIN.md section 4). Every
 * breakdown lists each value of its enumeration, with zero counts, plus {@code UNKNOWN} when some
 * contacts do not say; the relation-context shares may add up to more than 1 (a contact can have
 * several contexts) and {@code NONE} counts the contacts with none. {@code change} (since 30 and 90
 * days) depends on the instant it is read as much as on the network: it is attached to each answer,
 * never cached, and null in a computation.
 */
public record Diagnostics(
        String ownerId,
        int contacts,
        Map<String, Share> byClass,
        Map<String, Share> byOrigin,
        Map<String, Share> byScale,
        Map<String, Share> bySource,
        Map<String, Share> byRelationContext,
        Map<String, HomophilyIndex> homophily,
        Double alterEgoIndex,
        AlterEgoIndex alterEgos,
        Brokerage brokerage,
        DiagnosticsChange change,
        Instant computedAt) {

    /** The same diagnostics with their change since 30 and 90 days. */
    public Diagnostics withChange(DiagnosticsChange change) {
        return new Diagnostics(ownerId, contacts, byClass, byOrigin, byScale, bySource, byRelationContext, homophily, alterEgoIndex,
                alterEgos, brokerage, change, computedAt);
    }

    /** How many contacts have a value, and which share of all contacts that is (0 when there are none). */
    public record Share(int count, double share) {
    }
}
