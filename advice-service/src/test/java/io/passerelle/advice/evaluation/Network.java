package io.passerelle.advice.evaluation;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.OwnerProfile;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One owner's network as the platform would hold it: the owner's profile, every contact and every
 * logged interaction, all dated before {@link #now()}.
 */
final class Network {
    private final String ownerId;
    private final OwnerProfile owner;
    private final Instant now;
    private final Map<String, Contact> contacts;
    private final List<Interaction> interactions;
    private final Map<String, List<Interaction>> interactionsByContact;

    Network(String ownerId, OwnerProfile owner, Instant now, Map<String, Contact> contacts, List<Interaction> interactions) {
        this.ownerId = Objects.requireNonNull(ownerId);
        this.owner = Objects.requireNonNull(owner);
        this.now = Objects.requireNonNull(now);
        this.contacts = Collections.unmodifiableMap(new LinkedHashMap<>(contacts));
        this.interactions = List.copyOf(interactions);
        this.interactionsByContact = this.interactions.stream()
                .collect(Collectors.groupingBy(Interaction::contactId, LinkedHashMap::new, Collectors.toUnmodifiableList()));
    }

    String ownerId() {
        return ownerId;
    }

    OwnerProfile owner() {
        return owner;
    }

    Instant now() {
        return now;
    }

    /** Contacts by id, in the order the fixture declares them. */
    Map<String, Contact> contacts() {
        return contacts;
    }

    Contact contact(String contactId) {
        return contacts.get(contactId);
    }

    boolean has(String contactId) {
        return contacts.containsKey(contactId);
    }

    String nameOf(String contactId) {
        Contact contact = contacts.get(contactId);
        return contact == null ? contactId : contact.displayName();
    }

    List<Interaction> interactions() {
        return interactions;
    }

    List<Interaction> interactionsOf(String contactId) {
        return interactionsByContact.getOrDefault(contactId, List.of());
    }

    /** Whether one of the two lists the other among its mutual contacts. */
    boolean knowEachOther(String a, String b) {
        return lists(a, b) || lists(b, a);
    }

    private boolean lists(String who, String whom) {
        Contact contact = contacts.get(who);
        return contact != null && contact.mutualContactIds() != null && contact.mutualContactIds().contains(whom);
    }
}
