package io.passerelle.graph;

import java.io.Serializable;
import java.util.Objects;

/** Composite key of ties and contacts: one contact of one owner. */
public class TieId implements Serializable {
    public String ownerId;
    public String contactId;

    public TieId() {
    }

    public TieId(String ownerId, String contactId) {
        this.ownerId = ownerId;
        this.contactId = contactId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TieId id && Objects.equals(ownerId, id.ownerId) && Objects.equals(contactId, id.contactId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ownerId, contactId);
    }
}
