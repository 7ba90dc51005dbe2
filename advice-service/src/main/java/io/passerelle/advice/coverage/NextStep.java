package io.passerelle.advice.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The best next step towards a target no STRONG or WEAK tie reaches.
 *
 * @param kind which of the three steps
 * @param contactId the person who reaches the target (the dormant tie, or the person to be introduced to); null for {@link Kind#LOOK_FOR_EVENTS}
 * @param displayName that person's name; null for {@link Kind#LOOK_FOR_EVENTS}
 * @param via the STRONG or WEAK tie to ask for an introduction; null unless {@link Kind#ASK_FOR_INTRODUCTION}
 * @param text the step in a sentence, in the objective's language
 */
@Schema(description = "The best next step towards a target no STRONG or WEAK tie reaches")
public record NextStep(
        @Schema(description = "REACTIVATE a dormant tie who reaches the target, else ASK_FOR_INTRODUCTION to someone who does, "
                + "else LOOK_FOR_EVENTS")
        Kind kind,
        @Schema(description = "The person who reaches the target (the dormant tie, or the person to be introduced to); absent for "
                + "LOOK_FOR_EVENTS")
        String contactId,
        @Schema(description = "That person's name; absent for LOOK_FOR_EVENTS")
        String displayName,
        @Schema(description = "The STRONG or WEAK tie to ask for the introduction; only for ASK_FOR_INTRODUCTION")
        Person via,
        @Schema(description = "The step in a sentence, in the objective's language")
        String text) {

    /** The three next steps, in the order they are looked for. */
    @Schema(name = "NextStepKind", description = "The three next steps, in the order they are looked for")
    public enum Kind {
        /** A dormant tie reaches the target: reconnect with them. */
        REACTIVATE,
        /** A STRONG or WEAK tie knows someone who reaches it (one lists the other in mutualContactIds): ask them for that person. */
        ASK_FOR_INTRODUCTION,
        /** Nobody the owner could ask reaches it: look for events or groups about it. */
        LOOK_FOR_EVENTS
    }

    /** A tie named by a next step. */
    @Schema(description = "A tie named by a next step")
    public record Person(
            @Schema(description = "The platform's id of the contact")
            String contactId,
            @Schema(description = "The contact's name")
            String displayName) {
    }
}
