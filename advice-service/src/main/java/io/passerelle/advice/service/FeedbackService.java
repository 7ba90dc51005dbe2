package io.passerelle.advice.service;

import io.passerelle.advice.issuance.EffectivenessSummary;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Outcome;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Records outcomes reported on recommendations and summarises how well the advice works. */
@ApplicationScoped
public class FeedbackService {
    private final Pool pool;

    public FeedbackService(Pool pool) {
        this.pool = pool;
    }

    /** What the service answers once an outcome is recorded. */
    @Schema(name = "FeedbackRecorded", description = "The feedback as recorded")
    public record Recorded(String feedbackId, String recommendationId, Outcome outcome, Instant recordedAt) {
    }

    /**
     * Records the outcome and makes the owner due for a recompute now, so that the cool-down takes
     * effect at the worker's next poll (and withdraws the recommendation if it no longer holds).
     * A recommendation of an owner the caller may not see is answered as if it did not exist.
     */
    public Uni<Recorded> record(String recommendationId, Outcome outcome, String note, Predicate<String> visibleOwners) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String feedbackId = Identifiers.randomId();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        INSERT INTO feedback (feedback_id, recommendation_id, owner_id, objective_id, objective_type, contact_id, tie_class,
                                              outcome, note, recorded_at)
                        SELECT $1, recommendation_id, owner_id, objective_id, objective_type, contact_id, tie_class, $3, $4, $5
                        FROM recommendations WHERE recommendation_id = $2 FOR SHARE
                        RETURNING owner_id""")
                .execute(Tuple.of(feedbackId, recommendationId, outcome.name(), note, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .chain(rows -> {
                    String ownerId = rows.size() == 0 ? null : rows.iterator().next().getString(0);
                    if (ownerId == null || !visibleOwners.test(ownerId)) {
                        // Failing rolls the insert back.
                        return Uni.createFrom().failure(ProblemException.notFound("There is no recommendation " + recommendationId + "."));
                    }
                    return RecomputeService.markDueNow(connection, List.of(ownerId));
                }))
                .replaceWith(new Recorded(feedbackId, recommendationId, outcome, now));
    }

    public Uni<EffectivenessSummary> effectiveness(String ownerId) {
        return pool.preparedQuery("""
                        SELECT r.objective_id, r.objective_type, r.tie_class, r.shown_at IS NOT NULL AS shown,
                               array_remove(array_agg(DISTINCT f.outcome), NULL) AS outcomes
                        FROM recommendations r LEFT JOIN feedback f ON f.recommendation_id = r.recommendation_id
                        WHERE r.owner_id = $1
                        GROUP BY r.recommendation_id, r.objective_id, r.objective_type, r.tie_class, r.shown_at""")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    List<EffectivenessSummary.Outcomes> outcomes = new ArrayList<>();
                    for (Row row : rows) {
                        Set<Outcome> reported = EnumSet.noneOf(Outcome.class);
                        for (String outcome : row.getArrayOfStrings("outcomes")) {
                            reported.add(Outcome.valueOf(outcome));
                        }
                        outcomes.add(new EffectivenessSummary.Outcomes(row.getString("objective_id"),
                                ObjectiveType.valueOf(row.getString("objective_type")), TieClass.valueOf(row.getString("tie_class")),
                                row.getBoolean("shown"), reported));
                    }
                    return EffectivenessSummary.of(ownerId, outcomes);
                });
    }
}
