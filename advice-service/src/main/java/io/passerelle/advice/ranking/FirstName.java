package io.passerelle.advice.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first name a message greets someone by, read from a display name as platforms give it:
 * "Inès Dubois" → Inès, "Jean-Marc Le Guen" → Jean-Marc, "Dr. Ada Lovelace" → Ada, "DUBOIS Inès" →
 * Inès, "Lovelace, Ada" → Ada, "inès dubois" → Inès. None for what is no name of a person (an e-mail
 * address, an id, an initial): a message then says "Bonjour," rather than greet someone wrongly.
 */
final class FirstName {
    /** Titles that may come before a name, in normal form (the dot dropped). */
    private static final Set<String> TITLES = Set.of(
            "dr", "doctor", "docteur", "docteure", "pr", "prof", "professor", "professeur", "professeure", "m", "mr", "mrs", "ms", "miss",
            "mx", "mme", "mlle", "me", "maitre", "monsieur", "madame", "mademoiselle", "sir", "dame", "lord", "lady", "herr", "frau", "ing",
            "ir", "sr", "sra", "dott", "dre");
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");
    private static final Pattern ASIDES = Pattern.compile("\\([^)]*\\)|\\[[^]]*]");
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-–—|/•·]\\s+");

    private FirstName() {
    }

    static Optional<String> of(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.contains("@")) {
            return Optional.empty();
        }
        String name = ASIDES.matcher(displayName).replaceAll(" ");
        // "Inès Dubois - Welcome to the Jungle": the name is what comes before.
        name = SEPARATOR.split(name, 2)[0].strip();
        int comma = name.indexOf(',');
        if (comma >= 0) {
            String before = name.substring(0, comma).strip();
            String after = name.substring(comma + 1).strip();
            // "Lovelace, Ada" (one word before the comma) is surname first; "Ada Lovelace, PhD" is not.
            name = !before.contains(" ") && !after.isEmpty() && words(after).size() <= 2 ? after : before;
        }
        List<String> words = words(name);
        while (!words.isEmpty() && TITLES.contains(NormalizedText.normalize(words.get(0)))) {
            words.remove(0);
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String first = words.get(0);
        // "DUBOIS Inès": an upper-case surname written first.
        if (words.size() > 1 && isUpperCase(first) && !isUpperCase(words.get(words.size() - 1))) {
            first = words.stream().filter(word -> !isUpperCase(word)).findFirst().orElse(first);
        }
        if (!NAME.matcher(first).matches() || first.codePointCount(0, first.length()) < 2 || first.endsWith("-")) {
            return Optional.empty();
        }
        return Optional.of(capitalised(first));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            String trimmed = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
            if (!trimmed.isEmpty()) {
                // An initial ("J.") stays an initial: it is no first name.
                words.add(word.endsWith(".") && trimmed.codePointCount(0, trimmed.length()) == 1 ? word : trimmed);
            }
        }
        return words;
    }

    private static boolean isUpperCase(String word) {
        return word.codePointCount(0, word.length()) > 1 && NAME.matcher(word).matches() && word.equals(word.toUpperCase(Locale.ROOT))
                && !word.equals(word.toLowerCase(Locale.ROOT));
    }

    /** "inès" and "INÈS" → "Inès", "jean-marc" → "Jean-Marc"; a name written with capitals is kept as written ("McKenzie"). */
    private static String capitalised(String name) {
        if (!name.equals(name.toLowerCase(Locale.ROOT)) && !isUpperCase(name)) {
            return name;
        }
        StringBuilder result = new StringBuilder(name.length());
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            result.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == '-' || c == '\'' || c == '’';
        }
        return result.toString();
    }
}
