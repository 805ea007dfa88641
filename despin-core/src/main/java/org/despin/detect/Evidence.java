package org.despin.detect;

import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;

/**
 * The positive-evidence test that keeps the detector from "normalising" rare but correct words to
 * frequent ones. A candidate original only enters the lattice when its neighbours favour it over
 * the observed words by more than its frequency does:
 *
 * <pre>
 *   gain = [log10 P(cand right | left) - log10 P(cand)] - [log10 P(obs right | left) - log10 P(obs)]
 * </pre>
 *
 * where left is up to order-1 observed words before the span (or {@code <s>}), right up to
 * order-1 words after it (and {@code </s>} when the sentence ends within reach), and P(x) the
 * phrase scored from an empty context. This is the pointwise mutual information of the span with
 * its context, candidate minus observed: a unigram-only advantage ("peace" is commoner than
 * "truce") cancels out, while a stored collocation ("the security council") shows up as a large
 * positive gain. In a back-off model an unstored n-gram contributes only its back-off weight, so a
 * positive gain means the candidate's n-grams with a neighbour are actually stored.
 *
 * <p>Per call (holds LM states); not thread-safe.
 */
final class Evidence {
    /**
     * What the context says about one candidate.
     *
     * @param gainLog10 the PMI-like gain above
     * @param contextLog10 log10 P(cand right | left) - log10 P(obs right | left): the plain LM ratio
     * @param name the span is a title-case word inside a name and the candidate passed the name gate
     */
    record Gain(double gainLog10, double contextLog10, boolean name) {
    }

    private final LanguageModel lm;
    private final int rightReach;
    private LmState[] prefix = new LmState[0];
    private final LmState a;
    private int[] ids = new int[0];
    private int[] context = new int[0];
    private int n;

    Evidence(LanguageModel lm) {
        this.lm = lm;
        this.rightReach = Math.max(1, lm.order() - 1);
        this.a = lm.newState();
    }

    /**
     * Prepares a sentence: {@code sentenceIds} are the observed words, {@code contextIds} the words
     * read as neighbours (the observed ones, or a restoration); prefix[i] = context after 0..i-1.
     */
    void sentence(int[] sentenceIds, int[] contextIds) {
        this.ids = sentenceIds;
        this.context = contextIds;
        this.n = sentenceIds.length;
        if (prefix.length < n + 1) {
            LmState[] grown = new LmState[Math.max(n + 1, prefix.length * 2)];
            System.arraycopy(prefix, 0, grown, 0, prefix.length);
            for (int i = prefix.length; i < grown.length; i++) {
                grown[i] = lm.newState();
            }
            prefix = grown;
        }
        lm.beginSentence(prefix[0]);
        for (int i = 0; i < n; i++) {
            lm.score(prefix[i], contextIds[i], prefix[i + 1]);
        }
    }

    /** log10 P(words[from..to) | observed context before {@code from}), without the right context. */
    float observedIntrinsic(int from, int to) {
        lm.emptyContext(a);
        float sum = 0;
        for (int i = from; i < to; i++) {
            sum += lm.score(a, ids[i], a);
        }
        return sum;
    }

    /** log10 P(span right | left) where the span is {@code words}, or the observed words when null. */
    float inContext(int from, int to, int[] words) {
        return inContext(from, to, words, Float.NEGATIVE_INFINITY);
    }

    /**
     * As {@link #inContext(int, int, int[])}, but gives up (returns negative infinity) when the
     * sum over the span and the first word after it is below {@code stopBelow}: a candidate that
     * far behind at its nearest neighbour does not catch up, and most candidates are.
     * {@link #partial()} then holds that first sum.
     */
    float inContext(int from, int to, int[] words, float stopBelow) {
        LmState s = a;
        s.copyFrom(prefix[from]);
        float sum = 0;
        if (words == null) {
            for (int i = from; i < to; i++) {
                sum += lm.score(s, ids[i], s);
            }
        } else {
            for (int w : words) {
                sum += lm.score(s, w, s);
            }
        }
        spanPart = sum;
        int end = Math.min(n, to + rightReach);
        for (int i = to; i < end; i++) {
            sum += lm.score(s, context[i], s);
            if (i == to) {
                partial = sum;
                if (sum < stopBelow) {
                    return Float.NEGATIVE_INFINITY;
                }
            }
        }
        if (end == n && n - to < rightReach) {
            sum += lm.score(s, Vocabulary.END_SENTENCE, s);
            if (end == to) {
                partial = sum;
            }
        }
        return sum;
    }

    private float partial;
    private float spanPart;
    private double lastContext;

    /** log10 P(span | left) of the last {@link #inContext} call: its sum before the right context. */
    float spanPart() {
        return spanPart;
    }

    /** The sum over the span and its first right neighbour of the last {@link #inContext} call. */
    float partial() {
        return partial;
    }

    /**
     * The gain (log10) of {@code c} over the observed span {@code from..to}, given the observed
     * span's own scores (computed once per span by the caller); {@link #lastContext()} then holds
     * the plain context ratio. Allocates nothing: most candidates fail the test, and those that
     * are more than {@code slack} below {@code gate} at the nearest neighbour are given up early
     * (negative infinity).
     */
    double gain(int from, int to, PreparedCandidate c, float observedInContext, float observedPartial,
            float observedIntrinsic, double gate, double slack) {
        double frequency = c.intrinsicLog10() - observedIntrinsic;
        float stop = (float) (observedPartial + frequency + gate - slack);
        float cand = inContext(from, to, c.ids(), stop);
        if (cand == Float.NEGATIVE_INFINITY) {
            lastContext = Double.NEGATIVE_INFINITY;
            return Double.NEGATIVE_INFINITY;
        }
        lastContext = cand - observedInContext;
        return lastContext - frequency;
    }

    /** The plain LM context ratio (log10) of the last {@link #gain} call. */
    double lastContext() {
        return lastContext;
    }
}
