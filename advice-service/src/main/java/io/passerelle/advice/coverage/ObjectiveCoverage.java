package io.passerelle.advice.coverage;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How representative an owner's network is of one objective (DOMAIN.md section 5, "Measured"): for
 * each of its targets, the ties that reach it, by class and by geographic scale, and a next step
 * where no tie the owner could ask today does.
 *
 * @param targets in the order sectors, roles, companies, locations, scales, topics, needs, each
 *                list in the objective's own order
 */
@Schema(description = "How far the owner's network covers an objective: per target, the ties that reach it by class and by "
        + "scale, and a next step where no STRONG or WEAK tie does")
public record ObjectiveCoverage(
        @Schema(description = "The objective's id")
        String objectiveId,
        @Schema(description = "When the coverage was computed: at the request")
        Instant computedAt,
        @Schema(description = "One entry per target, in the order sectors, roles, companies, locations, scales, topics, needs, each "
                + "list in the objective's own order")
        List<TargetCoverage> targets) {

    public ObjectiveCoverage {
        targets = List.copyOf(targets);
    }
}
