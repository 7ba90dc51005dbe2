package io.passerelle.graph.diagnostics;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.TieClass;
import java.util.List;

/**
 * One contact of the owner as the diagnostics see it: its tie class and scale now, and the contact
 * attributes the indices read, raw (not normalised); every attribute is null (or empty) when unknown,
 * including all of them until the contact itself arrived. Only these attributes: a whole network is
 * read from compact columns, not from contact documents.
 */
public record NetworkMember(
        String contactId,
        TieClass tieClass,
        GeographicScale geographicScale,
        Origin origin,
        Source source,
        List<RelationContext> relationContexts,
        String sector,
        String city,
        List<String> schools,
        String company,
        List<String> pastCompanies,
        List<String> mutualContactIds) {

    /** The member for a contact document (null until the contact arrived). */
    public NetworkMember(String contactId, Contact contact, TieClass tieClass, GeographicScale geographicScale) {
        this(contactId, tieClass, geographicScale,
                contact == null ? null : contact.origin(),
                contact == null ? null : contact.source(),
                contact == null ? null : contact.relationContexts(),
                contact == null ? null : contact.sector(),
                contact == null ? null : city(contact.location()),
                contact == null ? null : contact.schools(),
                contact == null ? null : contact.company(),
                contact == null ? null : contact.pastCompanies(),
                contact == null ? null : contact.mutualContactIds());
    }

    private static String city(Location location) {
        return location == null ? null : location.city();
    }
}
