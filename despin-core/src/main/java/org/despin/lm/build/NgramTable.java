package org.despin.lm.build;

import java.util.Arrays;

/**
 * The n-grams of one order as (index of the prefix n-gram in the order below, last word id),
 * numbered densely in insertion order, with an open-addressing hash from the pair to the number
 * and a raw count per n-gram. Primitive arrays only: about 20 bytes per n-gram.
 */
final class NgramTable {
    private static final int EMPTY = -1;

    int size;
    int[] context = new int[1024];
    int[] word = new int[1024];
    int[] count = new int[1024];
    private int[] slots;
    private int mask;

    NgramTable() {
        slots = new int[2048];
        Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
    }

    private static int hash(int context, int word) {
        long k = ((long) context << 32) | (word & 0xFFFFFFFFL);
        k *= 0x9E3779B97F4A7C15L;
        return (int) (k ^ (k >>> 29));
    }

    /** The number of (context, word), or -1. */
    int get(int c, int w) {
        int i = hash(c, w) & mask;
        while (true) {
            int e = slots[i];
            if (e == EMPTY) {
                return -1;
            }
            if (context[e] == c && word[e] == w) {
                return e;
            }
            i = (i + 1) & mask;
        }
    }

    /** The number of (context, word), adding it with count 0 when new. */
    int getOrAdd(int c, int w) {
        int i = hash(c, w) & mask;
        while (true) {
            int e = slots[i];
            if (e == EMPTY) {
                break;
            }
            if (context[e] == c && word[e] == w) {
                return e;
            }
            i = (i + 1) & mask;
        }
        int e = size++;
        if (e == context.length) {
            int cap = context.length + (context.length >> 1);
            context = Arrays.copyOf(context, cap);
            word = Arrays.copyOf(word, cap);
            count = Arrays.copyOf(count, cap);
        }
        context[e] = c;
        word[e] = w;
        slots[i] = e;
        if (size * 2L > slots.length) {
            rehash();
        }
        return e;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
        for (int e = 0; e < size; e++) {
            int i = hash(context[e], word[e]) & mask;
            while (slots[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            slots[i] = e;
        }
    }

    /** Bytes held, for memory accounting. */
    long bytes() {
        return 12L * context.length + 4L * slots.length;
    }

    /** Drops the hash (lookups are no longer possible) and trims the arrays. */
    void freeze() {
        slots = null;
        context = Arrays.copyOf(context, size);
        word = Arrays.copyOf(word, size);
        count = Arrays.copyOf(count, size);
    }
}
