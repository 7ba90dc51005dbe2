package io.passerelle.advice.evaluation;

import java.util.List;

/** An owner of the evaluation: their network and every objective they are ranked for. */
record EvaluationOwner(String name, Network network, List<EvaluationRun> runs) {

    EvaluationOwner {
        runs = List.copyOf(runs);
    }
}
