package io.passerelle.ingestion.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the fixture files of {@code src/test/resources/imports/} through a format's reader. */
final class ImportFixtures {
    private ImportFixtures() {
    }

    static InputStream fixture(String name) {
        InputStream file = ImportFixtures.class.getResourceAsStream("/imports/" + name);
        if (file == null) {
            throw new IllegalArgumentException("No fixture " + name);
        }
        return file;
    }

    static List<ImportedRecord> readAll(ImportFormat format, String fixture) {
        return readAll(format, fixture(fixture), ImportOptions.NONE);
    }

    static List<ImportedRecord> readAll(ImportFormat format, InputStream file, ImportOptions options) {
        try (ImportReader reader = format.open(file, options)) {
            List<ImportedRecord> records = new ArrayList<>();
            for (ImportedRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static <T extends ImportedRecord> T at(List<ImportedRecord> records, int line, Class<T> type) {
        return (T) records.stream().filter(r -> r.line() == line && type.isInstance(r)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " at line " + line + " in " + records));
    }
}
