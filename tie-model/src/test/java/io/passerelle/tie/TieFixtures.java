package io.passerelle.tie;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builders of interactions, contacts and owners for the model's tests. */
final class TieFixtures {
    static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    static final Location PARIS = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);

    private TieFixtures() {
    }

    static Interaction interaction(Channel channel, Direction direction, Instant at) {
        return new Interaction(null, "c1", at, channel, direction, null, null);
    }

    static Interaction interaction(Channel channel, Direction direction, Instant at, Integer minutes) {
        return new Interaction(null, "c1", at, channel, direction, minutes, null);
    }

    static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    static TieStatistics fold(TieParameters parameters, List<Interaction> interactions) {
        TieStatistics statistics = TieStatistics.empty();
        for (Interaction interaction : interactions) {
            statistics = statistics.plus(interaction, parameters);
        }
        return statistics;
    }

    static TieStatistics fold(List<Interaction> interactions) {
        return fold(TieParameters.defaults(), interactions);
    }

    static Contact contact(Origin origin, Integer closeness, List<String> mutual) {
        return new Contact("Camille Martin", null, "Acme", "CTO", "software", null, List.of("HEC"), PARIS, origin, null,
                null, null, closeness, mutual, null);
    }

    static Contact lookingLike(String sector, String city, List<String> schools) {
        Location location = city == null ? null : new Location(city, null, null, null, "FR", null, null);
        return new Contact("Camille Martin", null, null, null, sector, null, schools, location, null, null, null, null,
                null, null, null);
    }

    static Contact connectedOn(LocalDate date) {
        return new Contact("Camille Martin", null, null, null, null, null, null, null, null, null, null, date, null, null, null);
    }

    /** A contact known only by how it was met, how close it is declared and when it connected (each may be null). */
    static Contact known(Origin origin, Integer closeness, LocalDate connectedOn) {
        return new Contact("Camille Martin", null, null, null, null, null, null, PARIS, origin, null, null, connectedOn, closeness,
                null, null);
    }

    /** A contact without an origin of its own, with its employers, schools and source. */
    static Contact withoutOrigin(String company, List<String> pastCompanies, List<String> schools, Source source) {
        return new Contact("Camille Martin", null, company, null, null, pastCompanies, schools, PARIS, null, null, source, null, null,
                null, null);
    }

    /** An owner with these employers and schools. */
    static OwnerProfile ownerAt(String company, List<String> pastCompanies, List<String> schools) {
        return new OwnerProfile("Alex Durand", "software", "coach", company, pastCompanies, schools, PARIS, null, "fr", null);
    }

    /** The same owner with another profile language. */
    static OwnerProfile speaking(String language, OwnerProfile owner) {
        return new OwnerProfile(owner.displayName(), owner.sector(), owner.role(), owner.company(), owner.pastCompanies(), owner.schools(),
                owner.location(), owner.topics(), language, owner.allowStrongTiesForCommitting(), owner.pitch());
    }

    /** "March 2022", as the explanations write a month in English. */
    static String monthOf(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC)
                .format(instant);
    }

    /** "3 March 2026", as the explanations write a day in English. */
    static String dayOf(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC)
                .format(instant);
    }

    static LocalDate dateDaysAgo(long days) {
        return LocalDate.ofInstant(daysAgo(days), java.time.ZoneOffset.UTC);
    }

    static OwnerProfile owner(String sector, String city, List<String> schools) {
        Location location = city == null ? null : new Location(city, null, null, null, "FR", null, null);
        return new OwnerProfile("Alex Durand", sector, "coach", "Self", null, schools, location, null, "fr", null);
    }

    static OwnerProfile owner() {
        return new OwnerProfile("Alex Durand", "software", "coach", "Self", null, List.of("HEC"), PARIS, null, "fr", null);
    }

    static List<String> mutualContacts(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("m" + i);
        }
        return ids;
    }

    /** A random interaction at most {@code spanDays} before NOW. */
    static Interaction randomInteraction(Random random, int spanDays) {
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        Direction[] directions = {Direction.INBOUND, Direction.OUTBOUND, Direction.MUTUAL, null};
        Direction direction = directions[random.nextInt(directions.length)];
        Instant at = NOW.minus(Duration.ofMinutes(random.nextInt(spanDays * 24 * 60 + 1)));
        Integer minutes = random.nextBoolean() ? null : random.nextInt(600);
        return new Interaction(null, "c1", at, channel, direction, minutes, null);
    }

    static Contact randomContact(Random random) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        Origin origin = random.nextInt(6) == 0 ? null : Origin.values()[random.nextInt(Origin.values().length)];
        Integer closeness = random.nextBoolean() ? null : random.nextInt(6);
        List<String> mutual = mutualContacts(random.nextInt(40));
        String[] sectors = {"software", "finance", null};
        String[] cities = {"Paris", "Lyon", null};
        Location location = new Location(cities[random.nextInt(3)], null, null, null, "FR", null, null);
        LocalDate connected = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> LocalDate.of(2010 + random.nextInt(15), 1 + random.nextInt(12), 1);
            default -> dateDaysAgo(random.nextInt(5 * 365));
        };
        String[] companies = {"Acme", "Self", null};
        Source[] sources = {Source.LINKEDIN, Source.MANUAL, null};
        return new Contact("Someone", null, companies[random.nextInt(3)], null, sectors[random.nextInt(3)], null,
                random.nextBoolean() ? List.of("HEC") : List.of("INSA"), location, origin, null, sources[random.nextInt(3)], connected,
                closeness, mutual, null);
    }
}
