package io.passerelle.advice.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.passerelle.advice.AdviceExport;
import io.passerelle.advice.repository.RankingInputRepository;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Outcome;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.Tie;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Gathers an owner's data for a data-subject access request (GDPR article 15). */
@ApplicationScoped
public class OwnerExportService {
    private final Pool pool;
    private final RankingInputRepository inputs;

    public OwnerExportService(Pool pool, RankingInputRepository inputs) {
        this.pool = pool;
        this.inputs = inputs;
    }

    /** The owner's export; a 404 problem when the service holds nothing about the owner. */
    public Uni<AdviceExport> export(String ownerId) {
        Instant now = Instant.now();
        return Uni.combine().all().unis(
                        inputs.profileOf(pool, ownerId),
                        inputs.objectivesOf(pool, ownerId),
                        recommendations(ownerId),
                        feedback(ownerId),
                        ties(ownerId)).asTuple()
                .map(loaded -> new AdviceExport(ownerId, loaded.getItem1().orElse(null), loaded.getItem2(), loaded.getItem3(),
                        loaded.getItem4(), loaded.getItem5(), now))
                .invoke(export -> {
                    if (export.isEmpty()) {
                        throw ProblemException.notFound("advice-service holds nothing about owner " + ownerId + ".");
                    }
                });
    }

    private Uni<List<AdviceExport.ExportedRecommendation>> recommendations(String ownerId) {
        return pool.preparedQuery("""
                        SELECT body::text AS body, status, version, withdrawn_at, withdrawal_reason FROM recommendations
                        WHERE owner_id = $1 ORDER BY objective_id, status, rank""")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    List<AdviceExport.ExportedRecommendation> recommendations = new ArrayList<>();
                    for (Row row : rows) {
                        recommendations.add(new AdviceExport.ExportedRecommendation(read(row.getString("body"), Recommendation.class),
                                row.getString("status"), row.getInteger("version"), instant(row.getOffsetDateTime("withdrawn_at")),
                                row.getString("withdrawal_reason")));
                    }
                    return recommendations;
                });
    }

    private Uni<List<AdviceExport.ExportedFeedback>> feedback(String ownerId) {
        return pool.preparedQuery("""
                        SELECT feedback_id, recommendation_id, objective_id, contact_id, outcome, note, recorded_at FROM feedback
                        WHERE owner_id = $1 ORDER BY recorded_at, feedback_id""")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    List<AdviceExport.ExportedFeedback> feedback = new ArrayList<>();
                    for (Row row : rows) {
                        feedback.add(new AdviceExport.ExportedFeedback(row.getString("feedback_id"), row.getString("recommendation_id"),
                                row.getString("objective_id"), row.getString("contact_id"), Outcome.valueOf(row.getString("outcome")),
                                row.getString("note"), instant(row.getOffsetDateTime("recorded_at"))));
                    }
                    return feedback;
                });
    }

    private Uni<List<Tie>> ties(String ownerId) {
        return pool.preparedQuery("SELECT tie::text AS tie FROM ties WHERE owner_id = $1 ORDER BY contact_id")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    List<Tie> ties = new ArrayList<>();
                    rows.forEach(row -> ties.add(read(row.getString("tie"), Tie.class)));
                    return ties;
                });
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.read(json, type);
        } catch (JsonProcessingException e) {
            // Only this service writes these columns, from payloads it has already read and validated.
            throw new UncheckedIOException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
