package org.despin.lm;

import java.util.Arrays;

/**
 * The context of a {@link TrieLanguageModel} query: the context words the model can still use,
 * most recent first, with the back-off weight and the child range of each context suffix, so
 * the next query needs no context lookups.
 * Only as much context is kept as the model stores (KenLM's state minimisation), so two states
 * are equal exactly when the model treats their contexts alike, and a decoder may recombine them.
 */
public final class TrieState implements LmState {
    int length;
    final int[] words;      // words[0] = most recent
    final float[] backoff;  // backoff[i] = log10 back-off of the context words[i..0]
    final long[] childFrom; // children of the context words[i..0]: entries [childFrom[i], childTo[i]) of order i + 2
    final long[] childTo;
    // per-query scratch for the new context (in and out may be the same state)
    final float[] nextBackoff;
    final long[] nextFrom;
    final long[] nextTo;
    final long[] touched; // what the first round of each context's search read, read before the searches
    final long[] runFrom; // where each context's search looks: its range, or the run between two samples
    final long[] runTo;   // the end, or -1 - the end of a run between samples

    // scratch of the batch queries (scoreEach, scoreAfterEach): per query its range, key and run
    long[] batchLo = new long[0];
    long[] batchHi = new long[0];
    long[] batchRun = new long[0];
    long[] batchEnd = new long[0];
    long[] batchWordLo = new long[0];
    long[] batchWordHi = new long[0];

    /** Makes the batch scratch hold at least {@code count} queries. */
    void batch(int count) {
        if (batchLo.length < count) {
            int size = Math.max(count, 2 * batchLo.length);
            batchLo = new long[size];
            batchHi = new long[size];
            batchRun = new long[size];
            batchEnd = new long[size];
            batchWordLo = new long[size];
            batchWordHi = new long[size];
        }
    }

    TrieState(int maxContext) {
        words = new int[maxContext];
        backoff = new float[maxContext];
        childFrom = new long[maxContext];
        childTo = new long[maxContext];
        nextBackoff = new float[maxContext + 1];
        nextFrom = new long[maxContext + 1];
        nextTo = new long[maxContext + 1];
        touched = new long[maxContext];
        runFrom = new long[maxContext];
        runTo = new long[maxContext];
    }

    @Override
    public void copyFrom(LmState other) {
        TrieState o = (TrieState) other;
        int n = o.length;
        System.arraycopy(o.words, 0, words, 0, n);
        System.arraycopy(o.backoff, 0, backoff, 0, n);
        System.arraycopy(o.childFrom, 0, childFrom, 0, n);
        System.arraycopy(o.childTo, 0, childTo, 0, n);
        length = n;
    }

    @Override
    public int length() {
        return length;
    }

    /** The i-th context word, 0 = the most recent. */
    public int word(int i) {
        if (i >= length) {
            throw new IndexOutOfBoundsException(i);
        }
        return words[i];
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TrieState)) {
            return false;
        }
        TrieState s = (TrieState) o;
        return length == s.length && Arrays.equals(words, 0, length, s.words, 0, length);
    }

    @Override
    public int hashCode() {
        int h = length;
        for (int i = 0; i < length; i++) {
            h = h * 0x01000193 + words[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "TrieState" + Arrays.toString(Arrays.copyOf(words, length));
    }
}
