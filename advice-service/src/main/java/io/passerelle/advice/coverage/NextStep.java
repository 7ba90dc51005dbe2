package io.passerelle.advice.coverage;

/**
 * The best next step towards a target no STRONG or WEAK tie reaches.
 *
 * @param kind which of the three steps
 * @param contactId the person who reaches the target (the dormant tie, or the person to be introduced to); null for {@link Kind#LOOK_FOR_EVENTS}
 * @param displayName that person's name; null for {@link Kind#LOOK_FOR_EVENTS}
 * @param via the STRONG or WEAK tie to ask for an introduction; null unless {@link Kind#ASK_FOR_INTRODUCTION}
 * @param text the step in a sentence, in the objective's language
 */
public record NextStep(Kind kind, String contactId, String displayName, Person via, String text) {

    /** The three next steps, in the order they are looked for. */
    public enum Kind {
        /** A dormant tie reaches the target: reconnect with them. */
        REACTIVATE,
        /** A STRONG or WEAK tie knows someone who reaches it (one lists the other in mutualContactIds): ask them for that person. */
        ASK_FOR_INTRODUCTION,
        /** Nobody the owner could ask reaches it: look for events or groups about it. */
        LOOK_FOR_EVENTS
    }

    /** A tie named by a next step. */
    public record Person(String contactId, String displayName) {
    }
}
