package io.passerelle.advice.service;

import io.passerelle.advice.RecommendationList;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an objective's current recommendations as last recomputed, best first. An objective that
 * has never been computed (just created, before its first recompute committed) is computed on the spot.
 */
@ApplicationScoped
public class RecommendationService {
    private final ObjectiveService objectives;
    private final RecomputeService recompute;
    private final Pool pool;

    public RecommendationService(ObjectiveService objectives, RecomputeService recompute, Pool pool) {
        this.objectives = objectives;
        this.recompute = recompute;
        this.pool = pool;
    }

    public Uni<RecommendationList> recommend(String ownerId, String objectiveId, int limit) {
        return objectives.find(ownerId, objectiveId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Owner " + ownerId + " has no objective " + objectiveId + "."))
                .chain(objective -> generatedAt(ownerId, objectiveId))
                .chain(generated -> generated != null ? Uni.createFrom().item(generated)
                        : recompute.recompute(ownerId).chain(() -> generatedAt(ownerId, objectiveId)))
                .chain(generated -> current(ownerId, objectiveId, limit).map(items -> new RecommendationList(objectiveId, generated, items)));
    }

    private Uni<Instant> generatedAt(String ownerId, String objectiveId) {
        return pool.preparedQuery("SELECT generated_at FROM recommendation_runs WHERE owner_id = $1 AND objective_id = $2")
                .execute(Tuple.of(ownerId, objectiveId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getOffsetDateTime(0).toInstant());
    }

    /** The current recommendations, best first; those returned are marked shown (effectiveness counts only those). */
    private Uni<List<Recommendation>> current(String ownerId, String objectiveId, int limit) {
        return pool.preparedQuery("""
                        WITH current AS (
                            SELECT recommendation_id, rank, body FROM recommendations
                            WHERE owner_id = $1 AND objective_id = $2 AND status = 'ACTIVE'
                            ORDER BY rank LIMIT $3),
                        shown AS (
                            UPDATE recommendations r SET shown_at = now() FROM current c
                            WHERE r.recommendation_id = c.recommendation_id AND r.shown_at IS NULL)
                        SELECT body::text FROM current ORDER BY rank""")
                .execute(Tuple.of(ownerId, objectiveId, limit))
                .map(rows -> {
                    List<Recommendation> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(read(row.getString(0)));
                    }
                    return items;
                });
    }

    private static Recommendation read(String json) {
        try {
            return EventJson.read(json, Recommendation.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("stored recommendation is unreadable", e);
        }
    }
}
