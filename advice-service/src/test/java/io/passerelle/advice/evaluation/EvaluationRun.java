package io.passerelle.advice.evaluation;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.ObjectiveType;
import java.time.Duration;
import java.util.Objects;

/**
 * One owner's network ranked for one objective, with the coach's labels for it.
 *
 * @param owner       the owner's short description, for the report
 * @param name        the run's name within the owner, for the report
 * @param sameTargets whether the run belongs to the owner's three runs on one target set
 *                    (JOB_SEARCH, COMMERCIAL_PROSPECTING, BUSINESS_CREATION), compared for overlap
 */
record EvaluationRun(String owner, String name, Network network, Objective objective, Labels labels, boolean sameTargets) {

    EvaluationRun {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(name);
        Objects.requireNonNull(network);
        Objects.requireNonNull(objective);
        Objects.requireNonNull(labels);
    }

    ObjectiveType type() {
        return objective.type();
    }

    String title() {
        return owner + " / " + name;
    }

    /** An objective of the network's owner, created a month before the evaluation instant. */
    static Objective objective(Network network, String objectiveId, ObjectiveType type, Objective.Targets targets) {
        return new Objective(objectiveId, network.ownerId(), type, targets, network.owner().language(),
                network.now().minus(Duration.ofDays(30)), network.now().minus(Duration.ofDays(30)));
    }
}
