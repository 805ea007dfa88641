package org.despin.lm.build;

import java.io.IOException;

/**
 * A back-off n-gram model as a stream of n-grams per order (ARPA semantics): what an estimator
 * produces, what a mixer combines and what the binary writer stores. Readers of foreign models
 * (the Sphinx trigram trie) implement it too.
 */
public interface BackoffSource {
    /** The highest order. */
    int order();

    /** Number of n-grams of order {@code n} (1-based). */
    long count(int n);

    /** Visits every n-gram of order {@code n}, in a deterministic order. */
    void forEach(int n, NgramVisitor visitor) throws IOException;
}
