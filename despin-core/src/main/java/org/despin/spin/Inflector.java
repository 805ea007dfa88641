package org.despin.spin;

import java.util.List;

/** Maps surface words to dictionary forms and back. Implementations are immutable and thread-safe. */
public interface Inflector {
    /**
     * Every plausible reading of a lower-case word as a dictionary form plus an inflection,
     * including the word itself as {@link WordForm#BASE}. Readings may name lemmas that do not
     * exist ("meete" for "meeting"); the caller keeps those its thesaurus knows.
     */
    List<Analysis> analyse(String word);

    /** {@code lemma} (one lower-case word) in {@code form}. */
    String inflect(String lemma, WordForm form);

    /**
     * One reading of a word.
     *
     * @param lemma the dictionary form
     * @param form the inflection that turns it into the word
     */
    record Analysis(String lemma, WordForm form) {
    }
}
