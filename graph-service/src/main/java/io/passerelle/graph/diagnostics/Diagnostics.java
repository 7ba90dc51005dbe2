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
@Schema(description = "The diagnostics of an owner's network: counts and shares, homophily, alter egos, brokerage, their change "
        + "since 30 and 90 days and the verdict in words")
public record Diagnostics(
        @Schema(description = "The platform's id of the owner")
        String ownerId,
        @Schema(description = "How many contacts the owner has")
        int contacts,
        @Schema(description = "Contacts per tie class (STRONG, WEAK, DORMANT, NASCENT), each listed, with zero counts")
        Map<String, Share> byClass,
        @Schema(description = "Contacts per origin (FAMILY ... OTHER), plus UNKNOWN when some contacts do not say")
        Map<String, Share> byOrigin,
        @Schema(description = "Contacts per geographic scale (NEIGHBOURHOOD ... WORLD, UNKNOWN)")
        Map<String, Share> byScale,
        @Schema(description = "Contacts per source (LINKEDIN ... OTHER), plus UNKNOWN when some contacts do not say")
        Map<String, Share> bySource,
        @Schema(description = "Contacts per relation context (NETWORK, CUSTOMER, INTRA_COMPANY, PARTNER); shares may add up to more "
                + "than 1, NONE counts the contacts with none")
        Map<String, Share> byRelationContext,
        @Schema(description = "Per attribute (sector, city, school, employer): the E-I index and the normalised Blau index")
        Map<String, HomophilyIndex> homophily,
        @Schema(description = "The share, 0 to 1, of comparable contacts who resemble the owner; absent when none can be compared")
        Double alterEgoIndex,
        @Schema(description = "The alter-ego index with the counts it is computed from")
        AlterEgoIndex alterEgos,
        @Schema(description = "Burt's measures; null when too few contacts carry mutual-contact data (brokerageUnavailable says why)",
                nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS)
        Brokerage brokerage,
        @Schema(description = "Why brokerage is null; absent when brokerage is given", nullable = true)
        BrokerageUnavailable brokerageUnavailable,
        @Schema(description = "Each main figure now minus its value in the history point in force 30 and 90 days ago; worked out at "
                + "each request")
        DiagnosticsChange change,
        @Schema(description = "The diagnostics in words, in the owner's language: the kind of network, its reach, what changed "
                + "(with change), one or two moves; every number is one of this answer's figures")
        DiagnosticsSummary summary,
        @Schema(description = "When the figures were computed (the last computation while the network has not changed since)")
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
    @Schema(description = "How many contacts have a value, and which share of all contacts that is")
    public record Share(
            @Schema(description = "Contacts with this value")
            int count,
            @Schema(description = "count over all contacts, 0 to 1 (0 without contacts)")
            double share) {
    }
}
