package io.passerelle.advice.issuance;

/** Why a recommendation no longer holds: the {@code reason} of {@code passerelle.recommendation.withdrawn}. */
public enum WithdrawalReason {
    /** The contact, or its tie, was erased. */
    TIE_ERASED,
    /** The objective was deleted. */
    OBJECTIVE_DELETED,
    /** The owner and all their data were erased. */
    OWNER_ERASED,
    /** The request became committing for a close tie no longer allowed one (the owner withdrew the opt-in, or the tie became strong). */
    GUARDRAIL_APPLIES,
    /** The advised action or request kind changed for another reason; a new version is issued. */
    ACTION_CHANGED,
    /** The contact rests after an outcome the owner reported. */
    COOL_DOWN,
    /** The contact no longer ranks among the kept recommendations (targets or ties changed). */
    NO_LONGER_RANKED
}
