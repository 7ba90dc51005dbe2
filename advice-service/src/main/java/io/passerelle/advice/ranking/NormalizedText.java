package io.passerelle.advice.ranking;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case- and accent-insensitive comparison of free-text attributes ("Santé" matches "sante",
 * "Crédit Agricole" matches "credit agricole SA"): platforms spell the same sector or company in many ways.
 */
final class NormalizedText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{Alnum}]+");

    private NormalizedText() {
    }

    /** Lower case, without accents, punctuation turned into single spaces. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss");
        String unaccented = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /**
     * Whether every word of {@code target}, in order, appears as whole words in {@code value}:
     * "fintech" matches "Fintech & payments", but "bank" does not match "banking".
     */
    static boolean contains(String value, String target) {
        String needle = normalize(target);
        if (needle.isEmpty()) {
            return false;
        }
        return (" " + normalize(value) + " ").contains(" " + needle + " ");
    }

    /** Either text contains the other: for short labels such as tags and topics. */
    static boolean overlaps(String first, String second) {
        return contains(first, second) || contains(second, first);
    }
}
