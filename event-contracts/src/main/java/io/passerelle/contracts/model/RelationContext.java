package io.passerelle.contracts.model;

/** The kinds of professional relation a contact is part of (DOMAIN.md C10). */
public enum RelationContext {
    NETWORK, CUSTOMER, INTRA_COMPANY, PARTNER
}
