package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.passerelle.localstack.ServiceProcess;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TieStatistics;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * An owner with a large network written straight into graph-service's database, as graph-service's
 * {@code BenchmarkNetwork} writes it for its own listing benchmark (the same rows, reduced to what
 * the listing reads): every tie stored WEAK, so that the WEAK listing walks all of them. Written by
 * JDBC because sending 30,000 contacts through the pipeline would measure the pipeline, not the
 * listing, and leave the classes to the model.
 */
final class ListingNetwork {
    private ListingNetwork() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A walk through the owner's WEAK ties: the path of each page, in order, and the ties the pages held. */
    record Walk(List<String> pagePaths, int ties) {
    }

    /**
     * Writes the owner, {@code contacts} contacts and their ties into the system's graph database, with multi-row
     * INSERTs (graph's tables have statement-level triggers, network versions, fired once per statement), then waits
     * until graph-service's background refresh has diagnosed the new network.
     */
    static void writeDiagnosed(PasserelleSystem system, String ownerId, int contacts) throws Exception {
        Properties settings = new Properties();
        settings.setProperty("user", system.stack().postgresUser());
        settings.setProperty("password", system.stack().postgresPassword());
        settings.setProperty("reWriteBatchedInserts", "true");
        try (Connection connection = DriverManager.getConnection(system.stack().jdbcUrl("graph"), settings)) {
            insert(connection, ownerId, contacts);
        }
        await().alias(ownerId + " diagnosed in the background").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> diagnosed(system, ownerId));
    }

    /**
     * Every WEAK tie of the owner, 50 by 50 by cursor, through graph-service's API on an HTTP/1.1 connection of its own (one
     * client shared by several walks would multiplex them over one HTTP/2 connection, served by one event loop).
     */
    static Walk walkWeakTies(ServiceProcess graph, String ownerId, String token) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> paths = new ArrayList<>();
        int ties = 0;
        String cursor = null;
        do {
            String path = "/v1/owners/" + ownerId + "/ties?limit=50&class=WEAK" + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(graph.baseUri().resolve(path.substring(1)))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            paths.add(path);
            JsonNode page = JSON.readTree(answer.body());
            ties += page.get("items").size();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return new Walk(List.copyOf(paths), ties);
    }

    /** Whether graph-service's diagnostics of the owner are those of its network as it stands (the background refresh caught up). */
    private static boolean diagnosed(PasserelleSystem system, String ownerId) throws SQLException {
        try (Connection connection = system.database("graph"); PreparedStatement statement = connection.prepareStatement("""
                SELECT d.network_version = v.version FROM owner_diagnostics d JOIN network_versions v ON v.owner_id = d.owner_id
                WHERE d.owner_id = ?""")) {
            statement.setString(1, ownerId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Writes the owner, {@code contacts} contacts and their ties, then ANALYZEs ties as autovacuum soon would. */
    private static void insert(Connection connection, String ownerId, int contacts) throws Exception {
        Random random = new Random(30_000);
        Instant now = Instant.now();
        TieParameters parameters = TieParameters.defaults();
        OwnerProfile owner = new OwnerProfile("Owner", "Sector 0", "Coach", "Company 0", List.of("Company 1", "Company 2"),
                List.of("School 0"), new Location("City 0", "75011", "Dept 0", "Region 0", "FR", 48.85, 2.38), null, "fr", false);
        List<String> ids = new ArrayList<>(contacts);
        for (int i = 0; i < contacts; i++) {
            ids.add(String.format("contact-%05d", i));
        }
        connection.setAutoCommit(false);
        try (PreparedStatement owners = connection.prepareStatement(
                "INSERT INTO owners (owner_id, profile, updated_at) VALUES (?, ?::jsonb, now())")) {
            owners.setString(1, ownerId);
            owners.setString(2, EventJson.write(owner));
            owners.executeUpdate();
        }
        try (PreparedStatement contactRows = connection.prepareStatement("""
                     INSERT INTO contacts (owner_id, contact_id, contact, display_name, origin, sector, company, city, updated_at)
                     VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, now())""");
             PreparedStatement tieRows = connection.prepareStatement("""
                     INSERT INTO ties (owner_id, contact_id, display_name, statistics, strength, tie_class, geographic_scale,
                                       interaction_count, mutual_contacts, last_event_id, updated_at)
                     VALUES (?, ?, ?, ?::jsonb, 0, 'WEAK', 'UNKNOWN', ?, 10, 'benchmark', now())""")) {
            for (String id : ids) {
                List<String> mutual = new ArrayList<>();
                for (int m = 0; m < 10; m++) {
                    mutual.add(ids.get(random.nextInt(contacts)));
                }
                int city = random.nextInt(60);
                Location location = new Location("City " + city, String.valueOf(75000 + random.nextInt(30)), "Dept " + city % 10,
                        "Region " + city % 4, random.nextInt(20) == 0 ? "DE" : "FR", null, null);
                Contact contact = new Contact("Contact " + id, List.of(id + "@example.org"), "Company " + random.nextInt(300), "Role",
                        "Sector " + random.nextInt(25), List.of("Company " + random.nextInt(300)), List.of("School " + random.nextInt(40)),
                        location, Origin.values()[random.nextInt(Origin.values().length)], List.of(RelationContext.NETWORK),
                        Source.values()[random.nextInt(Source.values().length)], null, random.nextInt(6), mutual, List.of());
                TieStatistics statistics = TieStatistics.empty();
                int interactions = random.nextInt(6);
                for (int k = 0; k < interactions; k++) {
                    statistics = statistics.plus(new Interaction(null, id, now.minus(Duration.ofDays(random.nextInt(2000))),
                            Channel.values()[random.nextInt(Channel.values().length)], Direction.MUTUAL, null, null), parameters);
                }
                contactRows.setString(1, ownerId);
                contactRows.setString(2, id);
                contactRows.setString(3, EventJson.write(contact));
                contactRows.setString(4, contact.displayName());
                contactRows.setString(5, contact.origin().name());
                contactRows.setString(6, contact.sector());
                contactRows.setString(7, contact.company());
                contactRows.setString(8, location.city());
                contactRows.addBatch();
                tieRows.setString(1, ownerId);
                tieRows.setString(2, id);
                tieRows.setString(3, contact.displayName());
                tieRows.setString(4, EventJson.write(statistics));
                tieRows.setLong(5, statistics.interactionCount());
                tieRows.addBatch();
            }
            contactRows.executeBatch();
            tieRows.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE ties");
        }
    }
}
