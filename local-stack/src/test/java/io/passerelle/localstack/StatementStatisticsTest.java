package io.passerelle.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started with statement statistics counts each statement's executions since the last reset. */
class StatementStatisticsTest {
    @TempDir
    Path workDirectory;

    @Test
    void countsTheStatementsRunSinceTheResetMostCostlyFirst() throws Exception {
        PostgresServer server;
        System.setProperty(StatementStatistics.ENABLED, "true");
        try {
            server = PostgresServer.start(workDirectory);
        } finally {
            // Read when a server starts: the JVM's other servers go without.
            System.clearProperty(StatementStatistics.ENABLED);
        }
        try (server; Connection connection = DriverManager.getConnection(server.superuserJdbcUrl(), "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE counted (id int PRIMARY KEY, label text)");
            System.setProperty(StatementStatistics.ENABLED, "true");
            StatementStatistics statistics;
            try {
                statistics = StatementStatistics.of(server);
            } finally {
                System.clearProperty(StatementStatistics.ENABLED);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO counted VALUES (?, ?)")) {
                insert.setInt(1, 0);
                insert.setString(2, "before the reset");
                insert.executeUpdate();
                statistics.reset();
                for (int i = 1; i <= 5; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "row " + i);
                    insert.executeUpdate();
                }
            }
            sql.execute("SELECT pg_sleep(0.2)");

            List<StatementStatistics.Entry> top = statistics.top(10);
            assertThat(top.get(0).query()).as("the slowest first").contains("pg_sleep");
            assertThat(top).filteredOn(entry -> entry.query().startsWith("INSERT INTO counted")).singleElement().satisfies(entry -> {
                assertThat(entry.calls()).as("executions since the reset").isEqualTo(5);
                assertThat(entry.rows()).isEqualTo(5);
                assertThat(entry.database()).isEqualTo("postgres");
                assertThat(entry.walBytes()).isPositive();
                assertThat(entry.format(21)).contains("5 calls").contains("postgres: INSERT INTO counted V…");
            });
            assertThat(statistics.totalSeconds()).isGreaterThanOrEqualTo(0.2);
        }
    }

    @Test
    void cannotCountWithoutTheExtensionLoaded() {
        assertThatThrownBy(() -> StatementStatistics.of(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(StatementStatistics.ENABLED);
    }
}
