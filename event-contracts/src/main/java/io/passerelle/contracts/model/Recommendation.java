package io.passerelle.contracts.model;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(description = "Optional, on a warm path (action ASK_INTRODUCTION, reason KNOWS_TARGET_PERSON): the named person "
                + "this tie is asked to introduce the owner to; absent otherwise")
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
    @Schema(description = "The person a warm introduction aims at: another contact of the same owner")
    public record IntroductionTarget(
            @Schema(description = "The platform's id of that contact")
            String contactId,
            @Schema(description = "That contact's name")
            String displayName) {
    }
}
