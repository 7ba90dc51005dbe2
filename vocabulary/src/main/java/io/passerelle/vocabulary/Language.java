package io.passerelle.vocabulary;

import java.util.Locale;
import java.util.Optional;

/** The languages Passerelle writes in (API.md: {@code fr} or {@code en}). */
public enum Language {
    FR, EN;

    /** The code used in the API: {@code fr}, {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language of an API code; empty for null, blank or anything other than {@code fr} and {@code en}. */
    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "fr" -> Optional.of(FR);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }
}
