package io.passerelle.vocabulary;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The vocabulary of messages: canonical sectors, roles, needs and topics with their French and
 * English labels and the synonyms people type in either language.
 *
 * <p><b>The unknown-word rule.</b> A word this vocabulary does not know is never carried into a text
 * of another language: a message may quote it (in quotation marks, as the owner's own word) only in
 * the language it was typed in; when that language is unknown or differs, the message says it
 * without the word (for example "votre secteur") or leaves the clause out.
 */
public final class Vocabulary {
    public static final Lexicon<Sector> SECTORS = new Lexicon<>(Sector.class);
    public static final Lexicon<Role> ROLES = new Lexicon<>(Role.class);
    public static final Lexicon<Need> NEEDS = new Lexicon<>(Need.class);
    public static final Lexicon<Topic> TOPICS = new Lexicon<>(Topic.class);

    private static final List<Lexicon<?>> ALL = List.of(SECTORS, ROLES, NEEDS, TOPICS);

    /** How people say, as a company, that they have none: "chez Independent" would be no company at all. */
    private static final Lexicon<SelfEmployment> SELF_EMPLOYMENT = new Lexicon<>(SelfEmployment.class);

    private static final Map<String, Set<Language>> LANGUAGES_OF_WORD = new HashMap<>();

    static {
        for (Lexicon<?> lexicon : ALL) {
            lexicon.words().forEach((word, languages) ->
                    LANGUAGES_OF_WORD.computeIfAbsent(word, w -> EnumSet.noneOf(Language.class)).addAll(languages));
        }
    }

    private Vocabulary() {
    }

    /**
     * Every word or phrase of the vocabulary that only {@code language} uses, in normal form: the
     * English words a French text must not contain ("software", "investor", "co founder"), and the
     * reverse. A word both languages use ("fintech", "coaching", "product manager") is in neither set.
     */
    public static Set<String> wordsOnlyIn(Language language) {
        Set<String> words = new TreeSet<>();
        LANGUAGES_OF_WORD.forEach((word, languages) -> {
            if (languages.equals(EnumSet.of(language))) {
                words.add(word);
            }
        });
        return words;
    }

    /** The languages that use a word or phrase, over every kind of term (empty for an unknown word). */
    public static Set<Language> languagesOf(String word) {
        return Set.copyOf(LANGUAGES_OF_WORD.getOrDefault(NormalForm.of(word), Set.of()));
    }

    /** Whether a company name only says the person works on their own ("Independent", "Freelance", "Indépendant"). */
    public static boolean isSelfEmployment(String company) {
        return company != null && SELF_EMPLOYMENT.recognise(company).isPresent();
    }

    /** What people write in the company field when they have none of their own. */
    enum SelfEmployment implements Term {
        SELF_EMPLOYED(Words.english("independent", "freelance", "freelancer", "self employed", "self-employed", "self")
                .fr("indépendant", "indépendante", "auto-entrepreneur", "auto-entrepreneuse", "micro-entrepreneur", "à mon compte",
                        "à son compte", "libéral", "profession libérale"));

        private final List<Word> words;

        SelfEmployment(Words words) {
            this.words = words.list();
        }

        @Override
        public List<Word> words() {
            return words;
        }
    }
}
