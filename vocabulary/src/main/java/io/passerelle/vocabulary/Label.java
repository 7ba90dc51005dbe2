package io.passerelle.vocabulary;

import java.util.Objects;

/**
 * How a message names a field in each language, with the right article or preposition: "dans la
 * fintech" and "in fintech", "au logiciel" and "in software".
 */
public record Label(FrenchNoun french, EnglishNoun english) {

    public Label {
        Objects.requireNonNull(french, "french");
        Objects.requireNonNull(english, "english");
    }

    /** "la fintech" / "fintech". */
    public String definite(Language language) {
        return language == Language.FR ? french.definite() : english.definite();
    }

    /** "dans la fintech" / "in fintech". */
    public String in(Language language) {
        return language == Language.FR ? french.in() : english.in();
    }

    /** "sur la fintech" / "about fintech". */
    public String about(Language language) {
        return language == Language.FR ? french.about() : english.about();
    }

    /** What one takes an interest in: "à la fintech" ("je m'intéresse à la fintech") / "in fintech". */
    public String interestIn(Language language) {
        return language == Language.FR ? french.withA() : english.in();
    }

    /** "de la fintech" ("votre expérience de la fintech") / "of fintech". */
    public String of(Language language) {
        return language == Language.FR ? french.withDe() : "of " + english.definite();
    }
}
