package io.passerelle.advice;

import io.passerelle.contracts.model.ObjectiveType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An objective as stored in the {@code objectives} table (schema in db/migration). */
@Entity
@Table(name = "objectives")
public class StoredObjective {

    @EmbeddedId
    public Key id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObjectiveType type;

    /** The JSON of {@link Objective.Targets}. */
    @Column(nullable = false)
    public String targets;

    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Objectives are identified per owner. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "owner_id")
        public String ownerId;

        @Column(name = "objective_id")
        public String objectiveId;

        public Key() {
        }

        public Key(String ownerId, String objectiveId) {
            this.ownerId = ownerId;
            this.objectiveId = objectiveId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(ownerId, key.ownerId) && Objects.equals(objectiveId, key.objectiveId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ownerId, objectiveId);
        }
    }
}
