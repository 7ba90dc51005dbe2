package io.passerelle.contracts.model;

/**
 * What a recommendation asks the owner to do. LIGHT actions: REACH_OUT, REACTIVATE, ASK_INFORMATION,
 * ASK_ADVICE (a short conversation about the contact's role, company or field: the informational
 * interview), ENGAGE_CONTENT, and ASK_INTRODUCTION to one named person. COMMITTING ones:
 * ASK_INTRODUCTION into a field or company, ASK_REFERRAL, ASK_RECOMMENDATION.
 */
public enum Action {
    REACH_OUT, REACTIVATE, ASK_INFORMATION, ASK_ADVICE, ASK_INTRODUCTION, ASK_REFERRAL, ENGAGE_CONTENT, ASK_RECOMMENDATION
}
