package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.RequestKind;

/** What to ask a contact, and whether the request commits them (DOMAIN.md C6). */
public record OutreachPlan(Action action, RequestKind requestKind) {

    public static OutreachPlan light(Action action) {
        return new OutreachPlan(action, RequestKind.LIGHT);
    }

    public static OutreachPlan committing(Action action) {
        return new OutreachPlan(action, RequestKind.COMMITTING);
    }

    public boolean isCommitting() {
        return requestKind == RequestKind.COMMITTING;
    }
}
