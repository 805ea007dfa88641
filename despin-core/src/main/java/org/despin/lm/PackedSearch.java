package org.despin.lm;

import java.nio.ByteBuffer;

/**
 * Search for a word id among bit-packed trie entries sorted by word id (the children of one
 * context, see {@link LmFormat}): each entry is {@code bits} wide and holds its word id in its
 * lowest bits. Stateless.
 */
final class PackedSearch {
    /** Ranges up to this many entries are scanned: at most about two cache lines of entries. */
    static final int SCAN = 12;

    private PackedSearch() {
    }

    /**
     * The entry among [lo, hi) whose word is {@code key} (below {@code words}), or -1. A short
     * range is scanned from its start (neighbouring entries share cache lines; most ranges of
     * the higher orders are short). A long one is searched by interpolation (KenLM's): word ids
     * are numbered in string order, so they spread over a context's children much as over the
     * vocabulary, and a probe lands near the key, a few reads instead of log2 of the fan-out
     * for common words with thousands of children. The range's ends are not read: the search
     * starts as if an entry below it held word -1 and one above it word {@code words}, so the
     * first probe goes where the key falls in the vocabulary (on the held-out text as close as
     * a guess from the range's ends: 73 % of long searches within a sixteenth of the range,
     * either way). Each round reads two guards beside the probe as well, a sixteenth of the
     * bracket to either side: three independent reads cost about one cache miss, and the key
     * mostly ends up bracketed by two of them.
     */
    static long find(ByteBuffer buf, int at, int bits, long mask, long lo, long hi, int key, int words) {
        if (hi - lo <= SCAN) {
            return scan(buf, at, bits, mask, lo, hi, key);
        }
        // the bracket (a, z): word(a) < key < word(z), with the virtual ends lo - 1 and hi
        long a = lo - 1;
        long wa = -1;
        long z = hi;
        long wz = words;
        while (z - a > SCAN) {
            long pivot = a + 1 + (long) ((z - a - 2) * ((double) (key - wa) / (wz - wa)));
            long spread = Math.max(SCAN / 2, (z - a) >>> 4);
            long below = Math.max(a + 1, pivot - spread);
            long above = Math.min(z - 1, pivot + spread);
            long w = wordAt(buf, at, bits, mask, pivot);
            long wBelow = wordAt(buf, at, bits, mask, below);
            long wAbove = wordAt(buf, at, bits, mask, above);
            if (w < key) {
                if (wAbove > key) {
                    a = pivot;
                    wa = w;
                    z = above;
                    wz = wAbove;
                } else if (wAbove < key) {
                    a = above;
                    wa = wAbove;
                } else {
                    return above;
                }
            } else if (w > key) {
                if (wBelow < key) {
                    a = below;
                    wa = wBelow;
                    z = pivot;
                    wz = w;
                } else if (wBelow > key) {
                    z = below;
                    wz = wBelow;
                } else {
                    return below;
                }
            } else {
                return pivot;
            }
        }
        return scan(buf, at, bits, mask, a + 1, z, key);
    }

    /**
     * Reads the entries the first round of {@link #find} reads and returns a value made of them.
     * A caller with several searches to make touches all of them first, so that their cache
     * misses overlap instead of following one another.
     */
    static long touch(ByteBuffer buf, int at, int bits, long mask, long lo, long hi, int key, int words) {
        if (hi - lo <= SCAN) {
            return lo < hi ? wordAt(buf, at, bits, mask, lo) : 0;
        }
        long pivot = lo + (long) ((hi - lo - 1) * ((double) (key + 1) / (words + 1)));
        long spread = Math.max(SCAN / 2, (hi - lo + 1) >>> 4);
        return wordAt(buf, at, bits, mask, Math.max(lo, pivot - spread)) + wordAt(buf, at, bits, mask, pivot)
                + wordAt(buf, at, bits, mask, Math.min(hi - 1, pivot + spread));
    }

    /**
     * Reads a byte of every cache line that the entries [lo, hi) lie in (lo < hi) and returns a
     * value made of them: for a range that {@link #scan} will read, so that all its lines are
     * fetched together with those of other searches.
     */
    static long touchLines(ByteBuffer buf, int at, int bits, long lo, long hi) {
        long first = lo * bits >>> 3;
        long last = (hi * bits - 1) >>> 3;
        long sink = buf.get(at + (int) last);
        for (long p = first; p < last; p += 64) {
            sink += buf.get(at + (int) p);
        }
        return sink;
    }

    /** The word id of entry {@code i}: one unaligned 64-bit read (fields up to 57 bits). */
    static long wordAt(ByteBuffer buf, int at, int bits, long mask, long i) {
        long bit = i * bits;
        return (buf.getLong(at + (int) (bit >>> 3)) >>> (bit & 7)) & mask;
    }

    /**
     * The entry among [lo, hi) whose word is {@code key}, or -1, by a scan from lo: for short
     * ranges, whose entries share a few cache lines (the reads do not depend on one another, so
     * the lines are fetched together).
     */
    static long scan(ByteBuffer buf, int at, int bits, long mask, long lo, long hi, int key) {
        for (long i = lo; i < hi; i++) {
            long w = wordAt(buf, at, bits, mask, i);
            if (w >= key) {
                return w == key ? i : -1;
            }
        }
        return -1;
    }
}
