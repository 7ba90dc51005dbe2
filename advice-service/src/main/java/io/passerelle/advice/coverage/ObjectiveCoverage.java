package io.passerelle.advice.coverage;

import java.time.Instant;
import java.util.List;

/**
 * How representative an owner's network is of one objective (DOMAIN.md section 5, "Measured"): for
 * each of its targets, the ties that reach it, by class and by geographic scale, and a next step
 * where no tie the owner could ask today does.
 *
 * @param targets in the order sectors, roles, companies, locations, scales, topics, needs, each
 *                list in the objective's own order
 */
public record ObjectiveCoverage(String objectiveId, Instant computedAt, List<TargetCoverage> targets) {

    public ObjectiveCoverage {
        targets = List.copyOf(targets);
    }
}
