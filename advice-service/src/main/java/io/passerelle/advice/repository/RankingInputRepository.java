package io.passerelle.advice.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.passerelle.advice.Objective;
import io.passerelle.advice.ranking.CoolDownPolicy;
import io.passerelle.advice.ranking.RankableTie;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Outcome;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the ranking needs from the projection the consumer maintains: an owner's ties, profile,
 * objectives and reported outcomes. Each read takes the client to run on (the pool, or the
 * connection of a transaction that must see a consistent state).
 */
@ApplicationScoped
public class RankingInputRepository {

    public Uni<List<RankableTie>> tiesOf(SqlClient client, String ownerId) {
        return client.preparedQuery("SELECT tie::text, contact::text, previous_tie_class FROM ties WHERE owner_id = $1 ORDER BY contact_id")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    List<RankableTie> ties = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        String contact = row.getString(1);
                        String previous = row.getString(2);
                        ties.add(new RankableTie(read(row.getString(0), Tie.class),
                                contact == null ? null : read(contact, Contact.class),
                                previous == null ? null : TieClass.valueOf(previous)));
                    }
                    return ties;
                });
    }

    public Uni<Optional<OwnerProfile>> profileOf(SqlClient client, String ownerId) {
        return client.preparedQuery("SELECT profile::text FROM owners WHERE owner_id = $1")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    var iterator = rows.iterator();
                    return iterator.hasNext() ? Optional.of(read(iterator.next().getString(0), OwnerProfile.class)) : Optional.empty();
                });
    }

    public Uni<List<Objective>> objectivesOf(SqlClient client, String ownerId) {
        return client.preparedQuery("""
                        SELECT objective_id, type, targets, language, created_at, updated_at FROM objectives
                        WHERE owner_id = $1 ORDER BY objective_id""")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    List<Objective> objectives = new ArrayList<>();
                    for (Row row : rows) {
                        objectives.add(new Objective(row.getString("objective_id"), ownerId, ObjectiveType.valueOf(row.getString("type")),
                                read(row.getString("targets"), Objective.Targets.class), row.getString("language"),
                                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant()));
                    }
                    return objectives;
                });
    }

    /** The outcomes reported in the last {@code window} (older ones no longer cool anyone down). */
    public Uni<List<CoolDownPolicy.Feedback>> feedbackOf(SqlClient client, String ownerId, Instant now, Duration window) {
        return client.preparedQuery("""
                        SELECT objective_id, contact_id, outcome, recorded_at FROM feedback
                        WHERE owner_id = $1 AND recorded_at > $2""")
                .execute(Tuple.of(ownerId, OffsetDateTime.ofInstant(now.minus(window), ZoneOffset.UTC)))
                .map(rows -> {
                    List<CoolDownPolicy.Feedback> feedback = new ArrayList<>();
                    for (Row row : rows) {
                        feedback.add(new CoolDownPolicy.Feedback(row.getString("objective_id"), row.getString("contact_id"),
                                Outcome.valueOf(row.getString("outcome")), row.getOffsetDateTime("recorded_at").toInstant()));
                    }
                    return feedback;
                });
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
