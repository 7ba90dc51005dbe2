package io.passerelle.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactErased;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.OwnerProfile;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestionEventsTest {
    private static final Instant AT = Instant.parse("2026-03-04T10:00:00Z");

    private final Iterator<String> ids = List.of("id-1", "id-2", "id-3").iterator();
    private final IngestionEvents events = new IngestionEvents(ids::next);

    @Test
    void profileUpdateGoesToTheOwnersTopicKeyedByOwner() {
        OwnerProfile profile = new OwnerProfile("Ada", "software", null, null, null, null, null, null, "en", null);

        PendingEvent<OwnerProfileUpdated> event = events.profileUpdated("owner-1", profile);

        assertThat(event.topic()).isEqualTo(Topics.OWNERS);
        assertThat(event.type()).isEqualTo(EventTypes.OWNER_PROFILE_UPDATED);
        assertThat(event.key()).isEqualTo("owner-1");
        assertThat(event.subject()).isEqualTo("owner-1");
        assertThat(event.id()).isEqualTo("id-1");
        assertThat(event.data()).isEqualTo(new OwnerProfileUpdated("owner-1", profile));
    }

    @Test
    void erasuresFollowTheOwnersEarlierEventsOnTheirTopicsWithFreshIds() {
        PendingEvent<ContactErased> contact = events.contactErased("owner-1", "c-7");
        PendingEvent<OwnerErased> owner = events.ownerErased("owner-1");

        assertThat(contact.topic()).isEqualTo(Topics.CONTACTS);
        assertThat(contact.type()).isEqualTo(EventTypes.CONTACT_ERASED);
        assertThat(contact.key()).isEqualTo("owner-1");
        assertThat(contact.subject()).isEqualTo("c-7");
        assertThat(contact.data()).isEqualTo(new ContactErased("owner-1", "c-7"));
        assertThat(owner.topic()).isEqualTo(Topics.OWNERS);
        assertThat(owner.type()).isEqualTo(EventTypes.OWNER_ERASED);
        assertThat(owner.key()).isEqualTo("owner-1");
        assertThat(owner.data()).isEqualTo(new OwnerErased("owner-1"));
        assertThat(List.of(contact.id(), owner.id())).containsExactly("id-1", "id-2");
    }

    @Test
    void contactUpsertGoesToTheContactsTopicKeyedByOwnerAboutTheContact() {
        Contact contact = contact("Grace");

        PendingEvent<ContactUpserted> event = events.contactUpserted("owner-1", "c-7", contact);

        assertThat(event.topic()).isEqualTo(Topics.CONTACTS);
        assertThat(event.type()).isEqualTo(EventTypes.CONTACT_UPSERTED);
        assertThat(event.key()).isEqualTo("owner-1");
        assertThat(event.subject()).isEqualTo("c-7");
        assertThat(event.data()).isEqualTo(new ContactUpserted("owner-1", "c-7", contact));
    }

    @Test
    void everyUpsertGetsAFreshIdSoThatARepeatedStateIsNotMistakenForADuplicate() {
        Contact contact = contact("Grace");

        String first = events.contactUpserted("owner-1", "c-7", contact).id();
        String second = events.contactUpserted("owner-1", "c-7", contact).id();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anImportedContactKeepsItsEventIdWhileItsContentIsUnchanged() {
        PendingEvent<ContactUpserted> first = events.importedContactUpserted("owner-1", "c-7", contact("Grace"));
        PendingEvent<ContactUpserted> again = events.importedContactUpserted("owner-1", "c-7", contact("Grace"));
        PendingEvent<ContactUpserted> changed = events.importedContactUpserted("owner-1", "c-7", contact("Grace Hopper"));

        assertThat(first.id()).isEqualTo(again.id());
        assertThat(changed.id()).isNotEqualTo(first.id());
        assertThat(events.importedContactUpserted("owner-2", "c-7", contact("Grace")).id()).isNotEqualTo(first.id());
        assertThat(first.topic()).isEqualTo(Topics.CONTACTS);
        assertThat(first.subject()).isEqualTo("c-7");
        assertThat(first.data()).isEqualTo(new ContactUpserted("owner-1", "c-7", contact("Grace")));
    }

    @Test
    void interactionEventIdIsDerivedFromOwnerAndInteractionId() {
        Interaction interaction = interaction("i-42");

        PendingEvent<InteractionRecorded> first = events.interactionRecorded("owner-1", interaction);
        PendingEvent<InteractionRecorded> retry = events.interactionRecorded("owner-1", interaction);

        assertThat(first.id()).isEqualTo(retry.id()).isEqualTo(Identifiers.stableId("owner-1", "i-42"));
        assertThat(first.topic()).isEqualTo(Topics.INTERACTIONS);
        assertThat(first.type()).isEqualTo(EventTypes.INTERACTION_RECORDED);
        assertThat(first.key()).isEqualTo("owner-1");
        assertThat(first.subject()).isEqualTo("c-7");
        assertThat(first.data()).isEqualTo(new InteractionRecorded("owner-1", interaction));
    }

    @Test
    void theSameInteractionIdOfAnotherOwnerIsAnotherEvent() {
        Interaction interaction = interaction("i-42");

        assertThat(events.interactionRecorded("owner-1", interaction).id())
                .isNotEqualTo(events.interactionRecorded("owner-2", interaction).id());
    }

    @Test
    void anInteractionWithoutIdIsGivenOneAndTheEventCarriesIt() {
        PendingEvent<InteractionRecorded> event = events.interactionRecorded("owner-1", interaction(null));

        assertThat(event.data().interaction().interactionId()).isEqualTo("id-1");
        assertThat(event.data().interaction()).isEqualTo(interaction("id-1"));
        assertThat(event.id()).isEqualTo(Identifiers.stableId("owner-1", "id-1"));
    }

    private static Contact contact(String name) {
        return new Contact(name, List.of("grace@example.org"), "Navy", null, null, null, null, null, null, null, null,
                null, 3, null, null);
    }

    private static Interaction interaction(String id) {
        return new Interaction(id, "c-7", AT, Channel.CALL, Direction.OUTBOUND, 20, null);
    }
}
