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
    private int[] index; // open-addressing hash of entry + 1 by tuple, built on first lookup

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
        index = null;
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

    /** Index of the tuple {@code key[from..from+n)}, or -1 (hash lookup; the index is built on first use). */
    public int find(int[] key, int from) {
        if (index == null) {
            buildIndex();
        }
        int mask = index.length - 1;
        int slot = hash(key, from) & mask;
        while (true) {
            int e = index[slot] - 1;
            if (e < 0) {
                return -1;
            }
            if (Arrays.equals(words, e * n, e * n + n, key, from, from + n)) {
                return e;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int hash(int[] key, int from) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k = 0; k < n; k++) {
            h = (h ^ key[from + k]) * 0xBF58476D1CE4E5B9L;
        }
        return (int) (h ^ (h >>> 31));
    }

    private void buildIndex() {
        int capacity = Integer.highestOneBit(Math.max(8, size * 2 + 1)) << 1;
        int[] slots = new int[capacity];
        int mask = capacity - 1;
        for (int e = 0; e < size; e++) {
            int slot = hash(words, e * n) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = e + 1;
        }
        index = slots;
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
        index = null;
    }

    private int compareEntries(int a, int b) {
        int c = compareTo(a, words, b * n);
        return c != 0 ? c : Integer.compare(a, b); // stable: earlier entry first
    }
}
