package io.passerelle.ingestion.imports;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Builds a display name from its parts as address books split them, and single-line text from what people typed. */
final class Names {
    private static final Pattern LINE_BREAKS_AND_TABS = Pattern.compile("\\s*[\\t\\n\\r\\u000B\\f]+\\s*");

    private Names() {
    }

    /**
     * The value stripped, with its line breaks and tabs folded into one space, or {@code null} when it
     * is null or blank. Names, companies, roles and places are single-line text ({@code @PlainText}),
     * while exports let people type line breaks in them ("Director" on one line, "Urban logistics" on
     * the next).
     */
    static String singleLine(String value) {
        if (value == null) {
            return null;
        }
        String folded = LINE_BREAKS_AND_TABS.matcher(value.strip()).replaceAll(" ");
        return folded.isEmpty() ? null : folded;
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
