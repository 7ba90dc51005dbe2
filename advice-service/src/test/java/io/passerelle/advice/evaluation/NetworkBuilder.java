package io.passerelle.advice.evaluation;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an owner's network the way a person would tell it: who each contact is, and what the
 * owner and they exchanged, in days before {@code now}. Mutual acquaintance is declared once and
 * recorded on both contacts, as an import from a platform would.
 */
final class NetworkBuilder {
    static final int YEAR = 365;

    private final String ownerId;
    private final Instant now;
    private OwnerProfile owner;
    private final Map<String, Person> people = new LinkedHashMap<>();

    NetworkBuilder(String ownerId, Instant now) {
        this.ownerId = ownerId;
        this.now = now;
    }

    NetworkBuilder owner(OwnerProfile profile) {
        this.owner = profile;
        return this;
    }

    Instant now() {
        return now;
    }

    boolean has(String contactId) {
        return people.containsKey(contactId);
    }

    boolean hasName(String displayName) {
        return people.values().stream().anyMatch(p -> p.name.equals(displayName));
    }

    Set<String> ids() {
        return people.keySet();
    }

    /** A new contact; each id is declared once. */
    Person person(String contactId, String displayName) {
        if (people.containsKey(contactId)) {
            throw new IllegalArgumentException("contact declared twice: " + contactId);
        }
        Person person = new Person(contactId, displayName);
        people.put(contactId, person);
        return person;
    }

    /** {@code a} and each of {@code others} know each other. */
    NetworkBuilder knows(String a, String... others) {
        for (String other : others) {
            require(a).mutuals.add(other);
            require(other).mutuals.add(a);
        }
        return this;
    }

    private Person require(String contactId) {
        Person person = people.get(contactId);
        if (person == null) {
            throw new IllegalArgumentException("unknown contact " + contactId);
        }
        return person;
    }

    Network build() {
        if (owner == null) {
            throw new IllegalStateException("owner profile missing");
        }
        Map<String, Contact> contacts = new LinkedHashMap<>();
        List<Interaction> interactions = new ArrayList<>();
        for (Person person : people.values()) {
            for (String mutual : person.mutuals) {
                require(mutual);
            }
            contacts.put(person.id, person.contact());
            interactions.addAll(person.interactions);
        }
        return new Network(ownerId, owner, now, contacts, interactions);
    }

    /** One contact and the owner's exchanges with them. */
    final class Person {
        private final String id;
        private final String name;
        private String role;
        private String company;
        private String sector;
        private List<String> pastCompanies = List.of();
        private List<String> schools = List.of();
        private Location location;
        private Origin origin = Origin.OTHER;
        private List<RelationContext> contexts = List.of(RelationContext.NETWORK);
        private Source source = Source.LINKEDIN;
        private LocalDate connectedOn;
        private Integer closeness;
        private final Set<String> mutuals = new LinkedHashSet<>();
        private List<String> tags = List.of();
        private final List<Interaction> interactions = new ArrayList<>();

        private Person(String id, String name) {
            this.id = id;
            this.name = name;
        }

        String id() {
            return id;
        }

        Person origin(Origin value) {
            origin = value;
            return this;
        }

        Person works(String roleValue, String companyValue, String sectorValue) {
            role = roleValue;
            company = companyValue;
            sector = sectorValue;
            return this;
        }

        Person past(String... companies) {
            pastCompanies = List.of(companies);
            return this;
        }

        Person schools(String... values) {
            schools = List.of(values);
            return this;
        }

        Person at(Location value) {
            location = value;
            return this;
        }

        Person contexts(RelationContext... values) {
            contexts = List.of(values);
            return this;
        }

        Person source(Source value) {
            source = value;
            return this;
        }

        Person connectedDaysAgo(int days) {
            connectedOn = LocalDate.ofInstant(daysAgo(days), ZoneOffset.UTC);
            return this;
        }

        Person closeness(int value) {
            closeness = value;
            return this;
        }

        Person tags(String... values) {
            tags = List.of(values);
            return this;
        }

        Person knows(String... others) {
            NetworkBuilder.this.knows(id, others);
            return this;
        }

        Person meeting(int daysAgo) {
            return add(daysAgo, Channel.MEETING, Direction.MUTUAL, 60);
        }

        Person event(int daysAgo) {
            return add(daysAgo, Channel.EVENT, Direction.MUTUAL, 90);
        }

        Person call(int daysAgo, Direction direction) {
            return add(daysAgo, Channel.CALL, direction, 20);
        }

        Person videoCall(int daysAgo) {
            return add(daysAgo, Channel.VIDEO_CALL, Direction.MUTUAL, 45);
        }

        Person message(int daysAgo, Direction direction) {
            return add(daysAgo, Channel.PRIVATE_MESSAGE, direction, null);
        }

        Person email(int daysAgo, Direction direction) {
            return add(daysAgo, Channel.EMAIL, direction, null);
        }

        Person comment(int daysAgo, Direction direction) {
            return add(daysAgo, Channel.PUBLIC_COMMENT, direction, null);
        }

        /** The contact reacted to one of the owner's posts (a like). */
        Person reaction(int daysAgo) {
            return add(daysAgo, Channel.REACTION, Direction.INBOUND, null);
        }

        Person endorsement(int daysAgo, Direction direction) {
            return add(daysAgo, Channel.ENDORSEMENT, direction, null);
        }

        /** A two-way written exchange: the owner writes, the contact answers a day later (or the reverse). */
        Person exchange(Channel channel, int daysAgo, Direction first) {
            Direction second = first == Direction.OUTBOUND ? Direction.INBOUND : Direction.OUTBOUND;
            add(daysAgo, channel, first, null);
            return add(Math.max(daysAgo - 1, 0), channel, second, null);
        }

        /**
         * Regular contact on one channel every {@code stepDays}, from {@code fromDaysAgo} to
         * {@code toDaysAgo}: meetings and events are mutual, other channels alternate who writes.
         */
        Person every(Channel channel, int stepDays, int fromDaysAgo, int toDaysAgo) {
            boolean outbound = true;
            for (int day = fromDaysAgo; day >= toDaysAgo; day -= stepDays) {
                Direction direction = channel == Channel.MEETING || channel == Channel.EVENT
                        ? Direction.MUTUAL
                        : outbound ? Direction.OUTBOUND : Direction.INBOUND;
                outbound = !outbound;
                Integer minutes = switch (channel) {
                    case MEETING -> 60;
                    case CALL -> 20;
                    case VIDEO_CALL -> 40;
                    case EVENT -> 90;
                    default -> null;
                };
                add(day, channel, direction, minutes);
            }
            return this;
        }

        /** Years side by side at work: a working meeting every week and messages in between. */
        Person workedTogether(int fromDaysAgo, int toDaysAgo) {
            every(Channel.MEETING, 7, fromDaysAgo, toDaysAgo);
            return every(Channel.PRIVATE_MESSAGE, 10, fromDaysAgo - 3, toDaysAgo);
        }

        private Person add(int daysAgo, Channel channel, Direction direction, Integer minutes) {
            if (daysAgo < 0) {
                throw new IllegalArgumentException("an interaction cannot be in the future");
            }
            Instant at = daysAgo(daysAgo);
            String interactionId = ownerId + "." + id + "." + (interactions.size() + 1);
            interactions.add(new Interaction(interactionId, id, at, channel, direction, minutes, source));
            return this;
        }

        private Instant daysAgo(int days) {
            return now.minus(Duration.ofDays(days)).minus(Duration.ofHours(days == 0 ? 1 : 0));
        }

        private Contact contact() {
            List<String> emails = List.of();
            return new Contact(name, emails, company, role, sector, pastCompanies, schools, location, origin, contexts,
                    source, connectedOn, closeness, List.copyOf(mutuals), tags);
        }
    }
}
