package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import java.time.Instant;
import java.util.List;

/** Builds ranking inputs for tests: a tie with only the attributes a test cares about. */
final class Ties {
    private String contactId = "c-1";
    private String name = "Camille Martin";
    private double strength = 0.35;
    private TieClass tieClass = TieClass.WEAK;
    private TieClass previous;
    private Origin origin = Origin.EVENT;
    private GeographicScale scale = GeographicScale.CITY;
    private int mutuals = 0;
    private String sector;
    private String company;
    private String role;
    private List<String> pastCompanies = List.of();
    private List<String> tags = List.of();
    private Location location;
    private double intensity = 0.3;
    private Double peak;
    private Integer reciprocatedDaysAgo = 30;
    private List<String> mutualIds;
    private List<io.passerelle.contracts.model.RelationContext> contexts = List.of();
    private io.passerelle.contracts.model.Source source;

    static Ties tie(String contactId) {
        Ties t = new Ties();
        t.contactId = contactId;
        return t;
    }

    Ties name(String value) { name = value; return this; }
    Ties strength(double value) { strength = value; return this; }
    Ties tieClass(TieClass value) { tieClass = value; return this; }
    Ties previous(TieClass value) { previous = value; return this; }
    Ties origin(Origin value) { origin = value; return this; }
    Ties scale(GeographicScale value) { scale = value; return this; }
    Ties mutuals(int value) { mutuals = value; return this; }
    Ties sector(String value) { sector = value; return this; }
    Ties company(String value) { company = value; return this; }
    Ties role(String value) { role = value; return this; }
    Ties pastCompanies(String... values) { pastCompanies = List.of(values); return this; }
    Ties tags(String... values) { tags = List.of(values); return this; }
    Ties location(String city, String region, String country) { location = new Location(city, null, null, region, country, null, null); return this; }

    /** The interaction intensity dimension (0.3 unless set). */
    Ties intensity(double value) { intensity = value; return this; }
    /** The peak strength (the current strength unless set). */
    Ties peak(double value) { peak = value; return this; }
    /** Days since the last two-way exchange; null for none ever (30 days unless set). */
    Ties reciprocatedDaysAgo(Integer days) { reciprocatedDaysAgo = days; return this; }
    /** Never a two-way exchange. */
    Ties unreciprocated() { reciprocatedDaysAgo = null; return this; }
    /** The contacts this person knows among the owner's (sets the mutual-contact count too). */
    Ties knows(String... contactIds) { mutualIds = List.of(contactIds); mutuals = contactIds.length; return this; }
    Ties contexts(io.passerelle.contracts.model.RelationContext... values) { contexts = List.of(values); return this; }
    Ties source(io.passerelle.contracts.model.Source value) { source = value; return this; }

    /** The tie as graph-service publishes it when an interaction arrives before its contact: no contact's details yet. */
    RankableTie buildWithoutContact() {
        RankableTie built = build();
        return new RankableTie(built.tie(), null, built.previousTieClass());
    }

    RankableTie build() {
        Instant now = Instant.parse("2026-03-04T10:00:00Z");
        Instant reciprocated = reciprocatedDaysAgo == null ? null : now.minusSeconds(86_400L * reciprocatedDaysAgo);
        Tie tie = new Tie(contactId, name, strength, tieClass, new TieDimensions(intensity, 0.3, 0.3, 0.3, 0.3, 0.3, 0.5, 0.2),
                scale, origin, 3, now.minusSeconds(86_400 * 400L), now.minusSeconds(86_400 * 30L), mutuals,
                peak == null ? strength : peak, now.minusSeconds(86_400 * 30L), reciprocated, List.of(), now);
        // Mutual contacts known only as a number are written as anonymous ids, so that the count stays readable.
        List<String> ids = mutualIds != null ? mutualIds
                : mutuals > 0 ? java.util.stream.IntStream.range(0, mutuals).mapToObj(i -> "m-" + contactId + "-" + i).toList() : null;
        Contact contact = new Contact(name, List.of(), company, role, sector, pastCompanies, List.of(), location, origin,
                contexts, source, null, null, ids, tags);
        return new RankableTie(tie, contact, previous);
    }
}
