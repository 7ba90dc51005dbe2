package io.passerelle.vocabulary;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A word or phrase people type for a term, in {@link NormalForm}, and the languages that use it:
 * "logiciel" is French, "software" English, "fintech" and "SaaS" both.
 */
public record Word(String normal, Set<Language> languages) {

    public Word {
        Objects.requireNonNull(normal, "normal");
        languages = Set.copyOf(languages);
        if (normal.isEmpty() || languages.isEmpty()) {
            throw new IllegalArgumentException("a word needs letters and a language");
        }
    }

    /** Whether only {@code language} uses this word (an English word a French text must not contain, and the reverse). */
    public boolean onlyIn(Language language) {
        return languages.equals(EnumSet.of(language));
    }
}
