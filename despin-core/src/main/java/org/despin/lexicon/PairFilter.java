package org.despin.lexicon;

/**
 * A filter of word pairs (the first two words of the multi-word keys of a table): one bit per pair, the high bits of a
 * 64-bit mix of the two words' {@link String#hashCode}s, in about {@value #BITS_PER_PAIR} bits a pair (1 - e^(-1/16):
 * ~6 % of other pairs pass). A pair it holds always passes; one it turns away starts no key. Filled while its table is
 * built, then only read (immutable once published through a final field).
 */
final class PairFilter {
    static final int BITS_PER_PAIR = 16;
    private final long[] bits;
    private final int shift;

    /** A filter sized for {@code pairs} pairs (at least one). */
    PairFilter(int pairs) {
        int n = (int) Math.min(1L << 30, Math.max(Long.SIZE, Long.highestOneBit((long) Math.max(1, pairs) * BITS_PER_PAIR - 1) << 1));
        bits = new long[n / Long.SIZE];
        shift = Long.SIZE - Integer.numberOfTrailingZeros(n);
    }

    /** Adds the pair of words whose String hashes are {@code firstHash} and {@code secondHash}. */
    void add(int firstHash, int secondHash) {
        int b = bit(firstHash, secondHash);
        bits[b >>> 6] |= 1L << b;
    }

    /** Adds the first two words of {@code key} (normalised words joined by single spaces), if it has two. */
    void addKey(String key) {
        int space = key.indexOf(' ');
        if (space < 0) {
            return;
        }
        int next = key.indexOf(' ', space + 1);
        add(key.substring(0, space).hashCode(), key.substring(space + 1, next < 0 ? key.length() : next).hashCode());
    }

    /** False only when no pair added was {@code first second} (words with a space in them always pass). */
    boolean mayHold(String first, String second) {
        int b = bit(first.hashCode(), second.hashCode());
        return (bits[b >>> 6] & 1L << b) != 0 || first.indexOf(' ') >= 0 || second.indexOf(' ') >= 0;
    }

    private int bit(int firstHash, int secondHash) {
        long x = ((long) firstHash << 32 | (secondHash & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        return (int) ((x * 0xBF58476D1CE4E5B9L) >>> shift);
    }
}
