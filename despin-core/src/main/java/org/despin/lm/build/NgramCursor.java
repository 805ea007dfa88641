package org.despin.lm.build;

import java.io.IOException;

/**
 * The n-grams of one order of a {@link SortedNgramModel} in the trie's order: word-id tuples
 * sorted lexicographically (oldest word first). The arrays are reused by every {@link #next()}.
 */
public interface NgramCursor extends AutoCloseable {
    /** Moves to the next n-gram; false at the end. */
    boolean next() throws IOException;

    /** The word ids of the current n-gram, oldest first. */
    int[] words();

    /** log10 P(last word | the others). */
    float log10Prob();

    /** log10 back-off weight (0 for the highest order and for contexts nothing follows). */
    float log10Backoff();

    @Override
    void close() throws IOException;
}
