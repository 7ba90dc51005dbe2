package io.passerelle.graph;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/**
 * Read view of a tie row, for a single tie's read (the listing reads its page with SQL, TiePageReader);
 * written only by the projection (ProjectionStore) and the sweep (TieSweepStore).
 */
@Entity
@Immutable
@IdClass(TieId.class)
@Table(name = "ties")
public class TieEntity {
    @Id
    @Column(name = "owner_id")
    public String ownerId;

    @Id
    @Column(name = "contact_id")
    public String contactId;

    /** The TieStatistics as JSON text. */
    @Formula("cast(statistics as text)")
    public String statisticsJson;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The strongest the tie has been (V9); null for a row written before peaks were recorded. */
    @Column(name = "peak_strength")
    public Double peakStrength;

    @Column(name = "peak_strength_at")
    public Instant peakStrengthAt;
}
