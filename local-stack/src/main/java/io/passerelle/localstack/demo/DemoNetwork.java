package io.passerelle.localstack.demo;

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic, realistic network for an owner modelled on the source document's author: a
 * Paris-based coach of entrepreneurs whose network is mostly former colleagues and school mates of
 * his own sector and city (the "comfortable circle of alter egos"), a few family members and close
 * friends, some dormant ties, and a handful of weak ties in other sectors, regions and countries.
 *
 * <p>The same seed and reference instant always give the same network, so the run command, the
 * tests and the benchmarks see the same people; interactions lie in the months before {@code asOf}.
 */
public final class DemoNetwork {
    public static final String OWNER_ID = "demo-coach";

    private static final Location PARIS_11 = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", 48.8590, 2.3800);

    private final Instant asOf;
    private final Random random;
    private final Map<String, Contact> contacts = new LinkedHashMap<>();
    private final List<Interaction> interactions = new ArrayList<>();
    private int interactionSequence;

    private DemoNetwork(Instant asOf, long seed) {
        this.asOf = asOf;
        this.random = new Random(seed);
        build();
    }

    /** The demo network as of an instant (interactions never lie after it). */
    public static DemoNetwork asOf(Instant asOf) {
        return new DemoNetwork(asOf, 2013_07_15L);
    }

    public String ownerId() {
        return OWNER_ID;
    }

    public OwnerProfile owner() {
        return new OwnerProfile("Bernard Lefèvre", "Coaching", "Coach for entrepreneurs", "Atelier Passerelle",
                List.of("Viadeo", "Crédit Lyonnais", "Capgemini"), List.of("ESCP", "Université Paris-Dauphine"),
                PARIS_11, List.of("entrepreneurship", "digital networking", "job search", "career transition"), "fr", false,
                "Coach d'entrepreneurs à Paris depuis 2009, j'aide les créateurs et les personnes en transition à tirer parti de leur réseau.");
    }

    /** Contacts by contactId, in a stable order. */
    public Map<String, Contact> contacts() {
        return Collections.unmodifiableMap(contacts);
    }

    public List<Interaction> interactions() {
        return Collections.unmodifiableList(interactions);
    }

    private void build() {
        // The circle the source describes: former colleagues and school mates, same sector, same city.
        List<String> formerColleagues = group("fc", 58, Origin.FORMER_COLLEAGUE,
                () -> pick("Deloitte", "Mazars", "Malt", "Independent", "Bpifrance", "Pôle emploi"),
                () -> pick("Coaching", "Consulting", "Human resources", "Coaching"), this::parisArea, Source.LINKEDIN,
                List.of(RelationContext.NETWORK));
        List<String> schoolMates = group("sm", 38, Origin.SCHOOL, () -> pick("Capgemini", "Accenture", "BNP Paribas", "L'Oréal"),
                () -> pick("Consulting", "Coaching", "Banking"), this::parisArea, Source.LINKEDIN, List.of(RelationContext.NETWORK));
        List<String> colleagues = group("co", 10, Origin.COLLEAGUE, () -> "Atelier Passerelle", () -> "Coaching", this::parisArea,
                Source.EMAIL, List.of(RelationContext.INTRA_COMPANY));
        List<String> clients = group("cl", 12, Origin.CLIENT, () -> pick("Start-up Studio 11", "La Ruche", "Numa", "Bakery Lab"),
                () -> pick("Entrepreneurship", "Retail", "Food"), this::parisArea, Source.EMAIL, List.of(RelationContext.CUSTOMER));
        List<String> family = group("fa", 6, Origin.FAMILY, () -> null, () -> pick("Education", "Healthcare", "Retired"),
                () -> pick(PARIS_11, city("Rouen", "76000", "Seine-Maritime", "Normandie", "FR")), Source.PHONE, List.of());
        List<String> friends = group("fr", 6, Origin.FRIEND, () -> pick("Orange", "SNCF", "Le Monde"),
                () -> pick("Telecommunications", "Media", "Transport"), this::parisArea, Source.FACEBOOK, List.of());
        List<String> neighbours = group("ne", 5, Origin.NEIGHBOUR, () -> null, () -> pick("Retail", "Education"),
                () -> PARIS_11, Source.MANUAL, List.of());
        // A handful of weak ties beyond the circle: other sectors, regions, countries.
        List<String> farWeakTies = new ArrayList<>();
        farWeakTies.add(contact("wk-lyon-fintech", "Camille Roux", "Lydia", "Head of partnerships", "Fintech",
                city("Lyon", "69002", "Rhône", "Auvergne-Rhône-Alpes", "FR"), Origin.EVENT, Source.LINKEDIN, List.of(RelationContext.NETWORK), List.of("fintech", "partnerships")));
        farWeakTies.add(contact("wk-bordeaux-legal", "Julien Morel", "Morel Avocats", "Business lawyer", "Legal services",
                city("Bordeaux", "33000", "Gironde", "Nouvelle-Aquitaine", "FR"), Origin.INTRODUCED, Source.EMAIL, List.of(RelationContext.NETWORK), List.of("legal", "company law")));
        farWeakTies.add(contact("wk-lille-retail", "Sophie Lambert", "Decathlon", "Regional director", "Retail",
                city("Lille", "59000", "Nord", "Hauts-de-France", "FR"), Origin.ONLINE, Source.LINKEDIN, List.of(RelationContext.NETWORK), List.of("retail")));
        farWeakTies.add(contact("wk-nantes-vc", "Hugo Garnier", "Go Capital", "Investment manager", "Venture capital",
                city("Nantes", "44000", "Loire-Atlantique", "Pays de la Loire", "FR"), Origin.EVENT, Source.LINKEDIN, List.of(RelationContext.NETWORK), List.of("investor", "seed funding")));
        farWeakTies.add(contact("wk-brussels-eu", "Lotte Peeters", "European Commission", "Policy officer", "Public sector",
                city("Brussels", "1000", "Brussels-Capital", "Brussels", "BE"), Origin.ONLINE, Source.TWITTER, List.of(RelationContext.NETWORK), List.of("policy", "SME support")));
        farWeakTies.add(contact("wk-berlin-software", "Jonas Weber", "N26", "Engineering manager", "Software",
                city("Berlin", "10115", "Berlin", "Berlin", "DE"), Origin.EVENT, Source.LINKEDIN, List.of(RelationContext.NETWORK), List.of("software", "digital")));
        farWeakTies.add(contact("wk-london-media", "Olivia Bennett", "The Guardian", "Journalist", "Media",
                city("London", "EC1A", "Greater London", "England", "GB"), Origin.ONLINE, Source.TWITTER, List.of(RelationContext.NETWORK), List.of("e-reputation", "media")));
        farWeakTies.add(contact("wk-montreal-hr", "Émilie Tremblay", "Shopify", "Talent acquisition lead", "Software",
                city("Montréal", "H2X", "Montréal", "Québec", "CA"), Origin.ONLINE, Source.LINKEDIN, List.of(RelationContext.NETWORK), List.of("recruiting", "digital")));
        farWeakTies.add(contact("wk-paris-vc", "Thomas Nguyen", "Partech", "Partner", "Venture capital",
                city("Paris", "75008", "Paris", "Île-de-France", "FR"), Origin.INTRODUCED, Source.EMAIL, List.of(RelationContext.NETWORK), List.of("investor", "mentor")));
        farWeakTies.add(contact("wk-marseille-accounting", "Nadia Benali", "Cabinet Benali", "Chartered accountant", "Accounting",
                city("Marseille", "13001", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", "FR"), Origin.EVENT, Source.LINKEDIN, List.of(RelationContext.NETWORK), List.of("finance", "accounting")));
        farWeakTies.add(contact("wk-toulouse-aero", "Pierre Fabre", "Airbus", "Procurement manager", "Aerospace",
                city("Toulouse", "31000", "Haute-Garonne", "Occitanie", "FR"), Origin.ONLINE, Source.LINKEDIN, List.of(RelationContext.NETWORK), List.of("supplier", "procurement")));
        farWeakTies.add(contact("wk-barcelona-startup", "Marta Puig", "Glovo", "Founder in residence", "Software",
                city("Barcelona", "08001", "Barcelona", "Catalonia", "ES"), Origin.EVENT, Source.LINKEDIN, List.of(RelationContext.NETWORK), List.of("co-founder", "startups")));
        farWeakTies.add(contact("wk-paris-hr-tech", "Inès Dubois", "Welcome to the Jungle", "Head of employer brand", "Digital media",
                city("Paris", "75002", "Paris", "Île-de-France", "FR"), Origin.ONLINE, Source.LINKEDIN, List.of(RelationContext.NETWORK), List.of("job search", "employer brand", "digital")));

        // Clusters know each other: former colleagues and school mates form dense, redundant groups.
        linkWithin(formerColleagues, 6);
        linkWithin(schoolMates, 5);
        linkWithin(colleagues, 4);
        linkWithin(family, 4);

        // Interactions: the circle is where time goes.
        for (String id : family) {
            series(id, 6 + random.nextInt(6), 180, Channel.MEETING, Channel.CALL, Channel.PRIVATE_MESSAGE);
        }
        for (String id : friends) {
            series(id, 5 + random.nextInt(5), 180, Channel.MEETING, Channel.PRIVATE_MESSAGE, Channel.CALL);
        }
        for (String id : colleagues) {
            series(id, 8 + random.nextInt(8), 150, Channel.MEETING, Channel.EMAIL, Channel.VIDEO_CALL);
        }
        for (int i = 0; i < formerColleagues.size(); i++) {
            String id = formerColleagues.get(i);
            if (i < 8) {
                // Formerly close colleagues, out of touch for years: dormant ties worth reactivating.
                oldSeries(id, 10 + random.nextInt(10), 5 * 365, 3 * 365 + 60, Channel.MEETING, Channel.CALL, Channel.EMAIL);
            } else if (i < 30) {
                series(id, 3 + random.nextInt(6), 200, Channel.PRIVATE_MESSAGE, Channel.MEETING, Channel.REACTION, Channel.CALL);
            } else {
                series(id, 1 + random.nextInt(3), 240, Channel.REACTION, Channel.PUBLIC_COMMENT, Channel.PRIVATE_MESSAGE);
            }
        }
        for (int i = 0; i < schoolMates.size(); i++) {
            String id = schoolMates.get(i);
            if (i < 4) {
                oldSeries(id, 6 + random.nextInt(6), 6 * 365, 4 * 365, Channel.MEETING, Channel.PRIVATE_MESSAGE);
            } else if (i < 22) {
                series(id, 2 + random.nextInt(5), 200, Channel.REACTION, Channel.PRIVATE_MESSAGE, Channel.MEETING);
            }
            // the others: connected, never an exchange (nascent)
        }
        for (String id : clients) {
            series(id, 2 + random.nextInt(5), 200, Channel.MEETING, Channel.EMAIL, Channel.VIDEO_CALL);
        }
        for (String id : neighbours) {
            series(id, 1 + random.nextInt(2), 200, Channel.MEETING);
        }
        for (int i = 0; i < farWeakTies.size(); i++) {
            String id = farWeakTies.get(i);
            if (i % 4 != 3) {
                series(id, 1 + random.nextInt(2), 240, Channel.PUBLIC_COMMENT, Channel.PRIVATE_MESSAGE, Channel.REACTION, Channel.ENDORSEMENT);
            }
        }
        interactions.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
    }

    private List<String> group(String prefix, int size, Origin origin, java.util.function.Supplier<String> company,
                               java.util.function.Supplier<String> sector, java.util.function.Supplier<Location> location,
                               Source source, List<RelationContext> contexts) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            String id = String.format("%s-%03d", prefix, i);
            String name = Names.FIRST[random.nextInt(Names.FIRST.length)] + " " + Names.LAST[random.nextInt(Names.LAST.length)];
            String employer = company.get();
            List<String> pastCompanies = origin == Origin.FORMER_COLLEAGUE ? List.of(pastEmployer()) : List.of();
            List<String> schools = origin == Origin.SCHOOL ? List.of(pick("ESCP", "Université Paris-Dauphine")) : List.of();
            Contact contact = new Contact(name, List.of(id + "@example.org"), employer,
                    pick("Consultant", "Coach", "Manager", "Director", "Project lead", "Founder"), sector.get(), pastCompanies,
                    schools, location.get(), origin, contexts, source, connectedOn(origin), closeness(origin), List.of(), List.of());
            contacts.put(id, contact);
            ids.add(id);
        }
        return ids;
    }

    private String contact(String id, String name, String company, String role, String sector, Location location, Origin origin,
                           Source source, List<RelationContext> contexts, List<String> tags) {
        contacts.put(id, new Contact(name, List.of(), company, role, sector, List.of(), List.of(), location, origin, contexts, source,
                connectedOn(origin), 1, List.of(), tags));
        return id;
    }

    private void linkWithin(List<String> cluster, int perContact) {
        for (String id : cluster) {
            List<String> others = new ArrayList<>(cluster);
            others.remove(id);
            Collections.shuffle(others, random);
            List<String> mutual = others.subList(0, Math.min(perContact, others.size())).stream().sorted().toList();
            Contact c = contacts.get(id);
            contacts.put(id, new Contact(c.displayName(), c.emails(), c.company(), c.role(), c.sector(), c.pastCompanies(), c.schools(),
                    c.location(), c.origin(), c.relationContexts(), c.source(), c.connectedOn(), c.declaredCloseness(), mutual, c.tags()));
        }
    }

    /** {@code count} interactions spread over the last {@code days} days. */
    private void series(String contactId, int count, int days, Channel... channels) {
        for (int i = 0; i < count; i++) {
            long secondsAgo = (long) (random.nextDouble() * days * 86_400L) + 3600;
            add(contactId, asOf.minus(Duration.ofSeconds(secondsAgo)), channels[random.nextInt(channels.length)]);
        }
    }

    /** Interactions between {@code fromDaysAgo} and {@code untilDaysAgo}: nothing since. */
    private void oldSeries(String contactId, int count, int fromDaysAgo, int untilDaysAgo, Channel... channels) {
        for (int i = 0; i < count; i++) {
            long daysAgo = untilDaysAgo + random.nextInt(fromDaysAgo - untilDaysAgo);
            add(contactId, asOf.minus(Duration.ofDays(daysAgo)), channels[random.nextInt(channels.length)]);
        }
    }

    private void add(String contactId, Instant at, Channel channel) {
        Direction direction = Direction.values()[random.nextInt(Direction.values().length)];
        Integer minutes = channel == Channel.MEETING || channel == Channel.CALL || channel == Channel.VIDEO_CALL ? 15 + random.nextInt(90) : null;
        interactions.add(new Interaction(String.format("demo-%05d", ++interactionSequence), contactId, at, channel, direction, minutes,
                channel == Channel.EMAIL ? Source.EMAIL : Source.LINKEDIN));
    }

    private LocalDate connectedOn(Origin origin) {
        int yearsAgo = switch (origin) {
            case FAMILY -> 30;
            case FRIEND, SCHOOL -> 15 + random.nextInt(10);
            case FORMER_COLLEAGUE -> 6 + random.nextInt(10);
            default -> 1 + random.nextInt(4);
        };
        return LocalDate.ofInstant(asOf, ZoneOffset.UTC).minusYears(yearsAgo).minusDays(random.nextInt(300));
    }

    private Integer closeness(Origin origin) {
        return switch (origin) {
            case FAMILY -> 5;
            case FRIEND -> 4;
            case COLLEAGUE, FORMER_COLLEAGUE, SCHOOL -> 1 + random.nextInt(3);
            default -> random.nextInt(2);
        };
    }

    private String pastEmployer() {
        return pick("Viadeo", "Crédit Lyonnais", "Capgemini");
    }

    private Location parisArea() {
        return random.nextInt(10) < 8
                ? city("Paris", pick("75011", "75010", "75003", "75012", "75020", "75009"), "Paris", "Île-de-France", "FR")
                : pick(city("Boulogne-Billancourt", "92100", "Hauts-de-Seine", "Île-de-France", "FR"),
                        city("Montreuil", "93100", "Seine-Saint-Denis", "Île-de-France", "FR"));
    }

    private static Location city(String city, String postalCode, String department, String region, String country) {
        return new Location(city, postalCode, department, region, country, null, null);
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** Common French given names and surnames. */
    private static final class Names {
        static final String[] FIRST = {"Marie", "Jean", "Nathalie", "Pierre", "Isabelle", "Philippe", "Sylvie", "Nicolas",
            "Catherine", "Christophe", "Sandrine", "Stéphane", "Valérie", "Laurent", "Céline", "Olivier", "Aurélie", "Sébastien",
            "Julie", "François", "Claire", "Mathieu", "Hélène", "Antoine", "Chloé", "Karim", "Fatima", "Yann", "Léa", "Mehdi"};
        static final String[] LAST = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
            "Moreau", "Simon", "Laurent", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
            "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Haddad", "Le Gall"};
    }
}
