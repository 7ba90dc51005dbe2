package io.passerelle.contracts.model;

/** What came of a recommendation (DOMAIN.md C8). */
public enum Outcome {
    CONTACTED, REPLIED, MET, HELPED, DISMISSED, NOT_RELEVANT
}
