package io.passerelle.vocabulary;

import java.util.Objects;

/**
 * An English noun phrase and whether it takes "the": "fintech" and "in fintech", "the public
 * sector" and "in the public sector".
 */
public record EnglishNoun(String text, boolean takesThe) {

    public EnglishNoun {
        Objects.requireNonNull(text, "text");
    }

    /** A noun used without article ("fintech", "software", "human resources"). */
    public static EnglishNoun bare(String text) {
        return new EnglishNoun(text, false);
    }

    /** A noun used with "the" ("the public sector", "the food industry"). */
    public static EnglishNoun withThe(String text) {
        return new EnglishNoun(text, true);
    }

    /** "fintech", "the public sector". */
    public String definite() {
        return takesThe ? "the " + text : text;
    }

    /** "in fintech", "in the public sector". */
    public String in() {
        return "in " + definite();
    }

    /** "about fintech", "about the public sector". */
    public String about() {
        return "about " + definite();
    }
}
