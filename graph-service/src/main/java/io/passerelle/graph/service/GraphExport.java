package io.passerelle.graph.service;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.tie.TieStatistics;
import java.time.Instant;
import java.util.List;

/**
 * Everything graph-service holds about one owner: the profile, every contact as sent, and every tie
 * as of the export with the interaction statistics it is computed from.
 */
public record GraphExport(
        String ownerId,
        OwnerProfile profile,
        Instant firstSeenAt,
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
