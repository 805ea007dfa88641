package org.despin.lm.build;

/**
 * Interpolated modified Kneser-Ney estimation (Chen and Goodman 1998; as KenLM's lmplz), in
 * memory, converted to back-off form.
 *
 * <pre>{@code
 * KneserNeyEstimator kn = new KneserNeyEstimator(4);
 * for (String[] sentence : sentences) kn.addSentence(sentence);   // words only, no <s> </s>
 * BackoffSource model = kn.estimate();
 * }</pre>
 */
public final class KneserNeyEstimator {
    private final int order;

    public KneserNeyEstimator(int order) {
        if (order < 1) {
            throw new IllegalArgumentException("order must be >= 1, got " + order);
        }
        this.order = order;
    }

    public int order() {
        return order;
    }

    /** Counts one sentence of normalised words (without {@code <s>}/{@code </s>}; they are added here). */
    public void addSentence(String[] words) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** The estimated model: n-grams of each order sorted by word strings, {@code <unk>} included. */
    public BackoffSource estimate() {
        throw new UnsupportedOperationException("not written yet");
    }
}
