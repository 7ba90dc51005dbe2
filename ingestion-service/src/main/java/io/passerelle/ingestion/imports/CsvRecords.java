package io.passerelle.ingestion.imports;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of an exported CSV file, read one at a time by commons-csv (quoted fields, embedded
 * commas, quotes and line breaks, CRLF or LF), each with the physical line it starts on. The header
 * is looked for among the first lines, because some exports (LinkedIn's) put notes above it.
 */
final class CsvRecords implements Closeable {
    private static final int MAX_LINES_BEFORE_HEADER = 12;
    // RFC 4180 quoting, but blank lines are kept (and skipped here) so that line numbers stay
    // exact, and text after a closing quote is kept rather than failing the rest of the file.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns;
    private final int columnCount;
    private final long linesBeforeBody;
    private boolean unreadable;

    private CsvRecords(CSVParser parser, Map<String, Integer> columns, int columnCount, long linesBeforeBody) {
        this.parser = parser;
        this.records = parser.iterator();
        this.columns = columns;
        this.columnCount = columnCount;
        this.linesBeforeBody = linesBeforeBody;
    }

    /**
     * Finds the header among the first lines of the file and positions the parser after it.
     *
     * @param isHeader tells the header of the declared format from notes and from other formats' headers
     * @param expected the header the declared format has, for the error message
     */
    static CsvRecords open(BufferedReader reader, ImportFormat format, String expected, Predicate<Set<String>> isHeader)
            throws IOException {
        String firstLine = null;
        Set<String> firstColumns = Set.of();
        boolean recognised = false;
        int lines = 0;
        String line;
        while (lines < MAX_LINES_BEFORE_HEADER && (line = reader.readLine()) != null) {
            lines++;
            if (line.isBlank()) {
                continue;
            }
            List<String> names = columnsOf(line);
            if (isHeader.test(new HashSet<>(names))) {
                Map<String, Integer> columns = new HashMap<>();
                for (int index = 0; index < names.size(); index++) {
                    columns.putIfAbsent(names.get(index), index);
                }
                return new CsvRecords(new CSVParser(reader, FORMAT), columns, names.size(), lines);
            }
            // Describe the file by the first line that names another format (LinkedIn's header comes
            // after its notes), or else by its first line.
            Set<String> columns = new HashSet<>(names);
            if (firstLine == null || !recognised && FormatSniffer.recognise(line, columns) != null) {
                firstLine = line;
                firstColumns = columns;
                recognised = FormatSniffer.recognise(line, columns) != null;
            }
        }
        throw new NotTheDeclaredFormatException(format, expected, FormatSniffer.describe(firstLine, firstColumns));
    }

    /** The cells of one line read as a CSV header, or none when the line is not CSV at all. */
    private static List<String> columnsOf(String line) {
        try (CSVParser header = CSVParser.parse(line, FORMAT)) {
            List<String> names = new ArrayList<>();
            for (CSVRecord record : header) {
                record.forEach(cell -> names.add(cell.strip()));
                break;
            }
            return names;
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /**
     * The next non-blank record, or {@code null} at the end. A syntax error commons-csv cannot get
     * past (a quote never closed swallows the rest of the file) is returned as an unreadable row, and
     * ends the file.
     */
    Row next() throws IOException {
        while (!unreadable) {
            int line = Math.toIntExact(linesBeforeBody + parser.getCurrentLineNumber() + 1);
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException syntax) {
                    unreadable = true;
                    return new Row(line, null, "cannot be read as CSV from here on: " + syntax.getMessage());
                }
                throw e.getCause();
            }
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (record.size() != columnCount) {
                return new Row(line, null, "has " + record.size() + " fields where the header has " + columnCount
                        + " (a value with a comma or a line break that is not quoted?)");
            }
            return new Row(line, record, null);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** One record: its values by column name, or why it cannot be read. */
    final class Row {
        private final int line;
        private final CSVRecord record;
        private final String problem;

        private Row(int line, CSVRecord record, String problem) {
            this.line = line;
            this.record = record;
            this.problem = problem;
        }

        int line() {
            return line;
        }

        /** Why the line cannot be read at all, or {@code null}. */
        String problem() {
            return problem;
        }

        /**
         * The stripped value of a column on one line, or {@code null} when the column is absent or the
         * value blank. A quoted value may span lines ("Director\r\nUrban logistics"); every field it can
         * fill is single-line text ({@code @PlainText}), so its line breaks and tabs become one space.
         */
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || record == null) {
                return null;
            }
            return Names.singleLine(record.get(index));
        }
    }
}
