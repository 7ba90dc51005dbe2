package io.passerelle.advice.service;

import io.passerelle.advice.Objective;
import io.passerelle.advice.coverage.CoverageCalculator;
import io.passerelle.advice.coverage.ObjectiveCoverage;
import io.passerelle.advice.ranking.WeakTieRanker;
import io.passerelle.advice.repository.RankingInputRepository;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An objective's coverage, computed on request from the same inputs a recompute reads (the owner's
 * objectives, ties and profile, through {@link RankingInputRepository}), in one read transaction so
 * that ties and profile are of the same moment.
 */
@ApplicationScoped
public class CoverageService {
    private final Pool pool;
    private final RankingInputRepository inputs;
    private final CoverageCalculator calculator;
    private final WeakTieRanker ranker;

    public CoverageService(Pool pool, RankingInputRepository inputs, CoverageCalculator calculator, WeakTieRanker ranker) {
        this.pool = pool;
        this.inputs = inputs;
        this.calculator = calculator;
        this.ranker = ranker;
    }

    public Uni<ObjectiveCoverage> coverage(String ownerId, String objectiveId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return pool.withTransaction(connection -> Uni.combine().all().unis(
                        inputs.objectivesOf(connection, ownerId),
                        inputs.tiesOf(connection, ownerId),
                        inputs.profileOf(connection, ownerId)).asTuple())
                .map(loaded -> {
                    Objective objective = loaded.getItem1().stream().filter(o -> o.objectiveId().equals(objectiveId)).findFirst()
                            .orElseThrow(() -> ProblemException.notFound("Owner " + ownerId + " has no objective " + objectiveId + "."));
                    var profile = loaded.getItem3().orElse(null);
                    // The next steps speak the language of the objective's messages.
                    return calculator.compute(objective, profile, loaded.getItem2(), ranker.languageOf(objective, profile), now);
                });
    }
}
