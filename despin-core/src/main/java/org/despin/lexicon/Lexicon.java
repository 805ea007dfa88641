package org.despin.lexicon;

import java.util.List;
import java.util.Set;

/**
 * The reverse thesaurus: from an observed span of 1-3 normalised words to the originals a
 * spinner may have replaced with it. Immutable and thread-safe.
 */
public interface Lexicon {
    /** Longest observed span, in words, that {@link #candidates} knows. */
    int maxSpanWords();

    /**
     * Candidate originals for {@code observed} (normalised words joined by single spaces), best
     * channel weight first; empty when none.
     */
    List<Candidate> candidates(String observed);

    /**
     * Whether {@link #candidates} of {@code observed} is non-empty, without building the list: a
     * detector asks this of every word pair and triple of a text, and most are no key.
     */
    default boolean hasCandidates(String observed) {
        return !candidates(observed).isEmpty();
    }

    /**
     * False only when no key of two words or more starts with the words {@code first second} (each one normalised word):
     * then no span that starts with them has candidates, known without joining it. True may be wrong (a filter).
     */
    default boolean mayStartKey(String first, String second) {
        return true;
    }

    /**
     * Whether {@code word} (one normalised word) is an English word form the lexicon's
     * dictionary knows (any inflection, including function words and names); false when the
     * lexicon has no dictionary.
     */
    default boolean isKnownWord(String word) {
        return !wordClasses(word).isEmpty();
    }

    /** The coarse parts of speech {@code word} (one normalised word) can have; empty when unknown. */
    default Set<WordClass> wordClasses(String word) {
        return Set.of();
    }

    /**
     * How many original ids there are: every {@link Candidate#originalId()} this lexicon gives is
     * below it; 0 when its candidates carry {@link Candidate#NO_ID}.
     */
    default int originalIds() {
        return 0;
    }
}
