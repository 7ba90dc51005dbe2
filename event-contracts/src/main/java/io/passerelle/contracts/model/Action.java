package io.passerelle.contracts.model;

/** What a recommendation asks the owner to do. */
public enum Action {
    REACH_OUT, REACTIVATE, ASK_INFORMATION, ASK_INTRODUCTION, ENGAGE_CONTENT, ASK_RECOMMENDATION
}
