package io.passerelle.graph;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/** The service's database as the tests look into it: a plain JDBC connection, and what they ask of the diagnostics cache. */
final class GraphDatabase {
    private GraphDatabase() {
    }

    /** A connection to the database the running service uses (its own configuration). */
    static Connection connect() throws SQLException {
        return connect("");
    }

    /**
     * The same, sending each batch of inserts as multi-row statements (pgjdbc's reWriteBatchedInserts):
     * the statement-level triggers on ties and contacts then run once per hundred rows rather than
     * once per row, each bumping the owner's network version, which a single transaction of 30,000
     * one-row statements makes a chain of 30,000 versions of one row, slower at each update.
     */
    static Connection connectForBulkInserts() throws SQLException {
        return connect("reWriteBatchedInserts=true");
    }

    private static Connection connect(String options) throws SQLException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(options.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + options,
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /**
     * Writes an owner row without profile and one tie row as versions before V9 stored them: the given
     * statistics, no peak columns, WEAK at 0.3, no contact.
     */
    static void insertTieStoredBeforePeaks(String ownerId, String contactId, String statisticsJson, int interactionCount) throws SQLException {
        try (Connection connection = connect()) {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO owners (owner_id, updated_at) VALUES (?, now())")) {
                statement.setString(1, ownerId);
                statement.execute();
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO ties (owner_id, contact_id, display_name, statistics, strength, tie_class, geographic_scale,
                                      interaction_count, mutual_contacts, last_event_id, updated_at)
                    VALUES (?, ?, ?, ?::jsonb, 0.3, 'WEAK', 'UNKNOWN', ?, 0, 'an-old-event', now())""")) {
                statement.setString(1, ownerId);
                statement.setString(2, contactId);
                statement.setString(3, contactId);
                statement.setString(4, statisticsJson);
                statement.setInt(5, interactionCount);
                statement.execute();
            }
        }
    }

    /** Whether the owner's cached diagnostics were computed from the current version of its network. */
    static boolean diagnosticsAreCurrent(String ownerId) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT d.network_version = v.version FROM owner_diagnostics d JOIN network_versions v ON v.owner_id = d.owner_id
                WHERE d.owner_id = ?""")) {
            statement.setString(1, ownerId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
