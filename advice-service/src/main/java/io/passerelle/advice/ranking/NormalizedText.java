package io.passerelle.advice.ranking;

import io.passerelle.vocabulary.NormalForm;
import java.util.HashMap;
import java.util.Map;

/**
 * Case- and accent-insensitive comparison of free-text attributes ("Santé" matches "sante",
 * "Crédit Agricole" matches "credit agricole SA"): platforms spell the same sector or company in many ways.
 */
final class NormalizedText {

    private NormalizedText() {
    }

    /** Lower case, without accents, punctuation turned into single spaces. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        // Most attributes are plain ASCII: folding them by hand is an order of magnitude faster than
        // Unicode decomposition, which matters when one ranking reads tens of thousands of contacts.
        StringBuilder folded = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return slowNormalize(text);
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingSpace && folded.length() > 0) {
                    folded.append(' ');
                }
                pendingSpace = false;
                folded.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                if (pendingSpace && folded.length() > 0) {
                    folded.append(' ');
                }
                pendingSpace = false;
                folded.append((char) (c + ('a' - 'A')));
            } else {
                pendingSpace = true;
            }
        }
        return folded.toString();
    }

    /** Accented or non-Latin text: the shared vocabulary's normal form, so that both compare words alike. */
    private static String slowNormalize(String text) {
        return NormalForm.of(text);
    }

    /**
     * Whether the padded normal form {@code paddedValue} (" words ") contains the padded needle:
     * every word of the needle, in order, as whole words ("fintech" matches "Fintech &amp; payments",
     * "bank" does not match "banking").
     */
    static boolean containsPadded(String paddedValue, String paddedNeedle) {
        return paddedNeedle.length() > 2 && paddedValue.contains(paddedNeedle);
    }

    /** " normal form ", so that whole-word containment is a plain substring test. */
    static String padded(String text) {
        return " " + normalize(text) + " ";
    }

    /**
     * Normal forms remembered for the length of one ranking: sectors, companies and cities repeat
     * across thousands of contacts, so each distinct spelling is folded once.
     */
    static final class Memo {
        private final Map<String, String> padded = new HashMap<>();

        String padded(String text) {
            if (text == null) {
                return "  ";
            }
            return padded.computeIfAbsent(text, NormalizedText::padded);
        }

        /** The normal form without padding; "" for null or blank. */
        String key(String text) {
            return padded(text).trim();
        }
    }
}
