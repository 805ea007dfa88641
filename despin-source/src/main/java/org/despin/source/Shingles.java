package org.despin.source;

import java.util.Arrays;
import java.util.List;

/**
 * Word n-gram shingles hashed to 64 bits. A sequence shorter than {@code n} (but not empty) gives
 * one shingle of the whole sequence, so that a short text still has a fingerprint.
 */
public final class Shingles {
    private Shingles() {
    }

    /** The distinct shingle hashes of {@code sequence}, sorted ascending. */
    public static long[] of(List<String> sequence, int n) {
        int size = sequence.size();
        if (size == 0) {
            return new long[0];
        }
        int count = size < n ? 1 : size - n + 1;
        int width = Math.min(n, size);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = hash(sequence, i, width);
        }
        Arrays.sort(out);
        return distinctSorted(out);
    }

    /** Hash of {@code sequence[from, from + n)}: FNV-1a over the characters with a separator, then a finaliser. */
    static long hash(List<String> sequence, int from, int n) {
        long h = 0xcbf29ce484222325L;
        for (int k = from; k < from + n; k++) {
            String w = sequence.get(k);
            for (int c = 0; c < w.length(); c++) {
                h ^= w.charAt(c);
                h *= 0x100000001b3L;
            }
            h ^= 0x1f; // word separator, a character no word contains
            h *= 0x100000001b3L;
        }
        // splitmix64 finaliser: spreads the bits so that the smallest hashes are a fair sample
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /** Share of {@code query}'s shingles that are also in {@code candidate}, both sorted distinct; 0 for an empty query. */
    public static double containment(long[] query, long[] candidate) {
        if (query.length == 0) {
            return 0.0;
        }
        return (double) intersectionSize(query, candidate) / query.length;
    }

    /** Size of the intersection of two sorted distinct arrays. */
    public static int intersectionSize(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** Index term for a hash: unsigned base 36, short and free of characters an analyser would split. */
    static String term(long hash) {
        return Long.toUnsignedString(hash, 36);
    }

    private static long[] distinctSorted(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }
}
