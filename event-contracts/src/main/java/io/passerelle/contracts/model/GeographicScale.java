package io.passerelle.contracts.model;

/** Where a contact is relative to its owner (DOMAIN.md C4), nearest first. */
public enum GeographicScale {
    NEIGHBOURHOOD, CITY, DEPARTMENT, REGION, COUNTRY, EUROPE, WORLD, UNKNOWN
}
