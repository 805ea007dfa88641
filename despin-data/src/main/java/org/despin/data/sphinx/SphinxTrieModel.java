package org.despin.data.sphinx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.despin.DespinException;
import org.despin.data.corpus.PackagedResource;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.NgramVisitor;
import org.despin.model.DataFormatException;

/**
 * The CMU Sphinx en-us trigram model, read directly from its binary trie ("Trie Language Model",
 * written by sphinxbase's {@code sphinx_lm_convert}); ARPA conversions of this model are known to
 * lose n-grams, so the binary file is the source.
 *
 * <p>File layout (all little-endian): the 19-byte header {@code Trie Language Model}; the order
 * (one byte); the n-gram count per order (int32 each, as declared by the source ARPA file); the
 * quantisation type (int32, 1 = 16-bit bins) and its tables (65,536 float32 each: for every order
 * from 2 a probability table, and for every order below the highest a back-off table); the
 * unigrams, {@code count+1} records of {@code (float32 prob, float32 backoff, int32 first
 * bigram)}; a bit-packed trie per order above 1; the vocabulary as NUL-terminated strings after
 * its byte length (int32). Word id = position in the vocabulary.
 *
 * <p>The trie is reversed, as in KenLM: the bigram records below unigram {@code w} are the
 * contexts {@code v} of {@code "v w"}, sorted by id, and the trigram records below bigram
 * {@code "v w"} are the words {@code u} of {@code "u v w"}. A record of a middle order is
 * {@code word id | back-off bin (16 bits) | probability bin (16 bits) | first child}, of the
 * highest order {@code word id | probability bin}, with field widths of the fewest bits that
 * hold the vocabulary size and the next order's count. Probabilities and back-offs are natural
 * logarithms in base 1.0001 (Sphinx's log base); this class converts them to log10.
 *
 * <p>The declared counts are 72,547 / 2,051,547 / 1,669,625; the trie holds 6 bigrams fewer
 * than declared (the source ARPA file must have listed them twice), so {@link #count(int)} gives
 * the stored counts (what {@link #forEach} visits) and {@link #declaredCount(int)} the header's.
 *
 * <p>Immutable and thread-safe once read.
 */
public final class SphinxTrieModel implements BackoffSource {
    /** The en-us model in the sphinx4-data jar (a dependency of despin-data). */
    public static final PackagedResource EN_US = new PackagedResource("net.sf.phat:sphinx4-data:5prealpha",
            "edu/cmu/sphinx/models/en-us/en-us.lm.bin");

    private static final String HEADER = "Trie Language Model";
    private static final int QUANT_16 = 1;
    private static final int BINS = 1 << 16;
    /** log10 of Sphinx's log base 1.0001: multiplies a stored value into log10. */
    static final double LOG10_PER_UNIT = Math.log10(1.0001);

    private final String name;
    private final int order;
    private final long[] declaredCounts;
    private final long[] storedCounts;
    private final String[] words;
    private final Map<String, Integer> ids;
    /** Unigram log10 probability and back-off, and first bigram index (count+1 entries). */
    private final float[] unigramProb;
    private final float[] unigramBackoff;
    private final int[] unigramNext;
    /** Per order 2..order: the bit-packed records, and the quantisation tables (log10). */
    private final Level[] levels;

    private SphinxTrieModel(String name, int order, long[] declaredCounts, long[] storedCounts, String[] words,
            float[] unigramProb, float[] unigramBackoff, int[] unigramNext, Level[] levels) {
        this.name = name;
        this.order = order;
        this.declaredCounts = declaredCounts;
        this.storedCounts = storedCounts;
        this.words = words;
        this.ids = new HashMap<>(words.length * 2);
        for (int i = 0; i < words.length; i++) {
            ids.put(words[i], i);
        }
        this.unigramProb = unigramProb;
        this.unigramBackoff = unigramBackoff;
        this.unigramNext = unigramNext;
        this.levels = levels;
    }

    /** Reads the en-us model from the class path. */
    public static SphinxTrieModel loadEnUs() throws DespinException {
        return read(EN_US.readAllBytes(), EN_US.path());
    }

    /**
     * Reads a model from the bytes of a binary trie file.
     *
     * @param name the file or resource name, for error messages
     */
    public static SphinxTrieModel read(byte[] file, String name) throws DataFormatException {
        return new Reader(file, name).read();
    }

    @Override
    public int order() {
        return order;
    }

    /** Number of n-grams of order {@code n} stored in the trie (what {@link #forEach} visits). */
    @Override
    public long count(int n) {
        checkOrder(n);
        return storedCounts[n - 1];
    }

    /** Number of n-grams of order {@code n} declared in the file's header. */
    public long declaredCount(int n) {
        checkOrder(n);
        return declaredCounts[n - 1];
    }

    /** The vocabulary, by word id (sorted as in the file). */
    public List<String> vocabulary() {
        return List.of(words);
    }

    /**
     * Visits the n-grams of order {@code n}: grouped by last word (in vocabulary order), then by
     * the word before it, and so on, words oldest first. {@code <s>}, {@code </s>} and
     * {@code <unk>} are named so.
     */
    @Override
    public void forEach(int n, NgramVisitor visitor) {
        checkOrder(n);
        String[] gram = new String[n];
        for (int w = 0; w < words.length; w++) {
            gram[n - 1] = words[w];
            if (n == 1) {
                visitor.visit(gram.clone(), unigramProb[w], unigramBackoff[w]);
            } else {
                visitChildren(2, n, unigramNext[w], unigramNext[w + 1], gram, visitor);
            }
        }
    }

    /** Visits the records [from, to) of order {@code depth}, which extend {@code gram} leftwards. */
    private void visitChildren(int depth, int n, long from, long to, String[] gram, NgramVisitor visitor) {
        Level level = levels[depth - 2];
        for (long i = from; i < to; i++) {
            gram[n - depth] = words[level.word(i)];
            if (depth == n) {
                visitor.visit(gram.clone(), level.prob(i), depth == order ? 0f : level.backoff(i));
            } else {
                visitChildren(depth + 1, n, level.next(i), level.next(i + 1), gram, visitor);
            }
        }
    }

    /**
     * The stored log10 probability of an n-gram (words oldest first), or NaN if the trie does not
     * hold it. No back-off: for tests and diagnostics.
     */
    public float storedLog10Prob(String... gram) {
        long at = find(gram);
        if (at < 0) {
            return Float.NaN;
        }
        return gram.length == 1 ? unigramProb[(int) at] : levels[gram.length - 2].prob(at);
    }

    /** The stored log10 back-off weight of an n-gram as a context, or NaN if it is not stored. */
    public float storedLog10Backoff(String... gram) {
        long at = find(gram);
        if (at < 0) {
            return Float.NaN;
        }
        if (gram.length == order) {
            return 0f;
        }
        return gram.length == 1 ? unigramBackoff[(int) at] : levels[gram.length - 2].backoff(at);
    }

    /** Record index of a stored n-gram (the word id for a unigram), or -1. */
    private long find(String[] gram) {
        if (gram.length < 1 || gram.length > order) {
            return -1;
        }
        Integer last = ids.get(gram[gram.length - 1]);
        if (last == null) {
            return -1;
        }
        long index = last;
        long from = unigramNext[last];
        long to = unigramNext[last + 1];
        for (int depth = 2; depth <= gram.length; depth++) {
            Integer id = ids.get(gram[gram.length - depth]);
            if (id == null) {
                return -1;
            }
            Level level = levels[depth - 2];
            index = level.search(from, to, id);
            if (index < 0) {
                return -1;
            }
            if (depth < order) {
                from = level.next(index);
                to = level.next(index + 1);
            }
        }
        return index;
    }

    private void checkOrder(int n) {
        if (n < 1 || n > order) {
            throw new IllegalArgumentException("order " + n + " outside 1.." + order + " of " + name);
        }
    }

    /** One order above 1 of the trie: fixed-width bit-packed records. */
    private static final class Level {
        private final ByteBuffer bits; // little-endian, with at least 8 bytes of padding at the end
        private final int wordBits;
        private final int backoffBits; // 16 for a middle order, 0 for the highest
        private final int nextBits; // 0 for the highest order
        private final int recordBits;
        private final float[] probTable;
        private final float[] backoffTable;

        Level(ByteBuffer bits, int wordBits, int nextBits, boolean highest, float[] probTable, float[] backoffTable) {
            this.bits = bits;
            this.wordBits = wordBits;
            this.backoffBits = highest ? 0 : 16;
            this.nextBits = highest ? 0 : nextBits;
            this.recordBits = wordBits + backoffBits + 16 + this.nextBits;
            this.probTable = probTable;
            this.backoffTable = backoffTable;
        }

        int word(long record) {
            return field(record * recordBits, wordBits);
        }

        float backoff(long record) {
            return backoffTable[field(record * recordBits + wordBits, 16)];
        }

        float prob(long record) {
            return probTable[field(record * recordBits + wordBits + backoffBits, 16)];
        }

        /** The record in [from, to) whose word is {@code id} (records are sorted by word), or -1. */
        long search(long from, long to, int id) {
            long lo = from;
            long hi = to - 1;
            while (lo <= hi) {
                long mid = (lo + hi) >>> 1;
                int w = word(mid);
                if (w < id) {
                    lo = mid + 1;
                } else if (w > id) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }

        long next(long record) {
            return field(record * recordBits + wordBits + backoffBits + 16, nextBits) & 0xffffffffL;
        }

        private int field(long bitOffset, int width) {
            long word = bits.getLong((int) (bitOffset >>> 3));
            return (int) ((word >>> (bitOffset & 7)) & ((1L << width) - 1));
        }
    }

    /** Parses the file; every size is checked against the bytes there are. */
    private static final class Reader {
        private final ByteBuffer in;
        private final String name;

        Reader(byte[] file, String name) {
            this.in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            this.name = name;
        }

        SphinxTrieModel read() throws DataFormatException {
            byte[] header = bytes(HEADER.length(), "header");
            if (!HEADER.equals(new String(header, StandardCharsets.ISO_8859_1))) {
                throw bad("not a Sphinx binary trie language model (no '" + HEADER + "' header)");
            }
            int order = in.get() & 0xff;
            if (order < 1 || order > 9) {
                throw bad("order " + order + " is not 1..9");
            }
            long[] declared = new long[order];
            for (int i = 0; i < order; i++) {
                declared[i] = int32("count of " + (i + 1) + "-grams");
                if (declared[i] < 0 || (i == 0 && declared[i] == 0)) {
                    throw bad("bad count of " + (i + 1) + "-grams: " + declared[i]);
                }
            }
            float[][] probTables = new float[order][];
            float[][] backoffTables = new float[order][];
            if (order > 1) {
                int quant = int32("quantisation type");
                if (quant != QUANT_16) {
                    throw bad("quantisation type " + quant + " is not supported (only 1, 16-bit bins)");
                }
                for (int n = 2; n <= order; n++) {
                    probTables[n - 1] = table("probability table of order " + n);
                    if (n < order) {
                        backoffTables[n - 1] = table("back-off table of order " + n);
                    }
                }
            }
            int vocab = (int) declared[0];
            float[] uniProb = new float[vocab + 1];
            float[] uniBackoff = new float[vocab + 1];
            int[] uniNext = new int[vocab + 1];
            need(12L * (vocab + 1), "unigrams");
            for (int w = 0; w <= vocab; w++) {
                uniProb[w] = toLog10(in.getFloat());
                uniBackoff[w] = toLog10(in.getFloat());
                uniNext[w] = in.getInt();
                if (uniNext[w] < 0 || (w > 0 && uniNext[w] < uniNext[w - 1])
                        || (order > 1 && uniNext[w] > declared[1])) {
                    throw bad("unigram " + w + ": first bigram " + uniNext[w] + " out of order or range");
                }
            }
            Level[] levels = new Level[Math.max(0, order - 1)];
            int wordBits = requiredBits(vocab);
            for (int n = 2; n <= order; n++) {
                boolean highest = n == order;
                int nextBits = highest ? 0 : requiredBits(declared[n]);
                long recordBits = wordBits + (highest ? 16 : 32 + nextBits);
                long size = ((1 + declared[n - 1]) * recordBits + 7) / 8 + 8;
                if (size > Integer.MAX_VALUE) {
                    throw bad(n + "-gram trie of " + size + " bytes is too large");
                }
                need(size, n + "-gram trie");
                ByteBuffer slice = in.slice(in.position(), (int) size).order(ByteOrder.LITTLE_ENDIAN);
                in.position(in.position() + (int) size);
                levels[n - 2] = new Level(slice, wordBits, nextBits, highest, probTables[n - 1], backoffTables[n - 1]);
            }
            String[] words = vocabulary(vocab);
            if (in.hasRemaining()) {
                throw bad(in.remaining() + " unexpected bytes after the vocabulary");
            }
            long[] stored = storedCounts(order, vocab, uniNext, levels, declared);
            return new SphinxTrieModel(name, order, declared, stored, words, uniProb, uniBackoff, uniNext, levels);
        }

        /** Counts the records reachable from the unigrams, checking child ranges and word ids. */
        private long[] storedCounts(int order, int vocab, int[] uniNext, Level[] levels, long[] declared)
                throws DataFormatException {
            long[] stored = new long[order];
            stored[0] = vocab;
            long from = 0;
            long to = order > 1 ? uniNext[vocab] : 0;
            if (from != uniNext[0]) {
                throw bad("the first unigram's bigrams do not start at 0");
            }
            for (int n = 2; n <= order; n++) {
                Level level = levels[n - 2];
                stored[n - 1] = to - from;
                long previousNext = -1;
                for (long i = from; i < to; i++) {
                    if (level.word(i) >= vocab) {
                        throw bad(n + "-gram record " + i + ": word id " + level.word(i) + " outside the vocabulary");
                    }
                    if (n < order) {
                        long next = level.next(i);
                        if (next < previousNext || next > declared[n]) {
                            throw bad(n + "-gram record " + i + ": child index " + next + " out of order or range");
                        }
                        previousNext = next;
                    }
                }
                if (n < order) {
                    from = level.next(from);
                    to = level.next(to);
                    if (to > declared[n] || from != 0) {
                        throw bad((n + 1) + "-gram range " + from + ".." + to + " does not fit the declared count");
                    }
                }
            }
            return stored;
        }

        private String[] vocabulary(int vocab) throws DataFormatException {
            int length = int32("vocabulary size");
            if (length <= 0) {
                throw bad("bad vocabulary size " + length);
            }
            byte[] bytes = bytes(length, "vocabulary");
            List<String> words = new ArrayList<>(vocab);
            int start = 0;
            for (int i = 0; i < length; i++) {
                if (bytes[i] == 0) {
                    words.add(wordName(new String(bytes, start, i - start, StandardCharsets.UTF_8)));
                    start = i + 1;
                }
            }
            if (words.size() != vocab || start != length) {
                throw bad("vocabulary has " + words.size() + " words, the header declares " + vocab);
            }
            if (new java.util.HashSet<>(words).size() != vocab) {
                throw bad("the vocabulary lists a word twice");
            }
            return words.toArray(new String[0]);
        }

        private float[] table(String what) throws DataFormatException {
            need(4L * BINS, what);
            float[] t = new float[BINS];
            for (int i = 0; i < BINS; i++) {
                t[i] = toLog10(in.getFloat());
            }
            return t;
        }

        private int int32(String what) throws DataFormatException {
            need(4, what);
            return in.getInt();
        }

        private byte[] bytes(int n, String what) throws DataFormatException {
            need(n, what);
            byte[] b = new byte[n];
            in.get(b);
            return b;
        }

        private void need(long n, String what) throws DataFormatException {
            if (in.remaining() < n) {
                throw bad("truncated: " + what + " needs " + n + " bytes at offset " + in.position() + ", "
                        + in.remaining() + " left");
            }
        }

        private DataFormatException bad(String problem) {
            return new DataFormatException(name, 0, problem);
        }
    }

    /** Sphinx writes {@code <UNK>} in some models; despin's models call it {@code <unk>}. */
    static String wordName(String word) {
        return word.equalsIgnoreCase("<unk>") ? "<unk>" : word;
    }

    private static float toLog10(float sphinxLog) {
        return (float) (sphinxLog * LOG10_PER_UNIT);
    }

    private static int requiredBits(long maxValue) {
        return maxValue == 0 ? 0 : 64 - Long.numberOfLeadingZeros(maxValue);
    }
}
