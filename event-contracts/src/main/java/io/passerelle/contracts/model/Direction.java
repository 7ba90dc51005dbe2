package io.passerelle.contracts.model;

/** Who initiated an interaction, from the owner's point of view. */
public enum Direction {
    INBOUND, OUTBOUND, MUTUAL
}
