package io.passerelle.contracts.model;

import java.time.Instant;
import java.util.List;

/** One suggested outreach for one objective (API.md, advice-service). */
public record Recommendation(
        String recommendationId,
        String ownerId,
        String objectiveId,
        String contactId,
        String displayName,
        Action action,
        RequestKind requestKind,
        double score,
        TieClass tieClass,
        double tieStrength,
        List<Reason> reasons,
        Message message,
        Instant issuedAt) {

    /** Why a recommendation was made: a stable machine code and a sentence for people. */
    public record Reason(String code, String text) {
    }

    /** A suggested first message. */
    public record Message(String language, String text) {
    }
}
