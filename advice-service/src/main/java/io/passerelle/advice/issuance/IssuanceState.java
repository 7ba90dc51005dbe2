package io.passerelle.advice.issuance;

import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.RequestKind;
import java.time.Instant;

/**
 * What is on record for one (owner, objective, contact) recommendation before a recompute.
 *
 * @param version how many times it has been issued (0 for never)
 * @param active whether it currently holds (issued and not withdrawn)
 * @param issuedAt when the current version was issued
 */
public record IssuanceState(String recommendationId, String contactId, int version, boolean active, Action action,
                            RequestKind requestKind, Instant issuedAt) {
}
