package org.despin.lm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.NgramVisitor;
import org.despin.model.DataFormatException;

/**
 * The compact language model read from a model file: a quantised, bit-packed trie (layout in
 * {@link LmFormat}) queried in place on the memory-mapped section, with state passing.
 * Immutable and thread-safe; a {@link TrieState} belongs to one thread.
 *
 * <p>A query {@code score(in, w, out)} looks w up among the children of each context suffix that
 * {@code in} holds, shortest first, until one lacks it (a longer one cannot have it then: every
 * stored n-gram's suffix is stored). The child ranges come from {@code in}, so the searches of the
 * different orders do not wait for one another's memory reads. The longest match gives the
 * probability; the back-off weights of the longer contexts come from {@code in}; the matched
 * entries give {@code out}'s context. Allocation-free.
 *
 * <p>A search in a long range of bigrams or trigrams (more than {@link Sampling#longerThan}
 * entries: the children of common words, thousands of them) first narrows the range through
 * samples made at load: the word of every 32nd entry of the order, in a heap array (0.7 MB for the
 * default model's 5.8 M bigrams and trigrams) whose hot parts stay in the core's cache. Between
 * two samples the key's run of at most 31 entries (four or five cache lines, read together) is
 * scanned, where a search of the mapped entries alone waits for two or three rounds of cache
 * misses. Any correct search finds the same entry, so the scores do not change.
 *
 * <p>By default ({@link Sampling#DEFAULT}, branch speed9) those long ranges are not sampled but
 * indexed: at load, every entry of a bigram or trigram range of more than 1,024 entries goes into
 * an open-addressing table keyed by (range start, word), an int slot holding the entry and a
 * fingerprint of its word in the bits the entry leaves (linear probing, at most half full). A lookup
 * reads its home slot (mostly one cache line) and, where the range and the fingerprint fit, the
 * entry's word in the trie (the line the query reads next anyway): exact, so the same entry is found
 * and an absent word is not, instead of the samples and the run. The default model: 872,721 bigrams
 * and 178,060 trigrams indexed in 2 M and 512 k slots, 10.5 MB of heap.
 *
 * <p>Before any search, a filter of the stored bigrams built at load (branch speed25, {@link #bigramFilter}: a blocked
 * Bloom filter of the pairs (context word, word), 4 MB of heap for the default model's 2.8 M bigrams) answers most absent
 * bigrams, about a third of the detector's queries with a context; no n-gram of a higher order can then match either,
 * so those queries read no trie line at all. Exact: the same floats and states. Since branch speed26 a context's pairs
 * hash into the blocks of its own region, laid out as its bigrams are (12 bits a bigram, 4.2 MB), so the queries after
 * one context (the context pool's, a span's candidates) read a few nearby lines.
 *
 * <p>The entries of orders 2..N are copied at load from the mapped section to heap arrays of longs (branch speed26, 63
 * MB for the default model, a bulk copy): {@code ./despin} runs the detector on C1 code, where an unaligned
 * {@code ByteBuffer.getLong} is not one read but a call chain that assembles the value from smaller reads; two reads of
 * a {@code long[]} cost about half as much, and an entry of up to 64 bits is one such read. The same bits, so the same
 * entries, floats and states.
 */
public final class TrieLanguageModel implements LanguageModel {
    private final ByteBuffer buf;
    private final int order;
    private final int vocabularySize;
    private final TrieVocabulary vocabulary;
    private final long[] count;
    // the unigrams, copied to the heap at load (16 bytes a word, one cache line for a query):
    // unigrams[2w] = back-off float bits << 32 | probability float bits, unigrams[2w + 1] = first
    // child among the bigrams; one more word closes the last range
    private final long[] unigrams;
    private final Level[] levels;  // per order n >= 2 (index n)
    private final long sampledLongerThan;
    // the hash index per order (null where there is none) and the shift that makes a slot of a hash
    private final int[][] tables;
    private final int[] tableShift;
    private final int[] entryBits; // a slot: fingerprint of the word << entryBits | entry + 1
    private final int fingerprintBits;
    /**
     * A filter of the stored bigrams (branch speed25), null when there is none: one 64-bit block per
     * hash of the pair (context word, word), three bits set in it per bigram (a blocked Bloom filter,
     * {@link #FILTER_BITS} bits a bigram, built at load in one sequential pass over the bigrams; the default model's in
     * 4.2 MB, ~2 % of absent pairs passing). The block lies in the context's own region (branch speed26:
     * {@link #filterBlock}). A pair whose bits are not all set is not
     * stored, and neither then is any longer n-gram ending in it (every stored n-gram's suffix is
     * stored), so {@link #score} and the batch queries answer from the unigram without any search of
     * the trie: the same floats and states, known from one heap read instead of a search's cache misses.
     */
    private final long[] bigramFilter;
    private final int bigramFilterBits;
    /**
     * Bits per bigram of the default filter (branch speed26: 12 in regions by context, where speed25's global hash had 8
     * rounded up to a power of two of blocks, 12 on the default model). A trigram filter as well (keyed by the context's
     * first child) and a filter of the mid-length ranges only were measured, no faster.
     */
    static final int FILTER_BITS = 12;
    /** How many samples {@link Level#runStart} walks from its guess before it binary-searches. */
    private static final int WALK = 8;

    /**
     * Which searches go through samples (see the class comment): the orders 2..{@code maxOrder}
     * keep the word of every {@code every}-th entry (a power of two), and ranges of more than
     * {@code longerThan} entries are narrowed through them. {@link #NONE} samples nothing.
     */
    record Sampling(int every, int longerThan, int maxOrder, boolean hashed, int fingerprintBits) {
        /** Measured on the default model (docs/benchmarks-lm.md): 32, 1024, bigrams and trigrams. */
        static final Sampling SAMPLED = new Sampling(32, 1024, 3);
        /** The long ranges of the bigrams and trigrams through the hash index (see {@link #hashed}). */
        static final Sampling HASHED = new Sampling(32, 1024, 3, true);
        static final Sampling DEFAULT = HASHED;
        static final Sampling NONE = new Sampling(1, Integer.MAX_VALUE, 1);

        /**
         * {@code hashed}: the ranges of more than {@code longerThan} entries of the orders
         * 2..{@code maxOrder} are not sampled but indexed at load in an open-addressing table of
         * (range start, word) -> entry, one probe (mostly one cache line) instead of a search.
         * {@code fingerprintBits}: at most this many bits of a slot hold the word's fingerprint (32:
         * all the entry leaves; fewer, down to 1, for tests: more slots then have their word read).
         */
        Sampling {
            if (Integer.bitCount(every) != 1 || longerThan < every || fingerprintBits < 1 || fingerprintBits > 32) {
                throw new IllegalArgumentException("sampling every " + every + " entries, ranges over " + longerThan);
            }
        }

        Sampling(int every, int longerThan, int maxOrder) {
            this(every, longerThan, maxOrder, false, 32);
        }

        Sampling(int every, int longerThan, int maxOrder, boolean hashed) {
            this(every, longerThan, maxOrder, hashed, 32);
        }
    }

    /** Where the entries of one order are and how their fields are packed. */
    private static final class Level {
        /** The entries, copied from the mapped section at load (branch speed26): see {@link PackedSearch#bits}. */
        final long[] data;
        final int bits;
        final long wordMask;
        final int probShift;
        final long probMask;
        final int backoffShift;
        final long backoffMask;
        final int childShift;
        final long childMask;
        final boolean rawProb;
        final boolean rawBackoff;
        final boolean oneRead; // the entry fits in one 64-bit read ({@link PackedSearch#bits}: any bit offset)
        final float[] probCodes;
        final float[] backoffCodes;
        /** samples[j] = the word of entry j << sampleShift, or null when this order is not sampled. */
        final int[] samples;
        final int sampleShift;

        Level(int at, int wordBits, int probBits, int backoffBits, int childBits, float[] probCodes,
                float[] backoffCodes, ByteBuffer b, long bytes, long entries, int sampleEvery) {
            this.data = new long[(int) (bytes >>> 3)];
            b.slice(at, (int) bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(data);
            this.bits = wordBits + probBits + backoffBits + childBits;
            this.wordMask = (1L << wordBits) - 1;
            this.probShift = wordBits;
            this.probMask = (1L << probBits) - 1;
            this.backoffShift = wordBits + probBits;
            this.backoffMask = backoffBits == 0 ? 0 : (1L << backoffBits) - 1;
            this.childShift = wordBits + probBits + backoffBits;
            this.childMask = childBits == 0 ? 0 : (1L << childBits) - 1;
            this.rawProb = probBits == 32;
            this.rawBackoff = backoffBits == 32;
            this.oneRead = bits <= 64;
            this.probCodes = probCodes;
            this.backoffCodes = backoffCodes;
            this.sampleShift = Integer.numberOfTrailingZeros(sampleEvery);
            if (sampleEvery > 1) {
                samples = new int[(int) ((entries + sampleEvery - 1) >>> sampleShift)];
                for (int j = 0; j < samples.length; j++) {
                    samples[j] = (int) PackedSearch.wordAt(data, bits, wordMask, (long) j << sampleShift);
                }
            } else {
                samples = null;
            }
        }

        /**
         * The first entry of the run between two samples where {@code key} would be among [lo, hi),
         * a range longer than the sampling step; the run ends at the next sample (or at hi). The
         * samples are on the heap, their hot parts in cache; the search starts where the key falls
         * between the range's first and last samples (interpolation, as {@link PackedSearch#find} does
         * over the vocabulary), mostly a few samples from the answer (16 samples a cache line), and
         * walks to it, or gallops when it is further.
         */
        long runStart(long lo, long hi, int key) {
            int x = guess(lo, hi, key);
            if (x < 0) {
                return lo;
            }
            int[] s = samples;
            int first = (int) ((lo + (1L << sampleShift) - 1) >>> sampleShift);
            int last = (int) ((hi - 1) >>> sampleShift);
            if (s[x] <= key) {
                int stop = Math.min(last, x + WALK);
                while (x < stop && s[x + 1] <= key) {
                    x++;
                }
                if (x == stop && x < last && s[x + 1] <= key) {
                    x = gallopUp(s, x + 1, last, key);
                }
            } else {
                int stop = Math.max(first, x - WALK);
                while (x > stop && s[x] > key) {
                    x--;
                }
                if (s[x] > key) {
                    x = gallopDown(s, first, x, key);
                }
            }
            long e = (long) x << sampleShift;
            return s[x] == key ? e : e + 1;
        }

        /**
         * Where {@link #runStart} starts looking among the samples of [lo, hi) for {@code key}: the
         * sample where the key falls between the range's first and last samples (both on the heap:
         * closer than the vocabulary's spread), or -1 when the key is below the first sample.
         */
        int guess(long lo, long hi, int key) {
            int[] s = samples;
            int first = (int) ((lo + (1L << sampleShift) - 1) >>> sampleShift); // the range's samples: first..last
            if (s[first] > key) {
                return -1;
            }
            int last = (int) ((hi - 1) >>> sampleShift);
            int low = s[first];
            int high = s[last];
            if (high <= key) {
                return last;
            }
            return first + (int) ((last - first) * ((double) (key - low) / (high - low)));
        }

        /** The first and last samples of [lo, hi), added: what {@link #guess} reads first. */
        long touchEnds(long lo, long hi) {
            return samples[(int) ((lo + (1L << sampleShift) - 1) >>> sampleShift)] + samples[(int) ((hi - 1) >>> sampleShift)];
        }

        /**
         * The last x in [a, last] with s[x] <= key, given s[a] <= key: brackets it in doubling steps from a
         * (the guess was near: most of the reads stay in the lines the walk read), then halves the bracket.
         */
        private static int gallopUp(int[] s, int a, int last, int key) {
            int step = 2 * WALK;
            int hi = a + step;
            while (hi <= last && s[hi] <= key) {
                a = hi;
                step <<= 1;
                hi = a + step;
            }
            return lastAtMost(s, a, Math.min(hi, last + 1), key);
        }

        /** The last x in [first, b) with s[x] <= key, given s[first] <= key < s[b]: as {@link #gallopUp}, downwards from b. */
        private static int gallopDown(int[] s, int first, int b, int key) {
            int step = 2 * WALK;
            int lo = b - step;
            while (lo > first && s[lo] > key) {
                b = lo;
                step <<= 1;
                lo = b - step;
            }
            return lastAtMost(s, Math.max(lo, first), b, key);
        }

        /** The last x in [a, b) with s[x] <= key, given s[a] <= key. */
        private static int lastAtMost(int[] s, int a, int b, int key) {
            int x = a;
            int y = b;
            while (y - x > 1) {
                int mid = (x + y) >>> 1;
                if (s[mid] <= key) {
                    x = mid;
                } else {
                    y = mid;
                }
            }
            return x;
        }
    }

    TrieLanguageModel(ByteBuffer section, String name) throws DataFormatException {
        this(section, name, Sampling.DEFAULT);
    }

    TrieLanguageModel(ByteBuffer section, String name, Sampling sampling) throws DataFormatException {
        this(section, name, sampling, FILTER_BITS);
    }

    /**
     * Refuses, with a message that says what to do, a model whose n-gram entries (copied to the heap at load, see
     * {@link Level#data}) would not fit in what the JVM's heap has left: a big trained model on a small default heap
     * would otherwise end in an {@code OutOfMemoryError} half way through loading.
     */
    private static void requireHeap(String name, long[] len, int order) throws DataFormatException {
        long need = 0;
        for (int n = 2; n <= order; n++) {
            need += len[4 + 3 * (n - 2) + 2];
        }
        Runtime rt = Runtime.getRuntime();
        String shortfall = heapShortfall(need, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()), rt.maxMemory());
        if (shortfall != null) {
            throw new DataFormatException(name, 0, shortfall);
        }
    }

    /** What to say when {@code need} bytes of entries do not fit in the {@code left} bytes of a {@code max}-byte heap; null when they fit. */
    static String heapShortfall(long need, long left, long max) {
        return need <= left ? null : String.format(Locale.ROOT,
                "the language model's n-grams need %d MB of heap and the JVM has %d MB left of %d MB: give it more "
                        + "(java -Xmx, or DESPIN_JAVA_OPTS=-Xmx%dm for ./despin)",
                need >> 20, left >> 20, max >> 20, Math.max(1024, 2 * (need >> 20) + 512));
    }

    /** {@code filterBits}: bits per bigram of the bigram filter (0: none; see {@link #bigramFilter}). */
    TrieLanguageModel(ByteBuffer section, String name, Sampling sampling, int filterBits) throws DataFormatException {
        this.sampledLongerThan = sampling.longerThan();
        ByteBuffer b = section.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.buf = b;
        long length = b.capacity();
        if (length < 24 || b.getLong(0) != LmFormat.MAGIC) {
            throw LmFormat.bad(name, "the 'lm' section is not a despin language model (wrong magic bytes)");
        }
        int version = b.getInt(8);
        if (version != LmFormat.VERSION) {
            throw LmFormat.bad(name, "language model format version " + version + ", this despin reads version "
                    + LmFormat.VERSION);
        }
        order = b.getInt(12);
        vocabularySize = b.getInt(16);
        int hashCapacity = b.getInt(20);
        if (order < 1 || order > LmFormat.MAX_ORDER) {
            throw LmFormat.bad(name, "language model order " + order + " is out of range");
        }
        if (vocabularySize < 3 || hashCapacity < vocabularySize || Integer.bitCount(hashCapacity) != 1) {
            throw LmFormat.bad(name, "bad vocabulary size " + vocabularySize + " or hash capacity " + hashCapacity);
        }
        int p = 24;
        count = new long[order + 2];
        for (int n = 1; n <= order; n++) {
            count[n] = b.getLong(p);
            p += 8;
            if (count[n] < 0 || count[n] > Integer.MAX_VALUE) {
                throw LmFormat.bad(name, "bad number of " + n + "-grams: " + count[n]);
            }
        }
        if (count[1] != vocabularySize) {
            throw LmFormat.bad(name, "unigram count " + count[1] + " differs from the vocabulary size " + vocabularySize);
        }
        int[][] header = new int[order + 1][];
        for (int n = 2; n <= order; n++) {
            int[] h = new int[8];
            for (int i = 0; i < 8; i++) {
                h[i] = b.getInt(p);
                p += 4;
            }
            header[n] = h;
            boolean top = n == order;
            int wb = h[0];
            int pb = h[1];
            int bb = h[2];
            int cb = h[3];
            if (wb < 1 || wb > 57 || (1L << wb) < vocabularySize || pb < 1 || pb > 32 || (top ? bb != 0 || cb != 0
                    : bb < 1 || bb > 32 || cb < 1 || cb > 57 || (1L << cb) <= count[n + 1])
                    || h[6] != wb + pb + (top ? 0 : bb + cb)) {
                throw LmFormat.bad(name, "bad field widths for the " + n + "-grams");
            }
            if (!codebookSizeOk(h[4], pb) || (!top && !codebookSizeOk(h[5], bb))) {
                throw LmFormat.bad(name, "bad codebook sizes for the " + n + "-grams");
            }
        }
        int blocks = 4 + 3 * (order - 1);
        long[] at = new long[blocks];
        long[] len = new long[blocks];
        for (int i = 0; i < blocks; i++) {
            at[i] = b.getLong(p);
            len[i] = b.getLong(p + 8);
            p += 16;
            if (at[i] < p || at[i] % 8 != 0 || len[i] < 0 || at[i] + len[i] > length) {
                throw LmFormat.bad(name, "block " + i + " of the 'lm' section lies outside it (the section is "
                        + length + " bytes)");
            }
        }
        expect(name, len[0], 4L * hashCapacity, "vocabulary hash");
        expect(name, len[1], 4L * (vocabularySize + 1), "vocabulary offsets");
        int offsetsAt = (int) at[1];
        int stringBytes = b.getInt(offsetsAt + 4 * vocabularySize);
        expect(name, len[2], stringBytes, "vocabulary strings");
        expect(name, len[3], 16L * (vocabularySize + 1), "unigrams");
        int unigramsAt = (int) at[3];
        unigrams = new long[2 * (vocabularySize + 1)];
        for (int w = 0; w <= vocabularySize; w++) {
            unigrams[2 * w] = b.getLong(unigramsAt + 16 * w); // little-endian: prob low, back-off high
            unigrams[2 * w + 1] = b.getLong(unigramsAt + 16 * w + 8);
        }
        requireHeap(name, len, order);
        levels = new Level[order + 1];
        for (int n = 2; n <= order; n++) {
            int k = 4 + 3 * (n - 2);
            boolean top = n == order;
            int[] h = header[n];
            expect(name, len[k], 4L * h[4], n + "-gram probability codebook");
            expect(name, len[k + 1], top ? 0 : 4L * h[5], n + "-gram back-off codebook");
            long entries = count[n] + (top ? 0 : 1);
            expect(name, len[k + 2], LmFormat.packedBytes(entries, h[6]), n + "-gram entries");
            levels[n] = new Level((int) at[k + 2], h[0], h[1], h[2], h[3], floats(b, (int) at[k], h[4]),
                    floats(b, (int) at[k + 1], top ? 0 : h[5]), b, len[k + 2], count[n],
                    n <= sampling.maxOrder() && !sampling.hashed() ? sampling.every() : 1);
        }
        // the last child pointer of each order must close the order above
        if (order > 1 && uniChild(vocabularySize) != count[2]) {
            throw LmFormat.bad(name, "the unigrams do not cover the bigrams");
        }
        for (int n = 2; n < order; n++) {
            if (child(levels[n], count[n]) != count[n + 1]) {
                throw LmFormat.bad(name, "the " + n + "-grams do not cover the " + (n + 1) + "-grams");
            }
        }
        vocabulary = new TrieVocabulary(b, vocabularySize, hashCapacity, (int) at[0], offsetsAt, (int) at[2]);
        fingerprintBits = sampling.fingerprintBits();
        tables = new int[order + 1][];
        tableShift = new int[order + 1];
        entryBits = new int[order + 1];
        if (sampling.hashed()) {
            for (int n = 2; n <= Math.min(order, sampling.maxOrder()); n++) {
                buildTable(n);
            }
        }
        if (order > 1 && filterBits > 0 && count[2] > 0) {
            // context c's bigrams [lo, hi) hash into the blocks [lo * bits / 64, ceil(hi * bits / 64)): its own region,
            // laid out as the bigrams are (two contexts may share the block between them)
            long[] f = new long[(int) ((count[2] * filterBits + 63) >>> 6)];
            Level level = levels[2];
            long e = 0;
            for (int c = 0; c < vocabularySize; c++) {
                long lo = e;
                long end = uniChild(c + 1);
                for (; e < end; e++) {
                    long h = filterHash(c, (int) PackedSearch.wordAt(level.data, level.bits, level.wordMask, e));
                    f[filterBlock(h, lo, end, filterBits)] |= filterMask(h);
                }
            }
            bigramFilter = f;
            bigramFilterBits = filterBits;
        } else {
            bigramFilter = null;
            bigramFilterBits = 0;
        }
    }

    /**
     * The block of a pair's hash h in the region of its context, whose bigrams are [lo, hi) (lo < hi): from the hash's
     * high 32 bits (the bits in the block come from its low 18).
     */
    static int filterBlock(long h, long lo, long hi, int filterBits) {
        long from = lo * filterBits >>> 6;
        long blocks = ((hi * filterBits + 63) >>> 6) - from;
        return (int) (from + ((h >>> 32) * blocks >>> 32));
    }

    /** A 64-bit hash of the pair (context word c, word w) for the bigram filter. */
    private static long filterHash(int c, int w) {
        long h = ((long) c << 32 | (w & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ h >>> 32;
    }

    /** The three bits of a pair's hash in its block (from the hash's low 18 bits; the block comes from its high bits). */
    private static long filterMask(long h) {
        return 1L << h | 1L << (h >>> 6) | 1L << (h >>> 12);
    }

    /**
     * False when the bigram (c, w) is not stored (then no n-gram ending in c w is); true when it may be, and
     * always without a filter.
     */
    boolean mayHoldBigram(int c, int w) {
        return mayHoldBigram(c, uniChild(c), uniChild(c + 1), w);
    }

    /** As {@link #mayHoldBigram(int, int)}, given the children [lo, hi) of c among the bigrams. */
    private boolean mayHoldBigram(int c, long lo, long hi, int w) {
        long[] f = bigramFilter;
        if (f == null) {
            return true;
        }
        if (hi <= lo) {
            return false;
        }
        // filterHash, filterMask and filterBlock written out (C1 would call each)
        long h = ((long) c << 32 | (w & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        long m = 1L << h | 1L << (h >>> 6) | 1L << (h >>> 12);
        int bits = bigramFilterBits;
        long from = lo * bits >>> 6;
        long blocks = ((hi * bits + 63) >>> 6) - from;
        return (f[(int) (from + ((h >>> 32) * blocks >>> 32))] & m) == m;
    }

    /** The bigram filter's size in bytes (0 without one). */
    long bigramFilterBytes() {
        return bigramFilter == null ? 0 : 8L * bigramFilter.length;
    }

    /**
     * The hash index of order n: every entry of a range of more than {@link #sampledLongerThan}
     * entries, keyed by (range start, word), in a table of twice to four times as many slots
     * (linear probing). A slot holds fingerprint(word) << entryBits | entry + 1, 0 when empty.
     */
    private void buildTable(int n) {
        // the long ranges first, as (start, end) pairs: one sequential pass over the parents' pointers
        long parents = n == 2 ? vocabularySize : count[n - 1];
        long[] ranges = new long[64];
        int k = 0;
        long entries = 0;
        long lo = parentFrom(n, 0);
        for (long p = 0; p < parents; p++) {
            long hi = parentFrom(n, p + 1);
            if (hi - lo > sampledLongerThan) {
                if (k == ranges.length) {
                    ranges = java.util.Arrays.copyOf(ranges, 2 * k);
                }
                ranges[k++] = lo;
                ranges[k++] = hi;
                entries += hi - lo;
            }
            lo = hi;
        }
        if (entries == 0) {
            return;
        }
        int bits = Math.max(4, 64 - Long.numberOfLeadingZeros(2 * entries - 1));
        if (bits > 30) {
            throw new IllegalStateException("hash index of " + entries + " " + n + "-grams is too large");
        }
        int[] t = new int[1 << bits];
        int shift = 64 - bits;
        int m = t.length - 1;
        // entry + 1 <= count[n] < 2^eb; the fingerprint in the bits left, or fewer (tests)
        int eb = Math.max(64 - Long.numberOfLeadingZeros(count[n]), Math.min(31, 32 - fingerprintBits));
        Level level = levels[n];
        for (int r = 0; r < k; r += 2) {
            long from = ranges[r];
            long to = ranges[r + 1];
            for (long e = from; e < to; e++) {
                int w = (int) PackedSearch.wordAt(level.data, level.bits, level.wordMask, e);
                int i = slot(from, w, shift);
                while (t[i] != 0) {
                    i = (i + 1) & m;
                }
                t[i] = fingerprint(w, eb) << eb | (int) (e + 1);
            }
        }
        tables[n] = t;
        tableShift[n] = shift;
        entryBits[n] = eb;
    }

    /** The first child (among the n-grams) of parent p: word p for the bigrams, else entry p of order n - 1. */
    long parentFrom(int n, long p) {
        return n == 2 ? uniChild((int) p) : child(levels[n - 1], p);
    }

    /** The end of the children (among the n-grams) of parent p. */
    long parentTo(int n, long p) {
        return n == 2 ? uniChild((int) p + 1) : child(levels[n - 1], p + 1);
    }

    /** The home slot of (range start lo, word w) in a table of 2^(64 - shift) slots. */
    private static int slot(long lo, int w, int shift) {
        long h = (lo * 0x9E3779B97F4A7C15L + w) * 0xBF58476D1CE4E5B9L;
        return (int) ((h ^ (h >>> 31)) * 0x94D049BB133111EBL >>> shift);
    }

    /** The 32 - eb high bits of a hash of w (none when eb is 32 or more), the slot's check before the trie is read. */
    private static int fingerprint(int w, int eb) {
        return eb >= 32 ? 0 : (w * 0x9E3779B9) >>> eb;
    }

    /**
     * The entry of w among [lo, hi) through the hash index of order n (that range is indexed), or -1.
     * A slot in the range whose fingerprint is w's has its word read from the trie (the line the
     * caller reads next): exact, and a wrong fingerprint or range costs no read.
     */
    private long probe(int n, long lo, long hi, int w) {
        int[] t = tables[n];
        int m = t.length - 1;
        int eb = entryBits[n];
        int fp = fingerprint(w, eb);
        long entryMask = (1L << eb) - 1;
        Level level = levels[n];
        int i = slot(lo, w, tableShift[n]);
        while (true) {
            int s = t[i];
            if (s == 0) {
                return -1;
            }
            long e = (s & 0xFFFFFFFFL & entryMask) - 1;
            if (e >= lo && e < hi && (eb >= 32 || s >>> eb == fp)
                    && PackedSearch.wordAt(level.data, level.bits, level.wordMask, e) == w) {
                return e;
            }
            i = (i + 1) & m;
        }
    }

    /** Whether [lo, hi) of order n is in its hash index. */
    private boolean indexed(int n, long lo, long hi) {
        return tables[n] != null && hi - lo > sampledLongerThan;
    }

    /** Entries in the hash index of order n (0 when it has none). */
    long indexedEntries(int n) {
        int[] t = tables[n];
        long k = 0;
        if (t != null) {
            for (int s : t) {
                k += s != 0 ? 1 : 0;
            }
        }
        return k;
    }

    /** Slots of the hash index of order n (0 when it has none). */
    long indexSlots(int n) {
        return tables[n] == null ? 0 : tables[n].length;
    }

    private static boolean codebookSizeOk(int size, int bits) {
        return bits == 32 ? size == 0 : size >= 1 && size <= (1 << bits);
    }

    private static void expect(String name, long actual, long expected, String what) throws DataFormatException {
        if (actual != expected) {
            throw LmFormat.bad(name, "the " + what + " block has " + actual + " bytes, expected " + expected);
        }
    }

    private static float[] floats(ByteBuffer b, int at, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = b.getFloat(at + 4 * i);
        }
        return f;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Number of stored n-grams of order {@code n}. */
    public long count(int n) {
        return count[n];
    }

    @Override
    public TrieState newState() {
        return new TrieState(Math.max(0, order - 1));
    }

    @Override
    public void beginSentence(LmState state) {
        TrieState s = (TrieState) state;
        s.length = 0;
        int bos = Vocabulary.BEGIN_SENTENCE;
        if (order > 1) {
            long from = uniChild(bos);
            long to = uniChild(bos + 1);
            float bo = uniBackoff(bos);
            if (to > from || bo != 0f) {
                s.words[0] = bos;
                s.backoff[0] = bo;
                s.childFrom[0] = from;
                s.childTo[0] = to;
                s.length = 1;
            }
        }
    }

    @Override
    public void emptyContext(LmState state) {
        ((TrieState) state).length = 0;
    }

    @Override
    public float score(LmState in, int word, LmState out) {
        TrieState s = (TrieState) in;
        TrieState o = (TrieState) out;
        int w = word >= 0 && word < vocabularySize ? word : Vocabulary.UNKNOWN;
        int contextLength = s.length;
        // no stored bigram (context word, w): no longer n-gram either, so no search can match (matched stays 1)
        int searched = contextLength > 0 && !mayHoldBigram(s.words[0], s.childFrom[0], s.childTo[0], w) ? 0 : contextLength;
        long uni = unigrams[2 * w];
        float prob = Float.intBitsToFloat((int) uni);
        int matched = 1;
        int keep = 0;
        if (order > 1) {
            // the new context's suffixes go to scratch first: in and out may be the same state
            float[] nextBackoff = o.nextBackoff;
            long[] nextFrom = o.nextFrom;
            long[] nextTo = o.nextTo;
            float bo = Float.intBitsToFloat((int) (uni >>> 32));
            long from = unigrams[2 * w + 1];
            long to = unigrams[2 * w + 3];
            nextBackoff[0] = bo;
            nextFrom[0] = from;
            nextTo[0] = to;
            if (to > from || bo != 0f) {
                keep = 1;
            }
            long[] childFrom = s.childFrom;
            long[] childTo = s.childTo;
            // read what the first round of every context's search reads first: independent
            // reads, so their cache misses overlap instead of following one another order by order;
            // a long sampled range is narrowed to its run between two samples first
            long[] touched = o.touched;
            long[] runFrom = o.runFrom;
            long[] runTo = o.runTo;
            for (int i = 0; i < searched; i++) {
                Level level = levels[i + 2];
                long lo = childFrom[i];
                long hi = childTo[i];
                if (indexed(i + 2, lo, hi)) {
                    long e = probe(i + 2, lo, hi, w);
                    long r = e >= 0 ? e : lo;
                    runFrom[i] = r;
                    runTo[i] = -1 - (e >= 0 ? e + 1 : lo); // a run of the entry itself, or an empty one
                    touched[i] = e >= 0 ? PackedSearch.wordAt(level.data, level.bits, level.wordMask, e) : 0;
                } else if (level.samples != null && hi - lo > sampledLongerThan) {
                    long r = level.runStart(lo, hi, w);
                    runFrom[i] = r;
                    runTo[i] = -1 - Math.min(hi, ((r >>> level.sampleShift) + 1) << level.sampleShift); // < 0: a run
                    touched[i] = PackedSearch.wordAt(level.data, level.bits, level.wordMask, r);
                } else {
                    runFrom[i] = lo;
                    runTo[i] = hi;
                    touched[i] = PackedSearch.touch(level.data, level.bits, level.wordMask, lo, hi, w, vocabularySize);
                }
            }
            for (int i = 0; i < searched; i++) {
                int n = i + 2;
                Level level = levels[n];
                long hi = runTo[i];
                long e = hi < 0 ? PackedSearch.scan(level.data, level.bits, level.wordMask, runFrom[i], -1 - hi, w)
                        : PackedSearch.find(level.data, level.bits, level.wordMask, runFrom[i], hi, w, vocabularySize);
                if (e < 0) {
                    break;
                }
                matched = n;
                // the whole entry in one read when it fits (up to 64 bits), PackedSearch.bits written out here and
                // for the next entry's child pointer: C1 would not inline it inside an inlined call (branch speed26)
                long[] d = level.data;
                long bit = e * level.bits;
                int x = (int) (bit >>> 6);
                long v = level.oneRead ? d[x] >>> bit | d[x + 1] << 1 << ~bit
                        : word(level, bit, level.probShift) << level.probShift;
                long pv = (v >>> level.probShift) & level.probMask;
                prob = level.rawProb ? Float.intBitsToFloat((int) pv) : level.probCodes[(int) pv];
                if (n == order) {
                    break;
                }
                long bv = (level.oneRead ? v >>> level.backoffShift : word(level, bit, level.backoffShift))
                        & level.backoffMask;
                bo = level.rawBackoff ? Float.intBitsToFloat((int) bv) : level.backoffCodes[(int) bv];
                from = (level.oneRead ? v >>> level.childShift : word(level, bit, level.childShift)) & level.childMask;
                long next = bit + level.bits + level.childShift;
                int y = (int) (next >>> 6);
                to = (d[y] >>> next | d[y + 1] << 1 << ~next) & level.childMask;
                nextBackoff[n - 1] = bo;
                nextFrom[n - 1] = from;
                nextTo[n - 1] = to;
                if (to > from || bo != 0f) {
                    keep = n;
                }
            }
        }
        // the contexts longer than the match did not predict w: their back-off weights apply
        // (summed longest first, then added, as MapLanguageModel does: same float result)
        float backoffs = 0f;
        float[] contextBackoff = s.backoff;
        for (int j = contextLength - 1; j >= matched - 1; j--) {
            backoffs += contextBackoff[j];
        }
        prob += backoffs;
        // new context: w and the words before it, as far as the model can use them
        int[] words = o.words;
        int[] context = s.words;
        for (int j = keep - 1; j >= 1; j--) {
            words[j] = context[j - 1];
        }
        if (keep > 0) {
            words[0] = w;
            // a loop, not arraycopy: these are one to four elements
            float[] nb = o.nextBackoff;
            long[] nf = o.nextFrom;
            long[] nt = o.nextTo;
            float[] ob = o.backoff;
            long[] of = o.childFrom;
            long[] ot = o.childTo;
            for (int j = 0; j < keep; j++) {
                ob[j] = nb[j];
                of[j] = nf[j];
                ot[j] = nt[j];
            }
        }
        o.length = keep;
        return prob;
    }

    /**
     * As the interface says; after a context of one word (what the bigrams answer) searches each
     * word among the context's children in stages (see {@link #searchBigrams}), then gives the
     * stored bigram's probability, or the word's own plus the context's back-off weight: the floats
     * {@link #score} gives. Longer contexts go through score.
     */
    @Override
    public void scoreEach(LmState in, int[] words, int count, float[] out, LmState scratch) {
        TrieState s = (TrieState) in;
        if (s.length != 1) {
            LanguageModel.super.scoreEach(in, words, count, out, scratch);
            return;
        }
        TrieState t = (TrieState) scratch;
        t.batch(count);
        long lo = s.childFrom[0];
        long hi = s.childTo[0];
        int c = s.words[0];
        for (int k = 0; k < count; k++) {
            t.batchLo[k] = lo;
            // a bigram the filter rules out is searched in an empty range (found nowhere, no read)
            t.batchHi[k] = mayHoldBigram(c, lo, hi, known(words[k])) ? hi : lo;
        }
        float backoff = s.backoff[0];
        searchBigrams(t, count, words, -1);
        for (int k = 0; k < count; k++) {
            long e = t.batchRun[k];
            out[k] = e >= 0 ? prob(2, e) : uniProb(known(words[k])) + backoff;
        }
    }

    /** As the interface says, through the bigrams as {@link #scoreEach} reads them. */
    @Override
    public void scoreAfterEach(int[] contexts, int count, int word, float[] out, LmState scratch) {
        int w = known(word);
        if (order == 1) {
            for (int k = 0; k < count; k++) {
                out[k] = uniProb(w);
            }
            return;
        }
        TrieState t = (TrieState) scratch;
        t.batch(count);
        for (int k = 0; k < count; k++) {
            int c = known(contexts[k]);
            long lo = uniChild(c);
            long hi = uniChild(c + 1);
            t.batchLo[k] = lo;
            t.batchHi[k] = mayHoldBigram(c, lo, hi, w) ? hi : lo;
        }
        searchBigrams(t, count, null, w);
        for (int k = 0; k < count; k++) {
            long e = t.batchRun[k];
            // a context word with no children and no back-off weight is no context (score keeps none): + 0
            out[k] = e >= 0 ? prob(2, e) : uniProb(w) + uniBackoff(known(contexts[k]));
        }
    }

    /**
     * Searches {@code count} bigram keys (words[k], or {@code word} for all when words is null) among
     * the ranges [batchLo[k], batchHi[k]) of {@code t}; the entries found (or -1) to batchRun. The same
     * searches as {@link #findIn}, so the same entries, made in stages across the queries: the ends of
     * the sampled ranges' samples, then each guess's sample, then the lines of each run or short
     * range, then the scans. Each stage's reads are independent of one another and no branch waits
     * for them, so their cache misses overlap (a search made whole, query after query, waits for its
     * misses at every comparison, and the processor cannot run ahead into the next query's reads).
     */
    private void searchBigrams(TrieState t, int count, int[] words, int word) {
        Level level = levels[2];
        long[] lo = t.batchLo;
        long[] hi = t.batchHi;
        long[] run = t.batchRun;
        long[] end = t.batchEnd;
        boolean sampled = level.samples != null;
        boolean hashed = tables[2] != null;
        long sink = 0;
        if (hashed) {
            int[] table = tables[2];
            int shift = tableShift[2];
            for (int k = 0; k < count; k++) {
                if (hi[k] - lo[k] > sampledLongerThan) {
                    sink += table[slot(lo[k], words == null ? word : known(words[k]), shift)];
                }
            }
        }
        if (sampled) {
            for (int k = 0; k < count; k++) {
                if (hi[k] - lo[k] > sampledLongerThan) {
                    sink += level.touchEnds(lo[k], hi[k]);
                }
            }
            for (int k = 0; k < count; k++) {
                if (hi[k] - lo[k] > sampledLongerThan) {
                    int x = level.guess(lo[k], hi[k], words == null ? word : known(words[k]));
                    if (x >= 0) {
                        sink += level.samples[x];
                    }
                }
            }
        }
        // then each query's run (sampled), range (short) or interpolation bracket (long, not sampled):
        // run[k] >= 0 and end[k] > run[k]: scan [run, end); end[k] == -1: interpolating in the bracket
        // (run[k], end2[k]) with words wordLo[k] < key < wordHi[k], as PackedSearch.find does
        long[] data = level.data;
        int bits = level.bits;
        long mask = level.wordMask;
        int scan = PackedSearch.SCAN;
        long[] wordLo = t.batchWordLo;
        long[] wordHi = t.batchWordHi;
        int interpolating = 0;
        for (int k = 0; k < count; k++) {
            long l = lo[k];
            long h = hi[k];
            if (hashed && h - l > sampledLongerThan) {
                long e = probe(2, l, h, words == null ? word : known(words[k]));
                run[k] = e >= 0 ? e : l;
                end[k] = e >= 0 ? e + 1 : l;
                if (e >= 0) {
                    sink += PackedSearch.touchLines(data, bits, e, e + 1);
                }
            } else if (sampled && h - l > sampledLongerThan) {
                long r = level.runStart(l, h, words == null ? word : known(words[k]));
                long e = Math.min(h, ((r >>> level.sampleShift) + 1) << level.sampleShift);
                run[k] = r;
                end[k] = e;
                sink += PackedSearch.touchLines(data, bits, r, e);
            } else if (h - l <= scan) {
                run[k] = l;
                end[k] = h;
                if (h > l) {
                    sink += PackedSearch.touchLines(data, bits, l, h);
                }
            } else {
                // the bracket's ends are virtual (word -1 below the range, the vocabulary size above it)
                run[k] = l - 1;
                wordLo[k] = -1;
                lo[k] = h; // lo holds the bracket's upper end from here on
                wordHi[k] = vocabularySize;
                end[k] = -1;
                interpolating++;
                sink += touchRound(data, bits, mask, l - 1, -1, h, vocabularySize, words == null ? word : known(words[k]));
            }
        }
        while (interpolating > 0) {
            interpolating = 0;
            for (int k = 0; k < count; k++) {
                if (end[k] != -1) {
                    continue;
                }
                int w = words == null ? word : known(words[k]);
                long a = run[k];
                long wa = wordLo[k];
                long z = lo[k];
                long wz = wordHi[k];
                // one round of PackedSearch.find: the probe and its two guards (read by the touch before)
                long pivot = a + 1 + (long) ((z - a - 2) * ((double) (w - wa) / (wz - wa)));
                long spread = Math.max(scan / 2, (z - a) >>> 4);
                long below = Math.max(a + 1, pivot - spread);
                long above = Math.min(z - 1, pivot + spread);
                long x = PackedSearch.wordAt(data, bits, mask, pivot);
                long found = -1;
                if (x < w) {
                    long xa = PackedSearch.wordAt(data, bits, mask, above);
                    if (xa > w) {
                        a = pivot;
                        wa = x;
                        z = above;
                        wz = xa;
                    } else if (xa < w) {
                        a = above;
                        wa = xa;
                    } else {
                        found = above;
                    }
                } else if (x > w) {
                    long xb = PackedSearch.wordAt(data, bits, mask, below);
                    if (xb < w) {
                        a = below;
                        wa = xb;
                        z = pivot;
                        wz = x;
                    } else if (xb > w) {
                        z = below;
                        wz = xb;
                    } else {
                        found = below;
                    }
                } else {
                    found = pivot;
                }
                if (found >= 0) {
                    run[k] = found;
                    end[k] = found + 1; // a scan of the entry itself finds it
                } else if (z - a <= scan) {
                    run[k] = a + 1;
                    end[k] = z;
                    if (z > a + 1) {
                        sink += PackedSearch.touchLines(data, bits, a + 1, z);
                    }
                } else {
                    run[k] = a;
                    wordLo[k] = wa;
                    lo[k] = z;
                    wordHi[k] = wz;
                    interpolating++;
                    sink += touchRound(data, bits, mask, a, wa, z, wz, w);
                }
            }
        }
        t.touched[0] = sink;
        for (int k = 0; k < count; k++) {
            int w = words == null ? word : known(words[k]);
            run[k] = PackedSearch.scan(data, bits, mask, run[k], end[k], w);
        }
    }

    /** What a round of {@link PackedSearch#find}'s interpolation in the bracket (a, z) reads: its probe and guards. */
    private static long touchRound(long[] data, int bits, long mask, long a, long wa, long z, long wz, int key) {
        long pivot = a + 1 + (long) ((z - a - 2) * ((double) (key - wa) / (wz - wa)));
        long spread = Math.max(PackedSearch.SCAN / 2, (z - a) >>> 4);
        return PackedSearch.wordAt(data, bits, mask, Math.max(a + 1, pivot - spread))
                + PackedSearch.wordAt(data, bits, mask, pivot)
                + PackedSearch.wordAt(data, bits, mask, Math.min(z - 1, pivot + spread));
    }

    /** The entry of {@code w} among [lo, hi) of order n, or -1: the search score makes. */
    long findIn(int n, long lo, long hi, int w) {
        Level level = levels[n];
        if (indexed(n, lo, hi)) {
            return probe(n, lo, hi, w);
        }
        if (level.samples != null && hi - lo > sampledLongerThan) {
            long r = level.runStart(lo, hi, w);
            long end = Math.min(hi, ((r >>> level.sampleShift) + 1) << level.sampleShift);
            return PackedSearch.scan(level.data, level.bits, level.wordMask, r, end, w);
        }
        return PackedSearch.find(level.data, level.bits, level.wordMask, lo, hi, w, vocabularySize);
    }

    private int known(int word) {
        return word >= 0 && word < vocabularySize ? word : Vocabulary.UNKNOWN;
    }

    @Override
    public int matchedOrder(LmState in, int word) {
        TrieState s = (TrieState) in;
        int w = word >= 0 && word < vocabularySize ? word : Vocabulary.UNKNOWN;
        int matched = 1;
        int searched = s.length > 0 && !mayHoldBigram(s.words[0], s.childFrom[0], s.childTo[0], w) ? 0 : s.length;
        // shortest context first, as score() does: a longer n-gram is stored only if its suffix is
        for (int i = 0; i < searched; i++) {
            long lo = s.childFrom[i];
            long hi = s.childTo[i];
            long e = findIn(i + 2, lo, hi, w);
            if (e < 0) {
                break;
            }
            matched = i + 2;
        }
        return matched;
    }

    /** 64 bits of entry data of {@code level} from bit {@code bit + shift} of its entries (the field in the low bits). */
    private static long word(Level level, long bit, int shift) {
        return PackedSearch.bits(level.data, bit + shift);
    }

    private long child(Level level, long e) {
        return word(level, e * level.bits, level.childShift) & level.childMask;
    }

    private float uniProb(int w) {
        return Float.intBitsToFloat((int) unigrams[2 * w]);
    }

    private float uniBackoff(int w) {
        return Float.intBitsToFloat((int) (unigrams[2 * w] >>> 32));
    }

    private long uniChild(int w) {
        return unigrams[2 * w + 1];
    }

    private float prob(int n, long e) {
        Level level = levels[n];
        long v = word(level, e * level.bits, level.probShift) & level.probMask;
        return level.rawProb ? Float.intBitsToFloat((int) v) : level.probCodes[(int) v];
    }

    private float backoff(int n, long e) {
        if (n == order) {
            return 0f;
        }
        Level level = levels[n];
        long v = word(level, e * level.bits, level.backoffShift) & level.backoffMask;
        return level.rawBackoff ? Float.intBitsToFloat((int) v) : level.backoffCodes[(int) v];
    }

    /** The word of entry e of order n. */
    int wordOf(int n, long e) {
        Level level = levels[n];
        return (int) (word(level, e * level.bits, 0) & level.wordMask);
    }

    /** Bytes of the section. */
    public long sizeBytes() {
        return buf.capacity();
    }

    /**
     * The stored model as a back-off source (dequantised values), e.g. to mix it with another
     * model. N-grams come in stored order: sorted by word ids, which follow string order after
     * {@code <unk> <s> </s>}.
     */
    public BackoffSource asBackoffSource() {
        return new BackoffSource() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public long count(int n) {
                return count[n];
            }

            @Override
            public void forEach(int n, NgramVisitor visitor) {
                String[] names = new String[vocabularySize];
                for (int i = 0; i < vocabularySize; i++) {
                    names[i] = vocabulary.word(i);
                }
                int[] path = new int[n];
                for (int w = 0; w < vocabularySize; w++) {
                    path[0] = w;
                    if (n == 1) {
                        visitor.visit(new String[] {names[w]}, uniProb(w), uniBackoff(w));
                    } else {
                        walk(2, uniChild(w), uniChild(w + 1), n, path, names, visitor);
                    }
                }
            }

            private void walk(int level, long lo, long hi, int n, int[] path, String[] names, NgramVisitor visitor) {
                for (long e = lo; e < hi; e++) {
                    path[level - 1] = wordOf(level, e);
                    if (level == n) {
                        String[] gram = new String[n];
                        for (int i = 0; i < n; i++) {
                            gram[i] = names[path[i]];
                        }
                        visitor.visit(gram, prob(n, e), backoff(n, e));
                    } else {
                        walk(level + 1, child(levels[level], e), child(levels[level], e + 1), n, path, names, visitor);
                    }
                }
            }
        };
    }
}
