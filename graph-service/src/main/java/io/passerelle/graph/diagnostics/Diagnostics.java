package io.passerelle.graph.diagnostics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The diagnostics of one owner's network (API.md Diagnostics, DOMAIN.md section 4). Every
 * breakdown lists each value of its enumeration, with zero counts, plus {@code UNKNOWN} when some
 * contacts do not say; the relation-context shares may add up to more than 1 (a contact can have
 * several contexts) and {@code NONE} counts the contacts with none. {@code change} (since 30 and 90
 * days) depends on the instant it is read as much as on the network: it is attached to each answer,
 * never cached, and null in a computation. {@code brokerage} is null, and written as null, when the
 * mutual-contact data is too thin; {@code brokerageUnavailable} then says why (and is left out otherwise).
 * {@code summary} is computed with the figures in the owner's language; since its "what changed"
 * sentence depends on {@code change}, {@link #withChange} writes it again for each answer.
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
        @Schema(description = "Burt's measures; null when too few contacts carry mutual-contact data (brokerageUnavailable says why)",
                nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS)
        Brokerage brokerage,
        @Schema(description = "Why brokerage is null; absent when brokerage is given", nullable = true)
        BrokerageUnavailable brokerageUnavailable,
        DiagnosticsChange change,
        @Schema(description = "The diagnostics in words, in the owner's language: the kind of network, its reach, what changed "
                + "(with change), one or two moves; every number is one of this answer's figures")
        DiagnosticsSummary summary,
        Instant computedAt) {

    /**
     * The same diagnostics with their change since 30 and 90 days, and their summary written again in
     * its language so that its "what changed" sentence is of this change: the cached summary has none.
     */
    public Diagnostics withChange(DiagnosticsChange change) {
        Diagnostics changed = new Diagnostics(ownerId, contacts, byClass, byOrigin, byScale, bySource, byRelationContext, homophily,
                alterEgoIndex, alterEgos, brokerage, brokerageUnavailable, change, summary, computedAt);
        return changed.withSummary(DiagnosticsSummary.of(changed, DiagnosticsSummary.languageOf(summary)));
    }

    /** The same diagnostics with another summary. */
    public Diagnostics withSummary(DiagnosticsSummary summary) {
        return new Diagnostics(ownerId, contacts, byClass, byOrigin, byScale, bySource, byRelationContext, homophily, alterEgoIndex,
                alterEgos, brokerage, brokerageUnavailable, change, summary, computedAt);
    }

    /** How many contacts have a value, and which share of all contacts that is (0 when there are none). */
    public record Share(int count, double share) {
    }
}
