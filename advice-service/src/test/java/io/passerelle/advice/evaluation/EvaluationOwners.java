package io.passerelle.advice.evaluation;

import java.time.Instant;
import java.util.List;

/** The three owners of the evaluation, their networks dated relative to one fixed instant. */
final class EvaluationOwners {
    /** The evaluation's "now": every interaction is before it, every tie is computed as of it. */
    static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");

    private EvaluationOwners() {
    }

    static List<EvaluationOwner> all() {
        return List.of(
                ProductManagerLyon.create(NOW),
                ConsultantBrittany.create(NOW),
                FounderParisBerlin.create(NOW));
    }
}
