package org.despin.lm;

import java.nio.ByteBuffer;

/**
 * Search for a word id among the bit-packed trie entries of one order (see {@link LmFormat}),
 * in a range sorted by word id (the children of one context): each entry is {@code bits} wide
 * and holds its word id in its lowest {@code wordBits} bits; a sampled index holds the word id of
 * every K-th entry of the order (K = 2^shift), bit-packed {@code wordBits} wide. Immutable.
 *
 * <p>A short range (up to {@link #scan} entries, one or two cache lines) is scanned from its
 * start. A long one is searched in the index first: the samples inside it lie together in an
 * array an eighth to a sixteenth the size of the entries' word ids, which mostly stays in cache,
 * so the search reads a few lines of samples (interpolation search with guards, as before on the
 * entries themselves: word ids are numbered in string order, so they spread fairly evenly over a
 * context's children) and then one run of at most K entries. Before the index, each search in a
 * long range waited for about three rounds of cache misses in the entries (the ends, then 1.9
 * probe rounds); now it waits for one (the run), plus what the index misses.
 */
final class PackedSearch {
    /** Ranges up to this many entries are scanned (if K is not larger): about two cache lines of entries. */
    static final int SCAN = 12;
    /** Bracketed runs of up to this many samples are scanned: samples are narrow, a line holds 30 or more. */
    static final int SAMPLE_SCAN = 16;

    private final ByteBuffer buf;
    private final int at;
    private final int bits;
    private final long wordMask;
    private final int samplesAt;
    private final int wordBits;
    private final int shift;
    /** Ranges longer than this are searched through the index (at least K, so they hold a sample). */
    final int scan;
    /** 1 / the number of word ids: a key's place in the vocabulary, the first guess of its place in a range. */
    private final double perWord;

    /**
     * @param buf the section (little-endian)
     * @param at byte offset of the entries
     * @param bits bits per entry (up to 57: one unaligned 64-bit read holds an entry)
     * @param wordBits bits of the word id, the lowest of an entry
     * @param samplesAt byte offset of the sampled index
     * @param shift log2 of the sampling step
     * @param words the number of word ids (the vocabulary's size)
     */
    PackedSearch(ByteBuffer buf, int at, int bits, int wordBits, int samplesAt, int shift, int words) {
        this.buf = buf;
        this.at = at;
        this.bits = bits;
        this.wordBits = wordBits;
        this.wordMask = (1L << wordBits) - 1;
        this.samplesAt = samplesAt;
        this.shift = shift;
        this.scan = Math.max(SCAN, 1 << shift);
        this.perWord = 1.0 / words;
    }

    /** The entry among [lo, hi) whose word is {@code key}, or -1. */
    long find(long lo, long hi, int key) {
        if (hi - lo <= scan) {
            return scan(lo, hi, key);
        }
        // samples s0..s1 lie inside the range; the entries before s0's and after s1's are
        // bracketed by virtual samples s0 - 1 (below every key) and s1 + 1 (above every key)
        long s0 = (lo + (1L << shift) - 1) >>> shift;
        long s1 = (hi - 1) >>> shift;
        long a = s0 - 1;
        long wa = -1;
        long b = s1 + 1;
        // first round: where the key falls in the vocabulary (the children of a long range spread
        // over it much as the vocabulary does: on held-out text this guess is as close as one
        // from the range's ends, and needs no read of them), and a sixteenth of the range to
        // either side; three independent reads, about one cache miss, and the key is then
        // bracketed within a line or two of samples three times in four
        long pivot = Math.min(s1, s0 + (long) ((s1 - s0) * (key * perWord)));
        long spread = Math.max(SAMPLE_SCAN / 2, (s1 - s0) >>> 4);
        long below = Math.max(s0, pivot - spread);
        long above = Math.min(s1, pivot + spread);
        long wBelow = sampleAt(below);
        long w = sampleAt(pivot);
        long wAbove = sampleAt(above);
        if (wAbove <= key) {
            a = above;
            wa = wAbove;
        } else {
            b = above;
            if (w <= key) {
                a = pivot;
                wa = w;
            } else {
                b = pivot;
                if (wBelow <= key) {
                    a = below;
                    wa = wBelow;
                } else {
                    b = below;
                }
            }
        }
        // then halve the bracket (its samples are mostly on the lines just read) down to a short run
        while (b - a > SAMPLE_SCAN) {
            long mid = (a + b) >>> 1;
            long wm = sampleAt(mid);
            if (wm <= key) {
                a = mid;
                wa = wm;
            } else {
                b = mid;
            }
        }
        for (long j = a + 1; j < b; j++) {
            long wj = sampleAt(j);
            if (wj > key) {
                break;
            }
            a = j;
            wa = wj;
        }
        if (a < s0) {
            return scan(lo, s0 << shift, key);
        }
        if (wa == key) {
            return a << shift;
        }
        return scan((a << shift) + 1, Math.min(hi, (a + 1) << shift), key);
    }

    /**
     * Reads what the first round of a search of [lo, hi) for {@code key} reads, and returns a
     * value made of it. A caller with several searches to make touches all of them first, so
     * that their cache misses overlap instead of following one another.
     */
    long touch(long lo, long hi, int key) {
        if (hi - lo <= scan) {
            return lo < hi ? wordAt(lo) : 0;
        }
        long s0 = (lo + (1L << shift) - 1) >>> shift;
        long s1 = (hi - 1) >>> shift;
        long pivot = Math.min(s1, s0 + (long) ((s1 - s0) * (key * perWord)));
        long spread = Math.max(SAMPLE_SCAN / 2, (s1 - s0) >>> 4);
        return sampleAt(Math.max(s0, pivot - spread)) + sampleAt(pivot) + sampleAt(Math.min(s1, pivot + spread));
    }

    /** The entry among [from, to) (sorted) whose word is {@code key}, or -1. */
    private long scan(long from, long to, int key) {
        for (long i = from; i < to; i++) {
            long w = wordAt(i);
            if (w >= key) {
                return w == key ? i : -1;
            }
        }
        return -1;
    }

    /** The word id of entry {@code i}: one unaligned 64-bit read (entries up to 57 bits). */
    long wordAt(long i) {
        long bit = i * bits;
        return (buf.getLong(at + (int) (bit >>> 3)) >>> (bit & 7)) & wordMask;
    }

    /** The word id of entry {@code j * K}, from the index. */
    long sampleAt(long j) {
        long bit = j * wordBits;
        return (buf.getLong(samplesAt + (int) (bit >>> 3)) >>> (bit & 7)) & wordMask;
    }
}
