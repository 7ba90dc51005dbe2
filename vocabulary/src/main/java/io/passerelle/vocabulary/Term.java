package io.passerelle.vocabulary;

import java.util.List;

/** A canonical entry of the vocabulary (a sector, a role, a need, a topic) and the words that name it. */
public interface Term {

    /** The stable name of the entry ({@code SOFTWARE}): what a program stores and compares. */
    String name();

    /** Every word or phrase that means this entry, in normal form with its languages; the labels included. */
    List<Word> words();
}
