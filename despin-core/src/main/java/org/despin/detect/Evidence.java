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
    /** States hold 0..order-1 words. */
    private final int stateLengths;
    private LmState[] prefix = new LmState[0];
    /** step[i] = log10 P(context[i] | prefix[i]): the context path's own scores, computed once per sentence. */
    private float[] step = new float[0];
    /** log10 P(</s> | prefix[n]). */
    private float endStep;
    /** How many of step (and prefix beyond the first) the current sentence has made; whether endStep is made. */
    private int stepsReady;
    private boolean endReady;
    /** sameAsObserved[i]: context[i] is the observed word (everywhere in the first pass). */
    private boolean[] sameAsObserved = new boolean[0];
    private final LmState a;
    private int[] ids = new int[0];
    private int[] context = new int[0];
    private int n;
    /**
     * Right-context tails shared by the candidates of a span and by spans that end at the same
     * word. After a span ending at {@code to} and its right neighbours up to position k, the LM
     * state of length L holds the words k-L+1..k; when those are all right-context words
     * (L <= k - to + 1) the state, and so every later score, no longer depends on the span: the
     * scores of positions k+1..end-1 (and {@code </s>}) are the same for every candidate that
     * reaches that state. Slot ((to * rightReach + k - to) * stateLengths + L) holds them,
     * valid when its stamp is the sentence's.
     */
    private float[] tail = new float[0];
    private byte[] tailCount = new byte[0];
    private int[] tailStamp = new int[0];
    private int stamp;
    /** Scratch of one inContext call: its right-context scores, and the slots to fill from them. */
    private final float[] rightScores;
    private final int[] pendingSlot;
    private final int[] pendingFrom;

    Evidence(LanguageModel lm) {
        this.lm = lm;
        this.rightReach = Math.max(1, lm.order() - 1);
        this.stateLengths = Math.max(1, lm.order());
        this.a = lm.newState();
        this.rightScores = new float[rightReach + 1];
        this.pendingSlot = new int[rightReach + 1];
        this.pendingFrom = new int[rightReach + 1];
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
            int size = Math.max(n + 1, prefix.length * 2);
            LmState[] grown = new LmState[size];
            System.arraycopy(prefix, 0, grown, 0, prefix.length);
            for (int i = prefix.length; i < grown.length; i++) {
                grown[i] = lm.newState();
            }
            prefix = grown;
            step = new float[size];
            sameAsObserved = new boolean[size];
            int slots = size * rightReach * stateLengths;
            tail = new float[slots * rightReach];
            tailCount = new byte[slots];
            tailStamp = new int[slots];
        }
        if (++stamp == 0) { // wrapped: forget every slot
            java.util.Arrays.fill(tailStamp, 0);
            stamp = 1;
        }
        lm.beginSentence(prefix[0]);
        for (int i = 0; i < n; i++) {
            sameAsObserved[i] = contextIds[i] == sentenceIds[i];
        }
        // the context path's states and scores are made as far as a span reads them (branch deep22: a deepening
        // tests a few spans, often none near the sentence's end); the same calls in the same order, so the same floats
        stepsReady = 0;
        endReady = false;
    }

    /** prefix[0..i] and step[0..i-1] made (each state from the one before: the same floats as made all at once). */
    private LmState prefix(int i) {
        while (stepsReady < i) {
            step[stepsReady] = lm.score(prefix[stepsReady], context[stepsReady], prefix[stepsReady + 1]);
            stepsReady++;
        }
        return prefix[i];
    }

    /** step[i], made if not yet. */
    private float step(int i) {
        prefix(i + 1);
        return step[i];
    }

    /** log10 P(</s> | prefix[n]), made if not yet. */
    private float endStep() {
        if (!endReady) {
            endStep = lm.score(prefix(n), Vocabulary.END_SENTENCE, a);
            endReady = true;
        }
        return endStep;
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

    /** log10 P(word) from an empty context. */
    float unigram(int word) {
        lm.emptyContext(a);
        return lm.score(a, word, a);
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
     *
     * <p>The sums are the same floats, added in the same order, as scoring the span and its right
     * context word by word from the left context: the observed span reads the sentence's own
     * scores when it stands in the context unchanged, and right-context tails come from the shared
     * slots (see {@link #tail}) once the LM state no longer holds a word of the span.
     */
    float inContext(int from, int to, int[] words, float stopBelow) {
        return inContext(from, to, words, stopBelow, false);
    }

    /**
     * As {@link #inContext(int, int, int[], float)}; with {@code everyWord} the sum is tested against
     * {@code stopBelow} after every word (of the span and of its right context), not only after the first
     * right neighbour: each later word only adds a log probability (at most 0), so a sum already below
     * {@code stopBelow} stays below it, and the call gives up without changing what passes a bound of the
     * whole sum.
     */
    float inContext(int from, int to, int[] words, float stopBelow, boolean everyWord) {
        if (words == null && observedUnchanged(from, to)) {
            return observedFromSteps(from, to, stopBelow);
        }
        LmState s = a;
        float sum = 0;
        if (words == null) {
            sum += lm.score(prefix(from), ids[from], s);
            for (int i = from + 1; i < to; i++) {
                sum += lm.score(s, ids[i], s);
            }
        } else {
            sum += lm.score(prefix(from), words[0], s);
            for (int k = 1; k < words.length; k++) {
                if (everyWord && sum < stopBelow) {
                    return Float.NEGATIVE_INFINITY;
                }
                sum += lm.score(s, words[k], s);
            }
        }
        spanPart = sum;
        if (everyWord && sum < stopBelow) {
            return Float.NEGATIVE_INFINITY;
        }
        int end = Math.min(n, to + rightReach);
        boolean sentenceEnd = end == n && n - to < rightReach;
        if (end == to) {
            // nothing to the right but the sentence end
            if (sentenceEnd) {
                sum += lm.score(s, Vocabulary.END_SENTENCE, s);
            }
            partial = sum;
            return sum;
        }
        int scored = 0;
        int pending = 0;
        for (int i = to; i < end; i++) {
            float x = lm.score(s, context[i], s);
            sum += x;
            rightScores[scored++] = x;
            if (i == to) {
                partial = sum;
            }
            if ((i == to || everyWord) && sum < stopBelow) {
                return Float.NEGATIVE_INFINITY;
            }
            int length = s.length();
            if (length > i - to + 1) {
                continue; // the state still holds a word of the span
            }
            int slot = ((to * rightReach) + (i - to)) * stateLengths + length;
            if (tailStamp[slot] == stamp) {
                int base = slot * rightReach;
                int count = tailCount[slot];
                for (int k = 0; k < count; k++) {
                    sum += tail[base + k];
                }
                fill(pending, scored, slot);
                return sum;
            }
            if (i + 1 == end && !sentenceEnd) {
                continue; // an empty tail: nothing to share
            }
            pendingSlot[pending] = slot;
            pendingFrom[pending++] = scored;
        }
        if (sentenceEnd) {
            float x = lm.score(s, Vocabulary.END_SENTENCE, s);
            sum += x;
            rightScores[scored++] = x;
        }
        fill(pending, scored, -1);
        return sum;
    }

    /** Records the tails of this call's pending slots: its right scores from each slot's position on, then {@code hit}'s. */
    private void fill(int pending, int scored, int hit) {
        for (int p = 0; p < pending; p++) {
            int slot = pendingSlot[p];
            int base = slot * rightReach;
            int count = 0;
            for (int k = pendingFrom[p]; k < scored; k++) {
                tail[base + count++] = rightScores[k];
            }
            if (hit >= 0) {
                int hitBase = hit * rightReach;
                for (int k = 0; k < tailCount[hit]; k++) {
                    tail[base + count++] = tail[hitBase + k];
                }
            }
            tailCount[slot] = (byte) count;
            tailStamp[slot] = stamp;
        }
    }

    private boolean observedUnchanged(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!sameAsObserved[i]) {
                return false;
            }
        }
        return true;
    }

    /** The observed span in an unchanged context: the sentence's own scores, summed in the same order. */
    private float observedFromSteps(int from, int to, float stopBelow) {
        float sum = 0;
        for (int i = from; i < to; i++) {
            sum += step(i);
        }
        spanPart = sum;
        int end = Math.min(n, to + rightReach);
        for (int i = to; i < end; i++) {
            sum += step(i);
            if (i == to) {
                partial = sum;
                if (sum < stopBelow) {
                    return Float.NEGATIVE_INFINITY;
                }
            }
        }
        if (end == n && n - to < rightReach) {
            sum += endStep();
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

    /**
     * The context ratio (log10) of {@code c} over the observed span, log10 P(c right | left) - log10 P(obs right |
     * left) (what {@link #lastContext()} then holds too), or negative infinity once the candidate's running sum
     * shows that it is below {@code contextBelow}: every word scored later only lowers the sum (a bound, not a
     * guess: whatever would reach {@code contextBelow} is computed in full, to the same float).
     */
    double context(int from, int to, PreparedCandidate c, float observedInContext, double contextBelow) {
        float stop = contextBelow == Double.NEGATIVE_INFINITY ? Float.NEGATIVE_INFINITY
                : (float) (observedInContext + contextBelow - STOP_MARGIN);
        float cand = inContext(from, to, c.ids(), stop, true);
        lastContext = cand == Float.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : cand - observedInContext;
        return lastContext;
    }

    /** log10: the bound of {@link #context} stops this far below its exact value (float rounding of the sums). */
    private static final double STOP_MARGIN = 1e-3;

    /** The plain LM context ratio (log10) of the last {@link #gain} call. */
    double lastContext() {
        return lastContext;
    }
}
