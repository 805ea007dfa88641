package org.despin.lm;

/**
 * Which bigrams a model may store, answered from the heap: a Bloom filter over the stored
 * (left word, word) pairs in which each pair sets and reads {@link #PROBES} bits of one 64-bit
 * word, so a query reads one cache line. "No" is certain (no false negatives); "maybe" is wrong
 * for a small share of the pairs not stored (about 1 % at 12 bits a pair), and a caller then
 * searches the model as it would without the filter. Immutable and thread-safe once built.
 *
 * <p>Why: most of the bigram searches the context pool makes find nothing (a candidate rarely
 * follows the word before it in the training text), and an unstored bigram's score is known
 * without a search, the word's own probability plus the left word's back-off weight; the filter
 * answers in the core's cache where a search waits for the mapped entries.
 */
final class BigramFilter {
    /** Bits set (and tested) per pair, all in one 64-bit word. */
    static final int PROBES = 4;
    /** The default size: bits of filter per stored bigram. */
    static final int BITS_PER_PAIR = 12;

    /** Says "maybe" to every pair: a model without a filter searches every bigram. */
    static final BigramFilter EVERY_PAIR = new BigramFilter(new long[] {-1L});

    private final long[] words;

    /** Receives the stored pairs while a filter is built. */
    interface Sink {
        void add(int left, int word);
    }

    /** The stored pairs, given to a sink one by one. */
    interface Pairs {
        void forEach(Sink sink);
    }

    private BigramFilter(long[] words) {
        this.words = words;
    }

    /**
     * A filter of {@code bitsPerPair} bits for each of {@code count} pairs (at least one word),
     * holding every pair {@code pairs} gives.
     */
    static BigramFilter of(long count, int bitsPerPair, Pairs pairs) {
        if (bitsPerPair < 1) {
            throw new IllegalArgumentException("bits per pair " + bitsPerPair);
        }
        long size = Math.max(1, (count * bitsPerPair + 63) / 64);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " pairs at " + bitsPerPair + " bits each");
        }
        long[] words = new long[(int) size];
        pairs.forEach((left, word) -> {
            long h = hash(left, word);
            words[slot(h, words.length)] |= bits(h);
        });
        return new BigramFilter(words);
    }

    /** False when the pair is certainly not among those the filter was built from. */
    boolean mayContain(int left, int word) {
        long h = hash(left, word);
        long b = bits(h);
        return (words[slot(h, words.length)] & b) == b;
    }

    /**
     * Reads the filter's word for the pair and returns it: a caller with many pairs to test reads
     * all their words first, without branches, so that their cache misses overlap.
     */
    long touch(int left, int word) {
        return words[slot(hash(left, word), words.length)];
    }

    /** Bytes of the filter. */
    long sizeBytes() {
        return 8L * words.length;
    }

    /** A 64-bit mix of the pair (the finaliser of SplitMix64 over both ids). */
    private static long hash(int left, int word) {
        long x = ((long) left << 32 | (word & 0xffffffffL)) * 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /** The word of the pair: the high 32 bits of the hash scaled to the size (no modulo). */
    private static int slot(long h, int size) {
        return (int) (((h >>> 32) * size) >>> 32);
    }

    /** The pair's bits within its word: four 6-bit fields of the hash's low half. */
    private static long bits(long h) {
        return 1L << (h & 63) | 1L << ((h >>> 6) & 63) | 1L << ((h >>> 12) & 63) | 1L << ((h >>> 18) & 63);
    }
}
