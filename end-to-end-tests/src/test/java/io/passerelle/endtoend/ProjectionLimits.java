package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The limits of the performance table's row 3: what graph-service's database does when a plain client writes the rows of
 * the events graph-service drained, 100 events a transaction, two clients, in scratch tables of the same database. Each
 * event is an array of owner id, contact id and event id, in the order of the topic.
 *
 * <ul>
 *   <li>{@link #keyRowsMultiRow}: a 5-column tie row per owner and contact, one multi-row statement per transaction;</li>
 *   <li>{@link #storedRowsMultiRow}: the tie rows graph-service stored, every column, one multi-row statement per
 *       transaction, into a copy of the ties table with its indexes;</li>
 *   <li>{@link #storedRowsPerEvent}: the same rows, one statement an event, as the limit was first measured with
 *       pgbench ("100 events per transaction: insert of the event id, upsert of a tie row; 2 clients").</li>
 * </ul>
 *
 * <p>Each transaction of every limit records its event ids in a dedupe table, as the projection does. Answers are events
 * per second.
 */
final class ProjectionLimits {
    private static final int EVENTS_PER_TRANSACTION = 100;

    private static final String CREATE_PROCESSED_EVENTS =
            "CREATE TABLE benchmark_processed_events (event_id text PRIMARY KEY, processed_at timestamptz NOT NULL)";
    private static final String RECORD_PROCESSED_EVENTS = """
            INSERT INTO benchmark_processed_events (event_id, processed_at)
            SELECT id, now() FROM unnest(?::text[]) AS ids(id) ON CONFLICT DO NOTHING""";
    private static final String RECORD_PROCESSED_EVENT =
            "INSERT INTO benchmark_processed_events (event_id, processed_at) VALUES (?, now()) ON CONFLICT DO NOTHING";

    private static final String DATABASE = "graph";

    private final PasserelleSystem system;

    ProjectionLimits(PasserelleSystem system) {
        this.system = system;
    }

    /**
     * The first limit: per transaction, the event ids into the dedupe table, then one upsert of a 5-column tie row per owner
     * and contact (interaction count, last event id), each one multi-row statement over {@code unnest} arrays. Only the
     * key is indexed, so an update that finds room on its page is a heap-only tuple.
     */
    double keyRowsMultiRow(List<String[]> events) throws Exception {
        try (Connection connection = system.database(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS benchmark_processed_events, benchmark_ties");
            statement.execute(CREATE_PROCESSED_EVENTS);
            statement.execute("""
                    CREATE TABLE benchmark_ties (owner_id text NOT NULL, contact_id text NOT NULL, interaction_count bigint NOT NULL,
                                                 last_event_id text NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (owner_id, contact_id))""");
        }
        List<List<String[]>> transactions = transactions(events);
        double seconds = twoClients(transactions.size(), connection -> {
            PreparedStatement dedupe = connection.prepareStatement(RECORD_PROCESSED_EVENTS);
            PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO benchmark_ties (owner_id, contact_id, interaction_count, last_event_id, updated_at)
                    SELECT o, c, n, e, now() FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[]) AS t(o, c, n, e)
                    ON CONFLICT (owner_id, contact_id) DO UPDATE SET interaction_count = benchmark_ties.interaction_count
                        + excluded.interaction_count, last_event_id = excluded.last_event_id, updated_at = excluded.updated_at""");
            return b -> {
                List<String[]> batch = transactions.get(b);
                TreeMap<String, long[]> counts = new TreeMap<>(); // keys in one order in every transaction: no deadlock
                TreeMap<String, String> lastIds = new TreeMap<>();
                for (String[] event : batch) {
                    String key = key(event[0], event[1]);
                    counts.computeIfAbsent(key, k -> new long[1])[0]++;
                    lastIds.put(key, event[2]);
                }
                dedupe.setArray(1, textArray(connection, batch.stream().map(e -> e[2]).sorted()));
                dedupe.executeUpdate();
                upsert.setArray(1, textArray(connection, counts.keySet().stream().map(k -> k.split("\u0000")[0])));
                upsert.setArray(2, textArray(connection, counts.keySet().stream().map(k -> k.split("\u0000")[1])));
                upsert.setArray(3, connection.createArrayOf("bigint", counts.values().stream().map(n -> n[0]).toArray(Long[]::new)));
                upsert.setArray(4, textArray(connection, lastIds.values().stream()));
                upsert.executeUpdate();
            };
        });
        assertThat(system.count(DATABASE, "SELECT count(*) FROM benchmark_processed_events")).as("event ids recorded by the plain upsert")
                .isEqualTo(events.stream().map(e -> e[2]).distinct().count());
        drop("benchmark_processed_events", "benchmark_ties");
        return events.size() / seconds;
    }

    /**
     * The tie rows graph-service stored for these events, every column, read back once per transaction before any timing,
     * with all else each transaction of {@link #storedRowsMultiRow} and {@link #storedRowsPerEvent} binds.
     */
    StoredRows storedRows(List<String[]> events) throws SQLException {
        List<StoredTransaction> transactions = new ArrayList<>();
        try (Connection connection = system.database(DATABASE); PreparedStatement rows = connection.prepareStatement("""
                SELECT t.owner_id, t.contact_id, ARRAY[t]::text AS one FROM ties t
                JOIN (SELECT DISTINCT o, c FROM unnest(?::text[], ?::text[]) AS k(o, c)) k ON t.owner_id = k.o AND t.contact_id = k.c
                ORDER BY t.owner_id, t.contact_id""")) {
            for (List<String[]> batch : transactions(events)) {
                rows.setArray(1, textArray(connection, batch.stream().map(e -> e[0])));
                rows.setArray(2, textArray(connection, batch.stream().map(e -> e[1])));
                Map<String, String> byKey = new HashMap<>();
                List<String> elements = new ArrayList<>();
                try (ResultSet found = rows.executeQuery()) {
                    while (found.next()) {
                        String one = found.getString("one"); // {"(...)"}: an array of one row
                        byKey.put(key(found.getString("owner_id"), found.getString("contact_id")), one);
                        elements.add(one.substring(1, one.length() - 1));
                    }
                }
                // Events in the order of their keys, so that the two clients never deadlock.
                List<String[]> inKeyOrder = batch.stream()
                        .sorted(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1])).toList();
                transactions.add(new StoredTransaction(
                        batch.stream().map(e -> e[2]).sorted().toArray(String[]::new),
                        "{" + String.join(",", elements) + "}",
                        inKeyOrder.stream().map(e -> e[2]).toList(),
                        inKeyOrder.stream().map(e -> byKey.get(key(e[0], e[1]))).toList()));
            }
        }
        return new StoredRows(events, transactions);
    }

    /** The events of a sample and, per transaction of 100, what its statements bind. */
    record StoredRows(List<String[]> events, List<StoredTransaction> transactions) {
        long distinctTies() {
            return events.stream().map(e -> key(e[0], e[1])).distinct().count();
        }
    }

    /**
     * One transaction's values: its event ids sorted, its distinct tie rows as one {@code ties[]} literal, and its events in
     * the order of their keys, each with its tie row as a {@code ties[]} literal of one.
     */
    record StoredTransaction(String[] sortedIds, String tieRows, List<String> idsInKeyOrder, List<String> tieRowInKeyOrder) {
    }

    /**
     * The second limit: per transaction, the event ids into the dedupe table, then the transaction's stored tie rows upserted
     * as one multi-row statement into a copy of the ties table with its indexes (not its triggers). The update stamps the
     * row's {@code updated_at} and {@code scored_at} anew, as the projection does with every change, so that an update is
     * a new entry in every index as the projection's are; upserting the same values again would be heap-only tuples that
     * no projection write can be.
     */
    double storedRowsMultiRow(StoredRows rows) throws Exception {
        return storedRows(rows, connection -> {
            PreparedStatement dedupe = connection.prepareStatement(RECORD_PROCESSED_EVENTS);
            PreparedStatement upsert = connection.prepareStatement(upsertOfStoredRows(connection));
            return b -> {
                StoredTransaction transaction = rows.transactions().get(b);
                dedupe.setArray(1, connection.createArrayOf("text", transaction.sortedIds()));
                dedupe.executeUpdate();
                upsert.setString(1, transaction.tieRows());
                upsert.executeUpdate();
            };
        });
    }

    /**
     * The limit as the issue first measured it with pgbench, with the projection's own rows: per event, in one transaction
     * of 100, an insert of its id into the dedupe table and an upsert of its tie row as stored (the same statement as
     * {@link #storedRowsMultiRow}, one row), each a round trip, the events of a transaction in the order of their keys.
     */
    double storedRowsPerEvent(StoredRows rows) throws Exception {
        return storedRows(rows, connection -> {
            PreparedStatement dedupe = connection.prepareStatement(RECORD_PROCESSED_EVENT);
            PreparedStatement upsert = connection.prepareStatement(upsertOfStoredRows(connection));
            return b -> {
                StoredTransaction transaction = rows.transactions().get(b);
                for (int i = 0; i < transaction.idsInKeyOrder().size(); i++) {
                    dedupe.setString(1, transaction.idsInKeyOrder().get(i));
                    dedupe.executeUpdate();
                    upsert.setString(1, transaction.tieRowInKeyOrder().get(i));
                    upsert.executeUpdate();
                }
            };
        });
    }

    private double storedRows(StoredRows rows, UpsertClient client) throws Exception {
        try (Connection connection = system.database(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS benchmark_processed_events, benchmark_tie_rows");
            statement.execute(CREATE_PROCESSED_EVENTS);
            statement.execute("CREATE TABLE benchmark_tie_rows (LIKE ties INCLUDING DEFAULTS INCLUDING INDEXES)");
        }
        double seconds = twoClients(rows.transactions().size(), client);
        assertThat(system.count(DATABASE, "SELECT count(*) FROM benchmark_tie_rows")).as("tie rows written by the plain upsert")
                .isEqualTo(rows.distinctTies());
        assertThat(system.count(DATABASE, "SELECT count(*) FROM benchmark_processed_events")).as("event ids recorded by the plain upsert")
                .isEqualTo(rows.events().stream().map(e -> e[2]).distinct().count());
        drop("benchmark_processed_events", "benchmark_tie_rows");
        return rows.events().size() / seconds;
    }

    /** Every column of the ties table replaced by the row's, except the two stamps of a change, which are the transaction's. */
    private static String upsertOfStoredRows(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet names = statement.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'ties' ORDER BY ordinal_position")) {
            while (names.next()) {
                columns.add(names.getString(1));
            }
        }
        assertThat(columns).as("the ties table's columns").contains("updated_at", "scored_at");
        String updates = columns.stream().filter(c -> !c.equals("owner_id") && !c.equals("contact_id"))
                .map(c -> c + (c.equals("updated_at") || c.equals("scored_at") ? " = now()" : " = EXCLUDED." + c))
                .collect(Collectors.joining(", "));
        return "INSERT INTO benchmark_tie_rows SELECT * FROM unnest(?::ties[]) ON CONFLICT (owner_id, contact_id) DO UPDATE SET " + updates;
    }

    /** The number of ties indexes, for the table's note. */
    long tieIndexes() throws SQLException {
        return system.count(DATABASE, "SELECT count(*) FROM pg_indexes WHERE tablename = 'ties' AND schemaname = 'public'");
    }

    /** One transaction of a limit: writes transaction {@code b} on the client's connection, which then commits. */
    @FunctionalInterface
    private interface TransactionWrite {
        void write(int b) throws SQLException;
    }

    /** Prepares a client's statements on its connection and answers how it writes a transaction. */
    @FunctionalInterface
    private interface UpsertClient {
        TransactionWrite open(Connection connection) throws SQLException;
    }

    /** Writes transactions 0 to {@code transactions - 1}, shared by two JDBC clients; answers the seconds taken. */
    private double twoClients(int transactions, UpsertClient client) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                running.add(clients.submit(() -> {
                    try (Connection connection = system.database(DATABASE)) {
                        connection.setAutoCommit(false);
                        TransactionWrite write = client.open(connection); // its statements close with the connection
                        for (int b = next.getAndIncrement(); b < transactions; b = next.getAndIncrement()) {
                            write.write(b);
                            connection.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<List<String[]>> transactions(List<String[]> events) {
        List<List<String[]>> transactions = new ArrayList<>();
        for (int from = 0; from < events.size(); from += EVENTS_PER_TRANSACTION) {
            transactions.add(events.subList(from, Math.min(events.size(), from + EVENTS_PER_TRANSACTION)));
        }
        return transactions;
    }

    private static Array textArray(Connection connection, Stream<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    private void drop(String... tables) throws SQLException {
        try (Connection connection = system.database(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + String.join(", ", tables));
        }
    }

    private static String key(String ownerId, String contactId) {
        return ownerId + "\u0000" + contactId;
    }
}
