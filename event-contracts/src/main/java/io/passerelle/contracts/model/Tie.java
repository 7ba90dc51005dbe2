package io.passerelle.contracts.model;

import java.time.Instant;
import java.util.List;

/**
 * The tie-strength projection of one contact of one owner (API.md, graph-service).
 *
 * @param peakStrength the strongest the tie has been, as of one of its interactions (0 without any)
 * @param peakStrengthAt when it was that strong (null without interaction)
 * @param lastReciprocatedAt the latest instant at which the tie had a two-way exchange on a channel
 *                           more personal than a reaction, a public comment or an endorsement: the
 *                           latest MUTUAL interaction, or the earlier of the latest INBOUND and the
 *                           latest OUTBOUND ones, whichever is later (null when it never had one).
 *                           A request that commits the contact is only made within a window of it.
 * @param explanation the sentences saying why the tie has its class, in {@code explanationLanguage}
 * @param explanationLanguage optional: the language of {@code explanation}, {@code fr} or {@code en}. A tie
 *                            read through the API is explained in the language asked, else the owner's;
 *                            a {@code passerelle.tie.updated} event carries it in the owner's. Ties
 *                            written before it existed have none (their explanation is English).
 */
public record Tie(
        String contactId,
        String displayName,
        double strength,
        TieClass tieClass,
        TieDimensions dimensions,
        GeographicScale geographicScale,
        Origin origin,
        long interactionCount,
        Instant firstInteractionAt,
        Instant lastInteractionAt,
        int mutualContacts,
        double peakStrength,
        Instant peakStrengthAt,
        Instant lastReciprocatedAt,
        List<String> explanation,
        Instant updatedAt,
        String explanationLanguage) {

    /** A tie without the language of its explanation (the field is optional, and every tie before it had none). */
    public Tie(String contactId, String displayName, double strength, TieClass tieClass, TieDimensions dimensions,
               GeographicScale geographicScale, Origin origin, long interactionCount, Instant firstInteractionAt,
               Instant lastInteractionAt, int mutualContacts, double peakStrength, Instant peakStrengthAt,
               Instant lastReciprocatedAt, List<String> explanation, Instant updatedAt) {
        this(contactId, displayName, strength, tieClass, dimensions, geographicScale, origin, interactionCount, firstInteractionAt,
                lastInteractionAt, mutualContacts, peakStrength, peakStrengthAt, lastReciprocatedAt, explanation, updatedAt, null);
    }
}
