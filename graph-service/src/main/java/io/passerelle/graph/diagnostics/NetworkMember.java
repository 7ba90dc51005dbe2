package io.passerelle.graph.diagnostics;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;

/** One contact of the owner as the diagnostics see it: its data (null until it arrived), its tie class and scale now. */
public record NetworkMember(String contactId, Contact contact, TieClass tieClass, GeographicScale geographicScale) {
}
