package io.passerelle.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the embedded PostgreSQL spends its time, statement by statement, for benchmarks: PostgreSQL's
 * {@code pg_stat_statements}, loaded only when the JVM that starts the server has
 * {@code -Dpasserelle.postgres.statement-statistics=true} ({@link #ENABLED}; the extension has to be
 * preloaded, and counting costs a little on every statement, so tests and the run command go without).
 * A benchmark {@linkplain #reset resets} the counts before the work it measures and reads the
 * {@linkplain #top most costly statements} after. Every method reads and writes as the superuser,
 * whose view shows every role's statements in full.
 */
public final class StatementStatistics {
    public static final String ENABLED = "passerelle.postgres.statement-statistics";

    /** One normalised statement (constants replaced by {@code $n}) and what its executions cost since the reset. */
    public record Entry(String database, String query, long calls, double executionSeconds, long rows, long walBytes,
                        long sharedBlocksHit, long sharedBlocksRead) {

        /** One line: calls, time, rows, log and buffers, then the statement on one line, cut at {@code queryWidth}. */
        public String format(int queryWidth) {
            String oneLine = query.replaceAll("\\s+", " ").strip();
            return String.format(Locale.ROOT, "%8.2f s %,9d calls %,10d rows %,8.1f MB WAL %,11d buffers (%,d read)  %s: %s",
                    executionSeconds, calls, rows, walBytes / 1e6, sharedBlocksHit + sharedBlocksRead, sharedBlocksRead, database,
                    oneLine.length() > queryWidth ? oneLine.substring(0, queryWidth) + "…" : oneLine);
        }
    }

    private final PostgresServer server;

    private StatementStatistics(PostgresServer server) {
        this.server = server;
    }

    /** Whether this JVM's embedded servers preload the extension. */
    public static boolean enabled() {
        return Boolean.getBoolean(ENABLED);
    }

    /** The statistics of this embedded server, which must have been started with {@link #ENABLED}. */
    public static StatementStatistics of(PostgresServer server) {
        if (!enabled()) {
            throw new IllegalStateException("Start the JVM with -D" + ENABLED + "=true to count statements");
        }
        return new StatementStatistics(server);
    }

    /** Forgets every count so far (creating the extension's view on first use). */
    public void reset() {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            sql.execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reset pg_stat_statements", e);
        }
    }

    /** The {@code limit} statements that took the most execution time since the reset, most costly first. */
    public List<Entry> top(int limit) {
        try (Connection connection = connect(); PreparedStatement sql = connection.prepareStatement("""
                     SELECT d.datname, s.query, s.calls, s.total_exec_time / 1000 AS seconds, s.rows, s.wal_bytes,
                            s.shared_blks_hit, s.shared_blks_read
                     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                     WHERE s.query NOT LIKE '%pg_stat_statements%'
                     ORDER BY s.total_exec_time DESC LIMIT ?""")) {
            sql.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getDouble(4), rows.getLong(5),
                            rows.getBigDecimal(6).longValue(), rows.getLong(7), rows.getLong(8)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pg_stat_statements", e);
        }
    }

    /** The execution time of every statement counted since the reset, in seconds. */
    public double totalSeconds() {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT coalesce(sum(total_exec_time), 0) / 1000 FROM pg_stat_statements")) {
            rows.next();
            return rows.getDouble(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pg_stat_statements", e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(server.superuserJdbcUrl(), "postgres", "");
    }
}
