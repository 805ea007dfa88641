package org.despin.lm.build;

import java.util.Arrays;

/**
 * The n-grams of one order while a trie is being written: word-id tuples with their values,
 * sortable by the reversed tuple (last word first), which is the order of the reverse trie.
 * Shared by the trie writer and the mixer; not an API for other uses.
 */
public final class GramList {
    public final int n;
    public int size;
    public int[] words;
    public float[] prob;
    public float[] backoff;

    public GramList(int n, int capacity) {
        this.n = n;
        int cap = Math.max(16, capacity);
        words = new int[cap * n];
        prob = new float[cap];
        backoff = new float[cap];
    }

    public void add(int[] tuple, int from, float p, float b) {
        if (size == prob.length) {
            int cap = size + (size >> 1) + 16;
            words = Arrays.copyOf(words, cap * n);
            prob = Arrays.copyOf(prob, cap);
            backoff = Arrays.copyOf(backoff, cap);
        }
        System.arraycopy(tuple, from, words, size * n, n);
        prob[size] = p;
        backoff[size] = b;
        size++;
    }

    /** Compares entry {@code i} with the tuple {@code key[from..from+n)}, last word first. */
    public int compareTo(int i, int[] key, int from) {
        int base = i * n;
        for (int k = n - 1; k >= 0; k--) {
            int c = Integer.compare(words[base + k], key[from + k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Index of the tuple {@code key[from..from+n)} (list sorted), or -1. */
    public int find(int[] key, int from) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareTo(mid, key, from);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Sorts by reversed tuple and drops exact duplicates of a tuple (the first kept). */
    public void sortReversedAndDedupe() {
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        IndexSort.sort(idx, this::compareEntries);
        int[] w = new int[size * n];
        float[] p = new float[size];
        float[] b = new float[size];
        int m = 0;
        for (int i = 0; i < size; i++) {
            int e = idx[i];
            if (m > 0 && compareTo(e, w, (m - 1) * n) == 0) {
                continue;
            }
            System.arraycopy(words, e * n, w, m * n, n);
            p[m] = prob[e];
            b[m] = backoff[e];
            m++;
        }
        words = w;
        prob = p;
        backoff = b;
        size = m;
    }

    private int compareEntries(int a, int b) {
        int c = compareTo(a, words, b * n);
        return c != 0 ? c : Integer.compare(a, b); // stable: earlier entry first
    }
}
