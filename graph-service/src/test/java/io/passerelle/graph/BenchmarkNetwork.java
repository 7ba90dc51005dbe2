package io.passerelle.graph;


import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import io.passerelle.graph.diagnostics.NetworkMember;
import io.passerelle.graph.repository.StatisticsJson;
import io.passerelle.tie.GeographicScaleResolver;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TieStatistics;
import java.time.Duration;
import io.passerelle.tie.TieStrengthModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A large synthetic network for the benchmarks: 30,000 contacts, ten mutual contacts each, up to five interactions each. */
final class BenchmarkNetwork {
    static final int CONTACTS = 30_000;
    static final int MUTUAL_PER_CONTACT = 10;

    final OwnerProfile owner;
    final Map<String, Contact> contacts = new LinkedHashMap<>();
    final Map<String, TieStatistics> statistics = new LinkedHashMap<>();

    BenchmarkNetwork(Instant now, TieParameters parameters) {
        Random random = new Random(30_000);
        String[] sectors = new String[25];
        String[] cities = new String[60];
        String[] schools = new String[40];
        String[] companies = new String[300];
        Arrays.setAll(sectors, i -> "Sector " + i);
        Arrays.setAll(cities, i -> "City " + i);
        Arrays.setAll(schools, i -> "School " + i);
        Arrays.setAll(companies, i -> "Company " + i);
        owner = new OwnerProfile("Owner", sectors[0], "Coach", companies[0], List.of(companies[1], companies[2]),
                List.of(schools[0]), new Location(cities[0], "75011", "Dept 0", "Region 0", "FR", 48.85, 2.38), null, "fr", false);
        List<String> ids = new ArrayList<>(CONTACTS);
        for (int i = 0; i < CONTACTS; i++) {
            ids.add(String.format("contact-%05d", i));
        }
        for (String id : ids) {
            List<String> mutual = new ArrayList<>(MUTUAL_PER_CONTACT);
            for (int m = 0; m < MUTUAL_PER_CONTACT; m++) {
                mutual.add(ids.get(random.nextInt(CONTACTS)));
            }
            int city = random.nextInt(cities.length);
            Location location = new Location(cities[city], String.valueOf(75000 + random.nextInt(30)), "Dept " + city % 10,
                    "Region " + city % 4, random.nextInt(20) == 0 ? "DE" : "FR", null, null);
            Contact contact = new Contact("Contact " + id, List.of(id + "@example.org"), companies[random.nextInt(companies.length)],
                    "Role", sectors[random.nextInt(sectors.length)], List.of(companies[random.nextInt(companies.length)]),
                    List.of(schools[random.nextInt(schools.length)]), location, Origin.values()[random.nextInt(Origin.values().length)],
                    List.of(RelationContext.NETWORK), Source.values()[random.nextInt(Source.values().length)], null,
                    random.nextInt(6), mutual, List.of());
            contacts.put(id, contact);
            TieStatistics folded = TieStatistics.empty();
            int interactions = random.nextInt(6);
            for (int k = 0; k < interactions; k++) {
                folded = folded.plus(new Interaction(null, id, now.minus(Duration.ofDays(random.nextInt(2000))),
                        Channel.values()[random.nextInt(Channel.values().length)], Direction.MUTUAL, null, null), parameters);
            }
            statistics.put(id, folded);
        }
    }


    /** Builds the members as the diagnostics service does: class and scale as of {@code now}. */
    List<NetworkMember> members(TieStrengthModel model, Instant now) {
        List<NetworkMember> members = new ArrayList<>(CONTACTS);
        contacts.forEach((id, contact) -> members.add(new NetworkMember(id, contact,
                model.classOf(statistics.get(id), contact, owner, now),
                GeographicScaleResolver.between(owner.location(), contact.location()))));
        return members;
    }

    /** Writes the owner, its contacts and ties straight into the graph database. */
    void insert(String ownerId) throws Exception {
        try (Connection connection = GraphDatabase.connectForBulkInserts()) {
            connection.setAutoCommit(false);
            try (PreparedStatement owners = connection.prepareStatement(
                    "INSERT INTO owners (owner_id, profile, updated_at) VALUES (?, ?::jsonb, now())")) {
                owners.setString(1, ownerId);
                owners.setString(2, EventJson.write(owner));
                owners.executeUpdate();
            }
            // The columns ProjectionStore writes beside the document; the other diagnosed attributes are generated from it.
            try (PreparedStatement contacts = connection.prepareStatement("""
                         INSERT INTO contacts (owner_id, contact_id, contact, display_name, origin, sector, company, city, updated_at)
                         VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, now())""");
                 PreparedStatement ties = connection.prepareStatement("""
                         INSERT INTO ties (owner_id, contact_id, display_name, statistics, strength, tie_class, geographic_scale,
                                           interaction_count, mutual_contacts, last_event_id, updated_at)
                         VALUES (?, ?, ?, ?::jsonb, 0, 'WEAK', 'UNKNOWN', ?, 10, 'benchmark', now())""")) {
                for (var entry : this.contacts.entrySet()) {
                    contacts.setString(1, ownerId);
                    contacts.setString(2, entry.getKey());
                    contacts.setString(3, EventJson.write(entry.getValue()));
                    contacts.setString(4, entry.getValue().displayName());
                    contacts.setString(5, entry.getValue().origin() == null ? null : entry.getValue().origin().name());
                    contacts.setString(6, entry.getValue().sector());
                    contacts.setString(7, entry.getValue().company());
                    contacts.setString(8, entry.getValue().location() == null ? null : entry.getValue().location().city());
                    contacts.addBatch();
                    TieStatistics tieStatistics = this.statistics.get(entry.getKey());
                    ties.setString(1, ownerId);
                    ties.setString(2, entry.getKey());
                    ties.setString(3, entry.getValue().displayName());
                    ties.setString(4, StatisticsJson.write(tieStatistics));
                    ties.setLong(5, tieStatistics.interactionCount());
                    ties.addBatch();
                }
                contacts.executeBatch();
                ties.executeBatch();
            }
            connection.commit();
        }
    }

    /**
     * Deletes the owner's cached diagnostics, leaving its version marked diagnosed: the next request
     * computes them, as a request does when the background refresh has not caught up, and the
     * background refresh does not.
     */
    void forgetDiagnostics(String ownerId) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM owner_diagnostics WHERE owner_id = ?")) {
            statement.setString(1, ownerId);
            statement.executeUpdate();
        }
    }

    /** The owner's contact documents as the diagnostics read them before the compact columns (JDBC). */
    List<String> selectDocuments(String ownerId) throws Exception {
        List<String> rows = new ArrayList<>(CONTACTS);
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT t.contact_id, t.tie_class, t.geographic_scale, c.contact::text AS contact
                FROM ties t
                LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
                WHERE t.owner_id = ?""")) {
            statement.setString(1, ownerId);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString("contact"));
                }
            }
        }
        return rows;
    }
}
