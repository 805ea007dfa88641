package org.despin.lm;

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
    static long find(long[] data, int bits, long mask, long lo, long hi, int key, int words) {
        if (hi - lo <= SCAN) {
            return scan(data, bits, mask, lo, hi, key);
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
            long w = wordAt(data, bits, mask, pivot);
            long wBelow = wordAt(data, bits, mask, below);
            long wAbove = wordAt(data, bits, mask, above);
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
        return scan(data, bits, mask, a + 1, z, key);
    }

    /**
     * Reads the entries the first round of {@link #find} reads and returns a value made of them.
     * A caller with several searches to make touches all of them first, so that their cache
     * misses overlap instead of following one another.
     */
    static long touch(long[] data, int bits, long mask, long lo, long hi, int key, int words) {
        if (hi - lo <= SCAN) {
            return lo < hi ? wordAt(data, bits, mask, lo) : 0;
        }
        long pivot = lo + (long) ((hi - lo - 1) * ((double) (key + 1) / (words + 1)));
        long spread = Math.max(SCAN / 2, (hi - lo + 1) >>> 4);
        return wordAt(data, bits, mask, Math.max(lo, pivot - spread)) + wordAt(data, bits, mask, pivot)
                + wordAt(data, bits, mask, Math.min(hi - 1, pivot + spread));
    }

    /**
     * Reads a long of every cache line that the entries [lo, hi) lie in (lo < hi) and returns a
     * value made of them: for a range that {@link #scan} will read, so that all its lines are
     * fetched together with those of other searches.
     */
    static long touchLines(long[] data, int bits, long lo, long hi) {
        int first = (int) (lo * bits >>> 6);
        int last = (int) ((hi * bits - 1) >>> 6);
        long sink = data[last];
        for (int p = first; p < last; p += 8) {
            sink += data[p];
        }
        return sink;
    }

    /**
     * The word id of entry {@code i} (a word field of up to 57 bits, as the format allows): the 64 bits from bit {@code i * bits} of the entries,
     * {@link #bits}, masked.
     */
    static long wordAt(long[] data, int bits, long mask, long i) {
        return bits(data, i * bits) & mask;
    }

    /**
     * The 64 bits of {@code data} (the entries as little-endian longs, one long of padding after the last entry) from
     * bit {@code bit}: two heap reads in one or two cache lines (a long's shift takes the low six bits of its count: {@code
     * bit} mod 64 and 63 minus it). Under C1 (how {@code ./despin} runs the detector) this is about half the cost of an
     * unaligned {@code ByteBuffer.getLong}, which C1 does not make one read (branch speed26); kept under C1's limit for
     * inlining a call inside an inlined call (30 bytes of bytecode here), so that it is inlined where it is read.
     */
    static long bits(long[] data, long bit) {
        int i = (int) (bit >>> 6);
        return data[i] >>> bit | data[i + 1] << 1 << ~bit;
    }

    /**
     * The entry among [lo, hi) whose word is {@code key}, or -1, by a scan from lo: for short
     * ranges, whose entries share a few cache lines (the reads do not depend on one another, so
     * the lines are fetched together).
     */
    static long scan(long[] data, int bits, long mask, long lo, long hi, int key) {
        for (long i = lo; i < hi; i++) {
            long w = wordAt(data, bits, mask, i);
            if (w >= key) {
                return w == key ? i : -1;
            }
        }
        return -1;
    }
}
