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
    /** sameAsObserved[i]: context[i] is the observed word (everywhere in the first pass). */
    private boolean[] sameAsObserved = new boolean[0];
    private final LmState a;
    /**
     * The candidates of the last {@link #prepare}, by index: each one's LM state, span part, running
     * sum (the result once done: negative infinity when given up), early-stop line, first partial
     * sum, right scores so far and pending tail slots (rightReach + 1 places each), and whether it
     * is {@link #RUNNING}, {@link #DONE} or waits for a tail slot (the slot).
     */
    private LmState[] batch = new LmState[0];
    private PreparedCandidate[] batchOf = new PreparedCandidate[0];
    private float[] bSpan = new float[0];
    private float[] bSum = new float[0];
    private float[] bStop = new float[0];
    private float[] bPartial = new float[0];
    private int[] bScored = new int[0];
    private int[] bPending = new int[0];
    private int[] bWaits = new int[0];
    private float[] bRight = new float[0];
    private int[] bPendingSlot = new int[0];
    private int[] bPendingFrom = new int[0];
    private static final int RUNNING = -1;
    private static final int DONE = -2;
    /** slotBatch[slot] == batchStamp: a candidate of the current batch computes that tail slot. */
    private int[] slotBatch = new int[0];
    private int batchStamp;
    private int batchFrom = -1;
    private int batchTo = -1;
    private int batchCount;
    /** What the last prepare's touches read (kept so that they are made). */
    private long touched;
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
            step[i] = lm.score(prefix[i], contextIds[i], prefix[i + 1]);
            sameAsObserved[i] = contextIds[i] == sentenceIds[i];
        }
        endStep = lm.score(prefix[n], Vocabulary.END_SENTENCE, a);
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
        if (words == null && observedUnchanged(from, to)) {
            return observedFromSteps(from, to, stopBelow);
        }
        LmState s = a;
        float sum = 0;
        if (words == null) {
            sum += lm.score(prefix[from], ids[from], s);
            for (int i = from + 1; i < to; i++) {
                sum += lm.score(s, ids[i], s);
            }
        } else {
            sum = spanScore(from, words, s);
        }
        return withRightContext(to, s, sum, stopBelow);
    }

    /** log10 P(words | left context of {@code from}), the state after them in {@code s}. */
    private float spanScore(int from, int[] words, LmState s) {
        float sum = lm.score(prefix[from], words[0], s);
        for (int k = 1; k < words.length; k++) {
            sum += lm.score(s, words[k], s);
        }
        return sum;
    }

    /**
     * Tests a batch of candidates of the span {@code from..to} ahead of their {@link #gain} calls
     * (which take them by their index in {@code cs}, with the same other arguments), step by step
     * across the batch: the span parts of all candidates, then the first right neighbour of all,
     * then the next of those still going, each step's memory reads touched for every candidate
     * before any is scored, so that the cache misses of the different candidates overlap instead of
     * following one another. Per candidate the same LM calls as {@link #inContext}, summed in the
     * same order: the same floats. A candidate whose state reaches a shared tail slot (see
     * {@link #tail}) that another candidate of the batch is still computing waits for it and adds
     * its tail, as a candidate tested after it would read it from the slot.
     */
    void prepare(int from, int to, PreparedCandidate[] cs, int count, float observedPartial, float observedIntrinsic,
            double gate, double slack) {
        int width = rightReach + 1;
        if (batch.length < count) {
            int size = Math.max(count, 2 * batch.length);
            LmState[] grown = new LmState[size];
            System.arraycopy(batch, 0, grown, 0, batch.length);
            for (int k = batch.length; k < size; k++) {
                grown[k] = lm.newState();
            }
            batch = grown;
            batchOf = new PreparedCandidate[size];
            bSpan = new float[size];
            bSum = new float[size];
            bStop = new float[size];
            bPartial = new float[size];
            bScored = new int[size];
            bPending = new int[size];
            bWaits = new int[size];
            bRight = new float[size * width];
            bPendingSlot = new int[size * width];
            bPendingFrom = new int[size * width];
        }
        if (slotBatch.length != tailStamp.length) {
            slotBatch = new int[tailStamp.length];
            batchStamp = 0;
        }
        if (++batchStamp == 0) {
            java.util.Arrays.fill(slotBatch, 0);
            batchStamp = 1;
        }
        batchFrom = from;
        batchTo = to;
        batchCount = count;
        LmState left = prefix[from];
        long read = 0;
        for (int k = 0; k < count; k++) {
            read += lm.touch(left, cs[k].ids()[0]);
        }
        for (int k = 0; k < count; k++) {
            PreparedCandidate c = cs[k];
            batchOf[k] = c;
            float sum = spanScore(from, c.ids(), batch[k]);
            bSpan[k] = sum;
            bSum[k] = sum;
            double frequency = c.intrinsicLog10() - observedIntrinsic;
            bStop[k] = (float) (observedPartial + frequency + gate - slack);
            bScored[k] = 0;
            bPending[k] = 0;
            bWaits[k] = RUNNING;
        }
        int end = Math.min(n, to + rightReach);
        boolean sentenceEnd = end == n && n - to < rightReach;
        if (end == to) {
            // nothing to the right but the sentence end
            for (int k = 0; k < count && sentenceEnd; k++) {
                read += lm.touch(batch[k], Vocabulary.END_SENTENCE);
            }
            for (int k = 0; k < count; k++) {
                if (sentenceEnd) {
                    bSum[k] += lm.score(batch[k], Vocabulary.END_SENTENCE, batch[k]);
                }
                bPartial[k] = bSum[k];
                bWaits[k] = DONE;
            }
            touched = read;
            return;
        }
        int running = count;
        for (int i = to; i < end && running > 0; i++) {
            int word = context[i];
            for (int k = 0; k < count; k++) {
                if (bWaits[k] == RUNNING) {
                    read += lm.touch(batch[k], word);
                }
            }
            for (int k = 0; k < count; k++) {
                if (bWaits[k] != RUNNING) {
                    continue;
                }
                LmState s = batch[k];
                float x = lm.score(s, word, s);
                float sum = bSum[k] + x;
                bSum[k] = sum;
                bRight[k * width + bScored[k]++] = x;
                if (i == to) {
                    bPartial[k] = sum;
                    if (sum < bStop[k]) {
                        bSum[k] = Float.NEGATIVE_INFINITY;
                        bWaits[k] = DONE;
                        running--;
                        continue;
                    }
                }
                int length = s.length();
                if (length > i - to + 1) {
                    continue; // the state still holds a word of the span
                }
                int slot = ((to * rightReach) + (i - to)) * stateLengths + length;
                if (tailStamp[slot] == stamp) {
                    finish(k, slot);
                    running--;
                    continue;
                }
                if (slotBatch[slot] == batchStamp) {
                    bWaits[k] = slot; // another candidate of the batch is computing this tail
                    running--;
                    continue;
                }
                if (i + 1 == end && !sentenceEnd) {
                    continue; // an empty tail: nothing to share
                }
                slotBatch[slot] = batchStamp;
                int p = k * width + bPending[k]++;
                bPendingSlot[p] = slot;
                bPendingFrom[p] = bScored[k];
            }
        }
        if (sentenceEnd) {
            for (int k = 0; k < count; k++) {
                if (bWaits[k] == RUNNING) {
                    read += lm.touch(batch[k], Vocabulary.END_SENTENCE);
                }
            }
        }
        for (int k = 0; k < count; k++) {
            if (bWaits[k] != RUNNING) {
                continue;
            }
            if (sentenceEnd) {
                float x = lm.score(batch[k], Vocabulary.END_SENTENCE, batch[k]);
                bSum[k] += x;
                bRight[k * width + bScored[k]++] = x;
            }
            fill(k, -1);
            bWaits[k] = DONE;
        }
        // the waiting candidates, once the tails they wait for are filled (each waits for a slot of a
        // later step than any slot it computes itself, so every round finishes some)
        boolean waiting = true;
        while (waiting) {
            waiting = false;
            for (int k = 0; k < count; k++) {
                int slot = bWaits[k];
                if (slot >= 0) {
                    if (tailStamp[slot] == stamp) {
                        finish(k, slot);
                    } else {
                        waiting = true;
                    }
                }
            }
        }
        touched = read;
    }

    /** Candidate k of the batch adds the tail of {@code slot} and fills its own pending slots. */
    private void finish(int k, int slot) {
        int base = slot * rightReach;
        int count = tailCount[slot];
        float sum = bSum[k];
        for (int j = 0; j < count; j++) {
            sum += tail[base + j];
        }
        bSum[k] = sum;
        fill(k, slot);
        bWaits[k] = DONE;
    }

    /** {@link #fill(int, int, int)} for candidate k of the batch. */
    private void fill(int k, int hit) {
        int width = rightReach + 1;
        for (int p = 0; p < bPending[k]; p++) {
            fillSlot(bPendingSlot[k * width + p], bRight, k * width + bPendingFrom[k * width + p], k * width + bScored[k], hit);
        }
    }

    /** The right context after a span's part {@code sum}, from the state {@code s} after the span (which it changes). */
    private float withRightContext(int to, LmState s, float sum, float stopBelow) {
        spanPart = sum;
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
                if (sum < stopBelow) {
                    return Float.NEGATIVE_INFINITY;
                }
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
            fillSlot(pendingSlot[p], rightScores, pendingFrom[p], scored, hit);
        }
    }

    /** Records the tail of {@code slot}: {@code scores[from..to)}, then {@code hit}'s tail (unless -1). */
    private void fillSlot(int slot, float[] scores, int from, int to, int hit) {
        int base = slot * rightReach;
        int count = 0;
        for (int k = from; k < to; k++) {
            tail[base + count++] = scores[k];
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
            sum += step[i];
        }
        spanPart = sum;
        int end = Math.min(n, to + rightReach);
        for (int i = to; i < end; i++) {
            sum += step[i];
            if (i == to) {
                partial = sum;
                if (sum < stopBelow) {
                    return Float.NEGATIVE_INFINITY;
                }
            }
        }
        if (end == n && n - to < rightReach) {
            sum += endStep;
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
        return gain(from, to, c, observedInContext, observedPartial, observedIntrinsic, gate, slack, -1);
    }

    /**
     * As {@link #gain(int, int, PreparedCandidate, float, float, float, double, double)}, for the
     * candidate {@code prepared} of the last {@link #prepare} of this span (-1: not prepared). A
     * prepared candidate is tested once.
     */
    double gain(int from, int to, PreparedCandidate c, float observedInContext, float observedPartial,
            float observedIntrinsic, double gate, double slack, int prepared) {
        double frequency = c.intrinsicLog10() - observedIntrinsic;
        float stop = (float) (observedPartial + frequency + gate - slack);
        float cand;
        if (prepared >= 0) {
            if (from != batchFrom || to != batchTo || prepared >= batchCount || batchOf[prepared] != c) {
                throw new IllegalStateException("candidate " + prepared + " of " + from + ".." + to + " was not prepared");
            }
            cand = bSum[prepared];
            spanPart = bSpan[prepared];
            partial = bPartial[prepared];
        } else {
            cand = inContext(from, to, c.ids(), stop);
        }
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
