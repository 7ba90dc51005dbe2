package io.passerelle.vocabulary;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Builds the words of a term: {@code Words.english("software").fr("logiciel").both("saas")}. */
public final class Words {
    private final List<Word> words = new ArrayList<>();

    private Words() {
    }

    public static Words english(String... words) {
        return new Words().en(words);
    }

    public static Words french(String... words) {
        return new Words().fr(words);
    }

    public static Words shared(String... words) {
        return new Words().both(words);
    }

    public Words en(String... english) {
        return add(EnumSet.of(Language.EN), english);
    }

    public Words fr(String... french) {
        return add(EnumSet.of(Language.FR), french);
    }

    /** Words both languages use as they are ("fintech", "SaaS", "coaching"). */
    public Words both(String... shared) {
        return add(EnumSet.allOf(Language.class), shared);
    }

    private Words add(EnumSet<Language> languages, String... typed) {
        for (String text : typed) {
            words.add(new Word(NormalForm.of(text), languages));
        }
        return this;
    }

    List<Word> list() {
        return List.copyOf(words);
    }
}
