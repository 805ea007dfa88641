package org.despin.spin;

import java.util.List;

/**
 * Where the spinner finds replacements. Keys are dictionary forms in lower case with words
 * separated by single spaces ("request", "ask for", "face"); the spinner lemmatises what it reads
 * before the lookup and re-inflects what it writes after it. Implementations are immutable and
 * thread-safe. The detector must not read the same thesaurus for headline figures (see
 * ARCHITECTURE.md, Evaluation): the default one is MyThes (despin-data
 * {@code org.despin.data.spin.MyThesThesaurus}), the detector reads Moby and WordNet.
 */
public interface SpinThesaurus {
    /** Every synonym listed for {@code key}, over all its senses, in the thesaurus's order; empty when the key is absent. */
    List<Synonym> synonyms(String key);

    /** True when {@code key} has at least one synonym. */
    default boolean contains(String key) {
        return !synonyms(key).isEmpty();
    }

    /**
     * True when the thesaurus lists {@code key} (lower case) also as a proper name ("marsh" for
     * Reginald Marsh, "helena" for the city): a capitalised occurrence is then taken for a name and
     * left alone. The default knows no names.
     */
    default boolean isName(String key) {
        return false;
    }

    /** The largest number of words in a key (the spinner tries spans up to this long, at most 3). */
    int maxKeyWords();

    /** A short label for reports ("mythes-en-us 1:7.5.0-1", "moby 1.1.2"). */
    String name();
}
