package io.passerelle.vocabulary;

import java.util.Objects;

/**
 * A French noun phrase and what its article needs: "la fintech", "le logiciel", "l'immobilier",
 * "les médias", and the contractions that follow ("au logiciel", "aux médias", "du conseil").
 *
 * @param text the phrase without article ("fintech", "médias numériques")
 * @param feminine its gender
 * @param plural whether it takes "les"
 * @param elided whether the singular article becomes "l'" (a vowel or a mute h)
 */
public record FrenchNoun(String text, boolean feminine, boolean plural, boolean elided) {

    public FrenchNoun {
        Objects.requireNonNull(text, "text");
    }

    /** A masculine singular noun; elided when it starts with a vowel. */
    public static FrenchNoun masculine(String text) {
        return new FrenchNoun(text, false, false, startsWithVowel(text));
    }

    /** A feminine singular noun; elided when it starts with a vowel. */
    public static FrenchNoun feminine(String text) {
        return new FrenchNoun(text, true, false, startsWithVowel(text));
    }

    public static FrenchNoun masculinePlural(String text) {
        return new FrenchNoun(text, false, true, false);
    }

    public static FrenchNoun femininePlural(String text) {
        return new FrenchNoun(text, true, true, false);
    }

    /** "la fintech", "le logiciel", "l'immobilier", "les médias". */
    public String definite() {
        if (plural) {
            return "les " + text;
        }
        if (elided) {
            return "l'" + text;
        }
        return (feminine ? "la " : "le ") + text;
    }

    /** "à la fintech", "au logiciel", "à l'immobilier", "aux médias". */
    public String withA() {
        if (plural) {
            return "aux " + text;
        }
        if (elided || feminine) {
            return "à " + definite();
        }
        return "au " + text;
    }

    /** "de la fintech", "du logiciel", "de l'immobilier", "des médias". */
    public String withDe() {
        if (plural) {
            return "des " + text;
        }
        if (elided || feminine) {
            return "de " + definite();
        }
        return "du " + text;
    }

    /** "dans la fintech", "dans le logiciel". */
    public String in() {
        return "dans " + definite();
    }

    /** "sur la fintech", "sur le logiciel". */
    public String about() {
        return "sur " + definite();
    }

    static boolean startsWithVowel(String text) {
        String normal = NormalForm.of(text);
        return !normal.isEmpty() && "aeiou".indexOf(normal.charAt(0)) >= 0;
    }
}
