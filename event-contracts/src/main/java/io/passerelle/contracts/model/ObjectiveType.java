package io.passerelle.contracts.model;

/** Professional objectives (DOMAIN.md C5). */
public enum ObjectiveType {
    JOB_SEARCH, COMMERCIAL_PROSPECTING, E_REPUTATION, BUSINESS_CREATION, INFORMATION
}
