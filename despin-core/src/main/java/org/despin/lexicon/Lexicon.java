package org.despin.lexicon;

import java.util.List;

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
}
