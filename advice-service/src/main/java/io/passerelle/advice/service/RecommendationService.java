package io.passerelle.advice.service;

import io.passerelle.advice.RecommendationList;
import io.passerelle.advice.ranking.RankingRequest;
import io.passerelle.advice.ranking.WeakTieRanker;
import io.passerelle.advice.repository.RankingInputRepository;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Ranks an owner's ties for one objective, on request, from the ties and profile the consumer has
 * stored. The ranking itself is {@link WeakTieRanker}, plain Java.
 */
@ApplicationScoped
public class RecommendationService {
    private final ObjectiveService objectives;
    private final RankingInputRepository inputs;
    private final WeakTieRanker ranker;

    public RecommendationService(ObjectiveService objectives, RankingInputRepository inputs, WeakTieRanker ranker) {
        this.objectives = objectives;
        this.inputs = inputs;
        this.ranker = ranker;
    }

    public Uni<RecommendationList> recommend(String ownerId, String objectiveId, int limit) {
        return objectives.find(ownerId, objectiveId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Owner " + ownerId + " has no objective " + objectiveId + "."))
                .chain(objective -> Uni.combine().all().unis(inputs.tiesOf(ownerId), inputs.profileOf(ownerId)).asTuple()
                        .map(loaded -> {
                            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                            var request = new RankingRequest(ownerId, objective, loaded.getItem2().orElse(null), loaded.getItem1(), limit, now);
                            return new RecommendationList(objectiveId, now, ranker.rank(request));
                        }));
    }
}
