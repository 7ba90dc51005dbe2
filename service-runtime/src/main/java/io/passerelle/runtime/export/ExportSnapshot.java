package io.passerelle.runtime.export;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedStatement;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A read-only, repeatable-read view of a service's database for one owner's export, read with
 * server-side cursors a few rows at a time, so that an export of any size holds one fetch in memory
 * and every section of it is as of the same instant.
 *
 * <p>Blocking: it is used from a worker thread that writes the export to the HTTP response as it
 * reads, so that the response's own back-pressure (a slow client) paces the reads. Every wait is
 * bounded by {@code timeout}; a hung database also has its connection closed by the stall detection
 * of {@code passerelle.database.stall-timeout}, so an export never waits forever.
 */
public final class ExportSnapshot implements AutoCloseable {
    /** Rows fetched per round trip: large enough that round trips do not dominate, small enough to keep memory flat. */
    public static final int FETCH_SIZE = 500;

    private final SqlConnection connection;
    private final Duration timeout;
    private boolean open = true;

    private ExportSnapshot(SqlConnection connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    /** Takes a connection from the pool and starts the read-only repeatable-read transaction. */
    public static ExportSnapshot open(Pool pool, Duration timeout) {
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        try {
            connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute().await().atMost(timeout);
            return new ExportSnapshot(connection, timeout);
        } catch (RuntimeException e) {
            connection.closeAndAwait();
            throw e;
        }
    }

    /** Calls {@code each} for every row of the query, in its order, fetching {@link #FETCH_SIZE} rows at a time. */
    public void forEach(String sql, Tuple arguments, Consumer<Row> each) {
        PreparedStatement statement = connection.prepare(sql).await().atMost(timeout);
        try {
            Cursor cursor = statement.cursor(arguments);
            try {
                do {
                    RowSet<Row> rows = cursor.read(FETCH_SIZE).await().atMost(timeout);
                    rows.forEach(each);
                } while (cursor.hasMore());
            } finally {
                cursor.close().await().atMost(timeout);
            }
        } finally {
            statement.close().await().atMost(timeout);
        }
    }

    /** Runs a query of the service's own on the snapshot's connection and waits for its result. */
    public <T> T read(Function<SqlClient, Uni<T>> query) {
        return query.apply(connection).await().atMost(timeout);
    }

    /** Ends the transaction (nothing was written) and gives the connection back. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            connection.query("ROLLBACK").execute().await().atMost(timeout);
        } finally {
            connection.closeAndAwait();
        }
    }
}
