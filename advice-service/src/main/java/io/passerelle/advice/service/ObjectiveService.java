package io.passerelle.advice.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.passerelle.advice.Objective;
import io.passerelle.advice.StoredObjective;
import io.passerelle.advice.repository.ObjectiveRepository;
import io.passerelle.contracts.json.EventJson;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Creates, replaces, lists and deletes an owner's objectives. */
@ApplicationScoped
public class ObjectiveService {
    private final ObjectiveRepository objectives;

    public ObjectiveService(ObjectiveRepository objectives) {
        this.objectives = objectives;
    }

    /** Creates the objective or replaces it whole, keeping its creation time. */
    @WithTransaction
    public Uni<Objective> put(String ownerId, String objectiveId, Objective objective) {
        // Milliseconds: what the database stores is then exactly what the answer shows.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StoredObjective.Key key = new StoredObjective.Key(ownerId, objectiveId);
        return objectives.findById(key).chain(existing -> {
            StoredObjective stored = existing != null ? existing : new StoredObjective();
            if (existing == null) {
                stored.id = key;
                stored.createdAt = now;
            }
            stored.type = objective.type();
            stored.targets = EventJson.write(objective.targets());
            stored.language = objective.language();
            stored.updatedAt = now;
            Uni<StoredObjective> saved = existing == null ? objectives.persist(stored) : Uni.createFrom().item(stored);
            return saved.map(ObjectiveService::toObjective);
        });
    }

    @WithSession
    public Uni<List<Objective>> list(String ownerId) {
        return objectives.listForOwner(ownerId).map(stored -> stored.stream().map(ObjectiveService::toObjective).toList());
    }

    /** The objective, or null when the owner has none with this id. */
    @WithSession
    public Uni<Objective> find(String ownerId, String objectiveId) {
        return objectives.findById(new StoredObjective.Key(ownerId, objectiveId)).map(s -> s == null ? null : toObjective(s));
    }

    static Objective toObjective(StoredObjective stored) {
        try {
            Objective.Targets targets = EventJson.read(stored.targets, Objective.Targets.class);
            return new Objective(stored.id.objectiveId, stored.id.ownerId, stored.type, targets, stored.language,
                    stored.createdAt, stored.updatedAt);
        } catch (JsonProcessingException e) {
            // Only this service writes the column, from a validated body.
            throw new UncheckedIOException("stored targets of objective " + stored.id.objectiveId + " are unreadable", e);
        }
    }
}
