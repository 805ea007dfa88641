package org.despin.lm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 */
public final class TrieLanguageModel implements LanguageModel {
    private final ByteBuffer buf;
    private final int order;
    private final int vocabularySize;
    private final TrieVocabulary vocabulary;
    private final long[] count;
    private final int unigramsAt;
    // per order (index n), order >= 2
    private final int[] entriesAt;
    private final int[] entryBits;
    private final int[] wordBits;
    private final long[] wordMask;
    private final int[] probShift;
    private final long[] probMask;
    private final int[] backoffShift;
    private final long[] backoffMask;
    private final int[] childShift;
    private final long[] childMask;
    private final boolean[] rawProb;
    private final boolean[] rawBackoff;
    private final float[][] probCodes;
    private final float[][] backoffCodes;

    TrieLanguageModel(ByteBuffer section, String name) throws DataFormatException {
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
        entriesAt = new int[order + 1];
        entryBits = new int[order + 1];
        wordBits = new int[order + 1];
        wordMask = new long[order + 1];
        probShift = new int[order + 1];
        probMask = new long[order + 1];
        backoffShift = new int[order + 1];
        backoffMask = new long[order + 1];
        childShift = new int[order + 1];
        childMask = new long[order + 1];
        rawProb = new boolean[order + 1];
        rawBackoff = new boolean[order + 1];
        probCodes = new float[order + 1][];
        backoffCodes = new float[order + 1][];
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
            entryBits[n] = h[6];
            wordBits[n] = wb;
            wordMask[n] = (1L << wb) - 1;
            probShift[n] = wb;
            probMask[n] = (1L << pb) - 1;
            rawProb[n] = pb == 32;
            backoffShift[n] = wb + pb;
            backoffMask[n] = top ? 0 : (1L << bb) - 1;
            rawBackoff[n] = bb == 32;
            childShift[n] = wb + pb + bb;
            childMask[n] = top ? 0 : (1L << cb) - 1;
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
        unigramsAt = (int) at[3];
        for (int n = 2; n <= order; n++) {
            int k = 4 + 3 * (n - 2);
            boolean top = n == order;
            int[] h = header[n];
            expect(name, len[k], 4L * h[4], n + "-gram probability codebook");
            expect(name, len[k + 1], top ? 0 : 4L * h[5], n + "-gram back-off codebook");
            long entries = count[n] + (top ? 0 : 1);
            expect(name, len[k + 2], LmFormat.packedBytes(entries, entryBits[n]), n + "-gram entries");
            probCodes[n] = floats(b, (int) at[k], h[4]);
            backoffCodes[n] = floats(b, (int) at[k + 1], top ? 0 : h[5]);
            entriesAt[n] = (int) at[k + 2];
        }
        // the last child pointer of each order must close the order above
        if (order > 1 && uniChild(vocabularySize) != count[2]) {
            throw LmFormat.bad(name, "the unigrams do not cover the bigrams");
        }
        for (int n = 2; n < order; n++) {
            if (child(n, count[n]) != count[n + 1]) {
                throw LmFormat.bad(name, "the " + n + "-grams do not cover the " + (n + 1) + "-grams");
            }
        }
        vocabulary = new TrieVocabulary(b, vocabularySize, hashCapacity, (int) at[0], offsetsAt, (int) at[2]);
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
        float prob = uniProb(w);
        int matched = 1;
        int keep = 0;
        if (order > 1) {
            float[] nextBackoff = o.nextBackoff;
            long[] nextFrom = o.nextFrom;
            long[] nextTo = o.nextTo;
            float bo = uniBackoff(w);
            long from = uniChild(w);
            long to = uniChild(w + 1);
            nextBackoff[0] = bo;
            nextFrom[0] = from;
            nextTo[0] = to;
            if (to > from || bo != 0f) {
                keep = 1;
            }
            long[] childFrom = s.childFrom;
            long[] childTo = s.childTo;
            for (int i = 0; i < contextLength; i++) {
                int n = i + 2;
                long e = find(n, childFrom[i], childTo[i], w);
                if (e < 0) {
                    break;
                }
                matched = n;
                long bit = e * entryBits[n];
                long v = fieldWord(n, bit, probShift[n]);
                prob = rawProb[n] ? Float.intBitsToFloat((int) (v & probMask[n])) : probCodes[n][(int) (v & probMask[n])];
                if (n == order) {
                    break;
                }
                long bv = fieldWord(n, bit, backoffShift[n]) & backoffMask[n];
                bo = rawBackoff[n] ? Float.intBitsToFloat((int) bv) : backoffCodes[n][(int) bv];
                from = fieldWord(n, bit, childShift[n]) & childMask[n];
                to = child(n, e + 1);
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
            System.arraycopy(o.nextBackoff, 0, o.backoff, 0, keep);
            System.arraycopy(o.nextFrom, 0, o.childFrom, 0, keep);
            System.arraycopy(o.nextTo, 0, o.childTo, 0, keep);
        }
        o.length = keep;
        return prob;
    }

    /**
     * Entry of order n with word {@code key} among entries [lo, hi) (sorted by word), or -1.
     * Interpolation search (word ids are spread fairly evenly over a node's children, since
     * they are numbered in string order), then binary search on the last few entries: a few
     * memory reads per level instead of log2 of the fan-out, which matters for common words
     * with thousands of children.
     */
    private long find(int n, long lo, long hi, int key) {
        int at = entriesAt[n];
        int bits = entryBits[n];
        long mask = wordMask[n];
        long last = hi - 1;
        if (lo > last) {
            return -1;
        }
        long bit = lo * bits;
        long wlo = (buf.getLong(at + (int) (bit >>> 3)) >>> (bit & 7)) & mask;
        bit = last * bits;
        long whi = (buf.getLong(at + (int) (bit >>> 3)) >>> (bit & 7)) & mask;
        while (true) {
            if (key <= wlo || key >= whi) {
                return key == wlo ? lo : key == whi ? last : -1;
            }
            if (last - lo < 8) {
                break;
            }
            // both ends are known and differ from the key: probe where the key should be
            long pivot = lo + 1 + (long) ((last - lo - 2) * ((double) (key - wlo) / (whi - wlo)));
            bit = pivot * bits;
            long w = (buf.getLong(at + (int) (bit >>> 3)) >>> (bit & 7)) & mask;
            if (w < key) {
                lo = pivot;
                wlo = w;
            } else if (w > key) {
                last = pivot;
                whi = w;
            } else {
                return pivot;
            }
        }
        for (long i = lo + 1; i < last; i++) {
            bit = i * bits;
            long w = (buf.getLong(at + (int) (bit >>> 3)) >>> (bit & 7)) & mask;
            if (w >= key) {
                return w == key ? i : -1;
            }
        }
        return -1;
    }

    /** 64 bits of entry data of order n starting at bit {@code bit + shift} of the entries (the field in the low bits). */
    private long fieldWord(int n, long bit, int shift) {
        long b = bit + shift;
        return buf.getLong(entriesAt[n] + (int) (b >>> 3)) >>> (b & 7);
    }

    private long child(int n, long e) {
        return fieldWord(n, e * entryBits[n], childShift[n]) & childMask[n];
    }

    private float uniProb(int w) {
        return buf.getFloat(unigramsAt + 16 * w);
    }

    private float uniBackoff(int w) {
        return buf.getFloat(unigramsAt + 16 * w + 4);
    }

    private long uniChild(int w) {
        return buf.getLong(unigramsAt + 16 * w + 8);
    }

    private float prob(int n, long e) {
        long v = fieldWord(n, e * entryBits[n], probShift[n]) & probMask[n];
        return rawProb[n] ? Float.intBitsToFloat((int) v) : probCodes[n][(int) v];
    }

    private float backoff(int n, long e) {
        if (n == order) {
            return 0f;
        }
        long v = fieldWord(n, e * entryBits[n], backoffShift[n]) & backoffMask[n];
        return rawBackoff[n] ? Float.intBitsToFloat((int) v) : backoffCodes[n][(int) v];
    }

    private int wordOf(int n, long e) {
        return (int) (fieldWord(n, e * entryBits[n], 0) & wordMask[n]);
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
                        walk(level + 1, child(level, e), child(level, e + 1), n, path, names, visitor);
                    }
                }
            }
        };
    }
}
