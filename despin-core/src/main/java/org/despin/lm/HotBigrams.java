package org.despin.lm;

/**
 * The likeliest bigrams of a {@link TrieLanguageModel} whose first word has a long child range,
 * in a small open-addressing hash from (w1, w2) to the bigram's entry: a query of a hot bigram
 * reads one slot (a table small enough to stay in the core's own cache) and then its entry,
 * instead of searching a range of thousands of entries in rounds of cache misses. Built at load
 * from the entries, ranked by the joint probability P(w1) P(w2 | w1), which text follows
 * (Zipf): "of the", "in the", ". </s>". Immutable.
 */
final class HotBigrams {
    private final long[] table; // (w1 << wordBits | w2) << entryBits | (entry + 1); 0 = empty
    private final int mask;
    private final int wordBits;
    private final int entryBits;
    private final long entryMask;

    private HotBigrams(long[] table, int wordBits, int entryBits) {
        this.table = table;
        this.mask = table.length - 1;
        this.wordBits = wordBits;
        this.entryBits = entryBits;
        this.entryMask = (1L << entryBits) - 1;
    }

    /** What the table is built from: the bigrams, each with its entry and log10 P(w1) + log10 P(w2 | w1). */
    interface Bigrams {
        /** Calls {@code visitor} for every bigram whose first word has more than {@code minChildren} children. */
        void forEach(int minChildren, Visitor visitor);
    }

    interface Visitor {
        void visit(int w1, int w2, long entry, float jointLog10);
    }

    /**
     * The {@code size} likeliest bigrams of {@code bigrams} (fewer where the threshold falls
     * among ties), or null if the keys do not fit in 64 bits.
     */
    static HotBigrams build(Bigrams bigrams, int vocabularySize, long bigramCount, int size, int minChildren) {
        int wordBits = 64 - Long.numberOfLeadingZeros(vocabularySize);
        int entryBits = 64 - Long.numberOfLeadingZeros(bigramCount + 1);
        if (2 * wordBits + entryBits > 64 || size <= 0) {
            return null;
        }
        // a histogram of the joint probabilities in hundredths of a log10 unit, then the threshold
        int buckets = 2000;
        long[] histogram = new long[buckets];
        bigrams.forEach(minChildren, (w1, w2, e, joint) -> histogram[bucket(joint, buckets)]++);
        int threshold = buckets;
        long taken = 0;
        while (threshold > 0 && taken + histogram[threshold - 1] <= size) {
            taken += histogram[--threshold];
        }
        if (taken == 0) {
            return null;
        }
        long[] table = new long[Integer.highestOneBit((int) taken * 2 - 1) * 2];
        HotBigrams hot = new HotBigrams(table, wordBits, entryBits);
        int from = threshold;
        bigrams.forEach(minChildren, (w1, w2, e, joint) -> {
            if (bucket(joint, buckets) >= from) {
                hot.put(w1, w2, e);
            }
        });
        return hot;
    }

    private static int bucket(float log10, int buckets) {
        return (int) Math.max(0, Math.min(buckets - 1, buckets + Math.floor(log10 * 100)));
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    private void put(int w1, int w2, long entry) {
        long key = (long) w1 << wordBits | w2;
        int i = slot(key);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = key << entryBits | (entry + 1);
    }

    /** The entry of bigram (w1, w2) if the table holds it, else -1 (it may still be stored in the trie). */
    long find(int w1, int w2) {
        long key = (long) w1 << wordBits | w2;
        long[] t = table;
        int i = slot(key);
        while (true) {
            long v = t[i];
            if (v == 0) {
                return -1;
            }
            if (v >>> entryBits == key) {
                return (v & entryMask) - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Number of slots. */
    int capacity() {
        return table.length;
    }
}
