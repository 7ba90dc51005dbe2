package io.passerelle.graph;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/** Read view of a contact row; written only by the projection (ProjectionStore). */
@Entity
@Immutable
@IdClass(TieId.class)
@Table(name = "contacts")
public class ContactEntity {
    @Id
    @Column(name = "owner_id")
    public String ownerId;

    @Id
    @Column(name = "contact_id")
    public String contactId;

    /** The Contact as JSON text. */
    @Formula("cast(contact as text)")
    public String contactJson;
}
