package io.passerelle.contracts.model;

import java.time.Instant;
import java.util.List;

/**
 * One suggested outreach for one objective (API.md, advice-service).
 *
 * @param introductionTo the named person this tie is asked to introduce the owner to (a warm path), or null
 */
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
        IntroductionTarget introductionTo,
        List<Reason> reasons,
        Message message,
        Instant issuedAt) {

    /** Why a recommendation was made: a stable machine code and a sentence for people. */
    public record Reason(String code, String text) {
    }

    /** A suggested first message. */
    public record Message(String language, String text) {
    }

    /** The person a warm introduction aims at: another contact of the same owner. */
    public record IntroductionTarget(String contactId, String displayName) {
    }
}
