package io.passerelle.ingestion.imports;

/** What is wrong with one field of one line of an imported file. */
public record LineError(String field, String message) {
    private static final int LONGEST_QUOTE = 60;

    /**
     * A value as a message quotes it, so that a person finds it in their file: in double quotes, cut
     * after 60 characters.
     */
    static String quote(String value) {
        String shown = value.length() <= LONGEST_QUOTE ? value
                : value.substring(0, Character.isHighSurrogate(value.charAt(LONGEST_QUOTE - 1)) ? LONGEST_QUOTE - 1 : LONGEST_QUOTE) + "…";
        return "\"" + shown + "\"";
    }
}
