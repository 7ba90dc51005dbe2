package io.passerelle.endtoend;

import io.passerelle.client.advice.model.Objective;
import io.passerelle.client.advice.model.ObjectiveType;
import io.passerelle.client.advice.model.Targets;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Source;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;

/**
 * A reproducible stream of ingestion events for the fault tests: per owner a profile and contacts,
 * then interactions over the last 900 days, about one in fifty delivered twice (the same event id
 * again, which must be counted once).
 */
final class SyntheticStream {
    /** The objective id under which {@link #objective()} is stated for each owner. */
    static final String OBJECTIVE_ID = "software-job";
    /**
     * An objective for advice-service (a job search in the stream's "Software" sector): not an
     * event of the stream, since objectives are written through advice-service's API, but what a
     * test states for each owner so that the stream's ties are turned into recommendations.
     */
    static Objective objective() {
        return new Objective().type(ObjectiveType.JOB_SEARCH).targets(new Targets().sectors(List.of("Software")));
    }

    /** One record to send: topic, key (the owner), CloudEvents id and type, payload. */
    record Event(String topic, String ownerId, String id, String type, Object data) {
    }

    private SyntheticStream() {
    }

    /** {@code total} events over {@code owners} owners named {@code ownerPrefix-<n>}, each with {@code contactsPerOwner} contacts. */
    static List<Event> generate(String ownerPrefix, int owners, int contactsPerOwner, int total, long seed) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>(total);
        Location paris = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
        for (int owner = 0; owner < owners; owner++) {
            String ownerId = ownerId(ownerPrefix, owner);
            events.add(new Event(Topics.OWNERS, ownerId, Identifiers.randomId(), EventTypes.OWNER_PROFILE_UPDATED,
                    new OwnerProfileUpdated(ownerId, new OwnerProfile("Owner " + owner, "Coaching", null, null, List.of(), List.of(),
                            paris, List.of(), "en", false))));
            for (int c = 0; c < contactsPerOwner; c++) {
                Origin origin = Origin.values()[random.nextInt(Origin.values().length)];
                Contact contact = new Contact("Contact " + c, List.of(), null, null, random.nextBoolean() ? "Software" : "Coaching",
                        List.of(), List.of(), paris, origin, List.of(), Source.LINKEDIN, null, random.nextInt(6), List.of(), List.of());
                events.add(new Event(Topics.CONTACTS, ownerId, Identifiers.randomId(), EventTypes.CONTACT_UPSERTED,
                        new ContactUpserted(ownerId, contactId(c), contact)));
            }
        }
        int firstInteraction = events.size();
        int sequence = 0;
        while (events.size() < total) {
            if (sequence > 50 && random.nextInt(50) == 0) {
                events.add(events.get(firstInteraction + random.nextInt(sequence)));
                continue;
            }
            String ownerId = ownerId(ownerPrefix, random.nextInt(owners));
            String interactionId = "i-" + sequence++;
            Interaction interaction = new Interaction(interactionId, contactId(random.nextInt(contactsPerOwner)),
                    now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 900))), Channel.values()[random.nextInt(Channel.values().length)],
                    Direction.values()[random.nextInt(Direction.values().length)], null, Source.EMAIL);
            events.add(new Event(Topics.INTERACTIONS, ownerId, Identifiers.stableId(ownerId, interactionId), EventTypes.INTERACTION_RECORDED,
                    new InteractionRecorded(ownerId, interaction)));
        }
        return events;
    }

    static String ownerId(String ownerPrefix, int owner) {
        return ownerPrefix + "-" + owner;
    }

    static String contactId(int contact) {
        return "contact-" + contact;
    }

    /**
     * Where a fault test kills a consumer: after four fifths of the stream. The test sends the
     * stream up to here, waits until the consumer has applied some of it and kills it, then sends
     * the rest; so the kill falls in the middle of the stream however fast the consumer drains.
     */
    static int killPoint(List<Event> events) {
        return events.size() * 4 / 5;
    }

    /** Sends the events in order and waits for the broker to acknowledge every one. */
    static void send(KafkaFixtures kafka, List<Event> events) throws Exception {
        List<Future<?>> acks = new ArrayList<>(events.size());
        for (Event e : events) {
            acks.add(kafka.sendEvent(e.topic(), e.ownerId(), e.id(), e.type(), e.data()));
        }
        for (Future<?> ack : acks) {
            ack.get();
        }
    }
}
