package io.passerelle.advice.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.advice.AdviceExport;
import io.passerelle.advice.repository.RankingInputRepository;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Outcome;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.Tie;
import io.passerelle.runtime.database.DatabaseSettings;
import io.passerelle.runtime.export.ExportSnapshot;
import io.passerelle.runtime.export.StreamedJsonObject;
import io.passerelle.runtime.problem.ProblemException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Gathers an owner's data for a data-subject access request (GDPR article 15), written as it is
 * read: the shape is {@link AdviceExport}'s, and memory stays flat whatever the owner's size.
 */
@ApplicationScoped
public class OwnerExportService {
    private final Pool pool;
    private final RankingInputRepository inputs;
    private final ObjectMapper mapper;
    private final Duration timeout;

    public OwnerExportService(Pool pool, RankingInputRepository inputs, ObjectMapper mapper, DatabaseSettings database) {
        this.pool = pool;
        this.inputs = inputs;
        this.mapper = mapper;
        // Longer than the stall detection, so that a hung database is reported as such rather than as a timeout here.
        this.timeout = database.stallTimeout().plusSeconds(5);
    }

    /**
     * The owner's export, to be written by a worker thread; a 404 problem, before anything is
     * written, when the service holds nothing about the owner. Blocking.
     */
    public StreamingOutput export(String ownerId) {
        if (!holdsAnything(ownerId)) {
            throw ProblemException.notFound("advice-service holds nothing about owner " + ownerId + ".");
        }
        return out -> {
            try (ExportSnapshot snapshot = ExportSnapshot.open(pool, timeout)) {
                Instant now = Instant.now();
                Tuple owner = Tuple.of(ownerId);
                StreamedJsonObject.start(mapper, out)
                        .field("ownerId", ownerId)
                        .field("profile", snapshot.read(client -> inputs.profileOf(client, ownerId)).orElse(null))
                        .field("objectives", snapshot.read(client -> inputs.objectivesOf(client, ownerId)))
                        .array("recommendations", write -> snapshot.forEach("""
                                        SELECT body::text AS body, status, version, withdrawn_at, withdrawal_reason FROM recommendations
                                        WHERE owner_id = $1 ORDER BY objective_id, status, rank""", owner,
                                row -> write.accept(new AdviceExport.ExportedRecommendation(read(row.getString("body"), Recommendation.class),
                                        row.getString("status"), row.getInteger("version"), instant(row.getOffsetDateTime("withdrawn_at")),
                                        row.getString("withdrawal_reason")))))
                        .array("feedback", write -> snapshot.forEach("""
                                        SELECT feedback_id, recommendation_id, objective_id, contact_id, outcome, note, recorded_at FROM feedback
                                        WHERE owner_id = $1 ORDER BY recorded_at, feedback_id""", owner,
                                row -> write.accept(new AdviceExport.ExportedFeedback(row.getString("feedback_id"),
                                        row.getString("recommendation_id"), row.getString("objective_id"), row.getString("contact_id"),
                                        Outcome.valueOf(row.getString("outcome")), row.getString("note"),
                                        instant(row.getOffsetDateTime("recorded_at"))))))
                        .array("ties", write -> snapshot.forEach("SELECT tie::text AS tie FROM ties WHERE owner_id = $1 ORDER BY contact_id",
                                owner, row -> write.accept(read(row.getString("tie"), Tie.class))))
                        .field("exportedAt", now)
                        .finish();
            }
        };
    }

    private boolean holdsAnything(String ownerId) {
        return pool.preparedQuery("""
                        SELECT EXISTS (SELECT 1 FROM owners WHERE owner_id = $1)
                            OR EXISTS (SELECT 1 FROM objectives WHERE owner_id = $1)
                            OR EXISTS (SELECT 1 FROM recommendations WHERE owner_id = $1)
                            OR EXISTS (SELECT 1 FROM feedback WHERE owner_id = $1)
                            OR EXISTS (SELECT 1 FROM ties WHERE owner_id = $1) AS holds""")
                .execute(Tuple.of(ownerId))
                .map(rows -> rows.iterator().next().getBoolean("holds"))
                .await().atMost(timeout);
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
