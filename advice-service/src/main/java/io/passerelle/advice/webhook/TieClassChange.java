package io.passerelle.advice.webhook;

import io.passerelle.contracts.model.TieClass;
import java.time.Instant;

/**
 * The data of {@code tie.class-changed}: identifiers and classes only (no name or contact details),
 * so that the delivery row holds as little personal data as it can.
 */
public record TieClassChange(String ownerId, String contactId, TieClass previousTieClass, TieClass tieClass, double strength,
                             Instant changedAt) {
}
