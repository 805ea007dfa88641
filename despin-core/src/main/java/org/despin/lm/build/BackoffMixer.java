package org.despin.lm.build;

import java.io.IOException;

/**
 * Static linear interpolation of two back-off models into one back-off model (SRILM
 * {@code -mix-lm}): the union of the n-grams, p(w|h) = λ pA(w|h) + (1-λ) pB(w|h) with each side
 * backing off by itself, and back-off weights recomputed so every context sums to one.
 */
public final class BackoffMixer {
    private BackoffMixer() {
    }

    /** The mixture {@code lambdaA * a + (1 - lambdaA) * b}; vocabulary is the union, order the larger. */
    public static BackoffSource mix(BackoffSource a, BackoffSource b, double lambdaA) throws IOException {
        throw new UnsupportedOperationException("not written yet");
    }
}
