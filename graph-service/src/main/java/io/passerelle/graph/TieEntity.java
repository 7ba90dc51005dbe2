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
 * Read view of a tie row; written only by the projection (ProjectionStore) and the sweep (TieSweepStore).
 * The stored strength and class are those as of {@code scoredAt}, which the sweep keeps within
 * {@code passerelle.graph.sweep.rescore-after} of now.
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

    /** The strength as of {@link #scoredAt}: the listing's order and its filters read it. */
    @Column(name = "strength")
    public double strength;

    @Column(name = "tie_class")
    public String tieClass;

    @Column(name = "geographic_scale")
    public String geographicScale;

    /** The instant the stored strength and class were computed as of (kept fresh by the sweep). */
    @Column(name = "scored_at")
    public Instant scoredAt;

    /** The strongest the tie has been (V9); null for a row written before peaks were recorded. */
    @Column(name = "peak_strength")
    public Double peakStrength;

    @Column(name = "peak_strength_at")
    public Instant peakStrengthAt;
}
