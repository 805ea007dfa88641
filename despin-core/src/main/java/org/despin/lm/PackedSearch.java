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
     * The entry among [lo, hi) whose word is {@code key}, or -1. A short range is scanned from
     * its start (neighbouring entries share cache lines; most ranges of the higher orders are
     * short). In a long one, a key outside its two ends ends the search; otherwise interpolation
     * search (KenLM's): word ids are numbered in string order, so they spread fairly evenly over a
     * context's children and a probe lands near the key, a few reads instead of log2 of the
     * fan-out for common words with thousands of children. Each round reads two guards beside
     * the probe as well: on the benchmark text this halves the rounds of dependent reads (1.9 a
     * search instead of 3.3) for 1.7 times the reads.
     */
    static long find(ByteBuffer buf, int at, int bits, long mask, long lo, long hi, int key) {
        long head = lo < hi ? wordAt(buf, at, bits, mask, lo) : 0;
        long tail = hi - lo > SCAN ? wordAt(buf, at, bits, mask, hi - 1) : 0;
        return find(buf, at, bits, mask, lo, hi, key, head, tail);
    }

    /**
     * As {@link #find(ByteBuffer, int, int, long, long, long, int)}, with the ends already read
     * (the caller reads them for all orders first, so that their cache misses overlap):
     * {@code head} is the word of entry lo if the range is not empty, {@code tail} that of entry
     * hi - 1 if the range is longer than {@link #SCAN}.
     */
    static long find(ByteBuffer buf, int at, int bits, long mask, long lo, long hi, int key, long head, long tail) {
        if (hi - lo <= SCAN) {
            if (lo >= hi || head >= key) {
                return lo < hi && head == key ? lo : -1;
            }
            for (long i = lo + 1; i < hi; i++) {
                long w = wordAt(buf, at, bits, mask, i);
                if (w >= key) {
                    return w == key ? i : -1;
                }
            }
            return -1;
        }
        long last = hi - 1;
        long wlo = head;
        long whi = tail;
        if (key <= wlo || key >= whi) {
            return key == wlo ? lo : key == whi ? last : -1;
        }
        while (last - lo > SCAN) {
            // both ends are known and differ from the key: probe where the key should be, and a
            // sixteenth of the range to either side; the three reads are independent, so they
            // cost about one cache miss, and the key mostly ends up bracketed by two of them
            long pivot = lo + 1 + (long) ((last - lo - 2) * ((double) (key - wlo) / (whi - wlo)));
            long spread = Math.max(SCAN / 2, (last - lo) >>> 4);
            long below = Math.max(lo + 1, pivot - spread);
            long above = Math.min(last - 1, pivot + spread);
            long w = wordAt(buf, at, bits, mask, pivot);
            long wBelow = wordAt(buf, at, bits, mask, below);
            long wAbove = wordAt(buf, at, bits, mask, above);
            if (w < key) {
                if (wAbove > key) {
                    lo = pivot;
                    wlo = w;
                    last = above;
                    whi = wAbove;
                } else if (wAbove < key) {
                    lo = above;
                    wlo = wAbove;
                } else {
                    return above;
                }
            } else if (w > key) {
                if (wBelow < key) {
                    lo = below;
                    wlo = wBelow;
                    last = pivot;
                    whi = w;
                } else if (wBelow > key) {
                    last = below;
                    whi = wBelow;
                } else {
                    return below;
                }
            } else {
                return pivot;
            }
        }
        for (long i = lo + 1; i < last; i++) {
            long w = wordAt(buf, at, bits, mask, i);
            if (w >= key) {
                return w == key ? i : -1;
            }
        }
        return -1;
    }

    /** The word id of entry {@code i}: one unaligned 64-bit read (fields up to 57 bits). */
    static long wordAt(ByteBuffer buf, int at, int bits, long mask, long i) {
        long bit = i * bits;
        return (buf.getLong(at + (int) (bit >>> 3)) >>> (bit & 7)) & mask;
    }
}
