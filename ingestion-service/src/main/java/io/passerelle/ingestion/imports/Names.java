package io.passerelle.ingestion.imports;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** Builds a display name from its parts as address books split them. */
final class Names {
    private Names() {
    }

    /** The non-blank parts joined by a space, or {@code null} when all are blank. */
    static String join(String... parts) {
        String joined = Arrays.stream(parts)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    /** The first non-blank value, stripped, or {@code null}. */
    static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
