package io.passerelle.contracts.model;

/** The class of a tie (DOMAIN.md section 2). */
public enum TieClass {
    STRONG, WEAK, DORMANT, NASCENT
}
