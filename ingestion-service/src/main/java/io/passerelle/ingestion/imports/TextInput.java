package io.passerelle.ingestion.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Opens an exported file as UTF-8 text, without the byte-order mark that Windows tools put first. */
final class TextInput {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextInput() {
    }

    static BufferedReader open(InputStream file) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8), 64 * 1024);
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    /** The first characters of a line, for an error message. */
    static String excerpt(String line) {
        String flat = line.strip();
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }
}
