package io.passerelle.vocabulary;

import java.util.Locale;
import java.util.Optional;

/** The languages Passerelle writes in (API.md: {@code fr} or {@code en}). */
public enum Language {
    FR, EN;

    /** The language written in when nobody said which (an owner without a profile, or without a language in it): French. */
    public static final Language DEFAULT = FR;

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

    /**
     * The language of an API code, {@link #DEFAULT} for null, blank or anything else: the language an owner
     * is written to, from their profile's {@code language}.
     */
    public static Language orDefault(String code) {
        return fromCode(code).orElse(DEFAULT);
    }
}
