package io.passerelle.graph;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/** Read view of an owner row; written only by the projection (ProjectionStore). */
@Entity
@Immutable
@Table(name = "owners")
public class OwnerEntity {
    @Id
    @Column(name = "owner_id")
    public String ownerId;

    /** The OwnerProfile as JSON, read as text so that the event JSON mapping applies; null until a profile arrived. */
    @Formula("cast(profile as text)")
    public String profileJson;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
