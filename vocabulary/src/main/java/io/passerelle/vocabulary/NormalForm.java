package io.passerelle.vocabulary;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which words are compared: lower case, without accents, every run of punctuation or
 * spaces one space ("Éditeur de logiciels" and "editeur-de-logiciels" are the same words).
 */
public final class NormalForm {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{Alnum}]+");

    private NormalForm() {
    }

    /** The normal form of a text; "" for null. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String folded = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss");
        String unaccented = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** " normal form ": whole-word containment becomes a plain substring test. */
    public static String padded(String text) {
        return " " + of(text) + " ";
    }

    /** Whether {@code text} contains {@code words} as whole words, case and accents aside. */
    public static boolean containsWords(String text, String words) {
        String needle = of(words);
        return !needle.isEmpty() && padded(text).contains(" " + needle + " ");
    }
}
