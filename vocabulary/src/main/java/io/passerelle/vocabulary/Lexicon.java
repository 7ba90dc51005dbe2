package io.passerelle.vocabulary;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words of one kind of term (sectors, roles, needs or topics), each leading to a single term.
 * {@link #recognise} reads what a person typed as a whole ("Logiciel", "co-founder"); {@link #find}
 * looks for the longest known phrase inside a longer text ("Digital media &amp; events" is digital
 * media, not media).
 */
public final class Lexicon<T extends Enum<T> & Term> {
    private final Class<T> type;
    private final Map<String, T> termOfWord;
    private final Map<String, Set<Language>> languagesOfWord;
    private final int longestWord;

    Lexicon(Class<T> type) {
        this.type = type;
        Map<String, T> terms = new LinkedHashMap<>();
        Map<String, Set<Language>> languages = new HashMap<>();
        int longest = 0;
        for (T term : type.getEnumConstants()) {
            for (Word word : term.words()) {
                T previous = terms.putIfAbsent(word.normal(), term);
                if (previous != null && previous != term) {
                    throw new IllegalStateException("\"" + word.normal() + "\" names both " + previous + " and " + term);
                }
                languages.computeIfAbsent(word.normal(), w -> EnumSet.noneOf(Language.class)).addAll(word.languages());
                longest = Math.max(longest, word.normal().split(" ").length);
            }
        }
        this.termOfWord = Map.copyOf(terms);
        this.languagesOfWord = Map.copyOf(languages);
        this.longestWord = longest;
    }

    /** The term a person typed, read as a whole, case, accents and punctuation aside ("Logiciel" is SOFTWARE). */
    public Optional<T> recognise(String typed) {
        return Optional.ofNullable(termOfWord.get(NormalForm.of(typed)));
    }

    /**
     * The term of the longest known phrase in a text, as whole words ("Fintech &amp; payments" is
     * FINTECH, "Digital media" DIGITAL_MEDIA); the leftmost of equally long phrases.
     */
    public Optional<T> find(String text) {
        String normal = NormalForm.of(text);
        if (normal.isEmpty()) {
            return Optional.empty();
        }
        String[] tokens = normal.split(" ");
        for (int length = Math.min(longestWord, tokens.length); length >= 1; length--) {
            for (int start = 0; start + length <= tokens.length; start++) {
                T term = termOfWord.get(String.join(" ", List.of(tokens).subList(start, start + length)));
                if (term != null) {
                    return Optional.of(term);
                }
            }
        }
        return Optional.empty();
    }

    /** The languages that use a known word or phrase (empty for an unknown one). */
    public Set<Language> languagesOf(String word) {
        return languagesOfWord.getOrDefault(NormalForm.of(word), Set.of());
    }

    /** Every known word, in normal form, with the languages that use it. */
    public Map<String, Set<Language>> words() {
        return languagesOfWord;
    }

    public Class<T> type() {
        return type;
    }
}
