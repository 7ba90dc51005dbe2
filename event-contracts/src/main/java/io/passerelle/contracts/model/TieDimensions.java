package io.passerelle.contracts.model;

/** The per-dimension breakdown of a tie's strength, each in [0, 1] (DOMAIN.md section 2). */
public record TieDimensions(
        double intensity,
        double intimacy,
        double duration,
        double recency,
        double reciprocity,
        double structural,
        double socialDistance,
        double originPrior) {
}
