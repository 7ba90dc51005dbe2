package io.passerelle.contracts.model;

import java.time.Instant;
import java.util.List;

/** The tie-strength projection of one contact of one owner (API.md, graph-service). */
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
        List<String> explanation,
        Instant updatedAt) {
}
