package io.passerelle.graph.service;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.tie.TieStatistics;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything graph-service holds about one owner: the profile, every contact as sent, and every tie
 * as of the export with the interaction statistics it is computed from.
 */
public record GraphExport(
        String ownerId,
        OwnerProfile profile,
        @Schema(description = "When the first event about the owner was applied")
        Instant firstSeenAt,
        @Schema(description = "When the owner's profile was last applied; when the owner was first seen if no profile came")
        Instant updatedAt,
        List<ExportedContact> contacts,
        List<ExportedTie> ties,
        Instant exportedAt) {

    /** A contact as last received. */
    public record ExportedContact(String contactId, Contact contact, Instant updatedAt) {
    }

    /** A tie as of the export, and the statistics kept for it. */
    public record ExportedTie(Tie tie, TieStatistics statistics) {
    }
}
