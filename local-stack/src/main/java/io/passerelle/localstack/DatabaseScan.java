package io.passerelle.localstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a database still holds about someone: every row, of every table, whose text mentions a
 * value. Erasure tests scan with it, so that a table added later is covered without anyone
 * remembering to list it.
 */
public final class DatabaseScan {
    private DatabaseScan() {
    }

    /** The base tables of the public schema. */
    public static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                        + " ORDER BY table_name")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    /** Each row whose text contains one of {@code values} (case-insensitively), as {@code table: row}. */
    public static List<String> rowsMentioning(Connection connection, String... values) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String table : tables(connection)) {
            for (String value : values) {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT t::text FROM \"" + table + "\" t WHERE t::text ILIKE '%' || ? || '%'")) {
                    query.setString(1, value);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            found.add(table + ": " + rows.getString(1));
                        }
                    }
                }
            }
        }
        return found;
    }
}
