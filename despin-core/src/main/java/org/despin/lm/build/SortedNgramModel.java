package org.despin.lm.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A back-off model held on disk as one sorted file per order, the way a trie writer reads it:
 * word ids are canonical ({@code <unk> <s> </s>}, then the other words in {@link String} order),
 * the n-grams of each order are sorted by their id tuples (oldest word first) and every prefix and
 * suffix of a stored n-gram is stored too. Only the vocabulary and the unigram values are in memory.
 * What {@link StreamingKneserNeyEstimator#estimate()} returns; close it to delete its files.
 */
public final class SortedNgramModel implements BackoffSource, AutoCloseable {
    private static final int READ_BUFFER = 1 << 20;

    private final int order;
    private final String[] vocabulary;
    private final float[] unigramProb;
    private final float[] unigramBackoff;
    private final Path[] files;
    private final long[] counts;
    private final TempFiles temp;
    private final long budgetBytes;

    SortedNgramModel(String[] vocabulary, float[] unigramProb, float[] unigramBackoff, Path[] files, long[] counts,
            TempFiles temp, long budgetBytes) {
        this.order = files.length - 1;
        this.vocabulary = vocabulary;
        this.unigramProb = unigramProb;
        this.unigramBackoff = unigramBackoff;
        this.files = files;
        this.counts = counts;
        this.temp = temp;
        this.budgetBytes = budgetBytes;
    }

    @Override
    public int order() {
        return order;
    }

    /** The words by canonical id (not a copy: do not change it). */
    public String[] vocabulary() {
        return vocabulary;
    }

    /** log10 unigram probabilities by word id (not a copy). */
    public float[] unigramLog10Prob() {
        return unigramProb;
    }

    /** log10 unigram back-off weights by word id (not a copy). */
    public float[] unigramLog10Backoff() {
        return unigramBackoff;
    }

    @Override
    public long count(int n) {
        return n == 1 ? vocabulary.length : counts[n];
    }

    /** The n-grams of order {@code n >= 2}, sorted by id tuple. */
    public NgramCursor open(int n) throws IOException {
        if (n < 2 || n > order) {
            throw new IllegalArgumentException("order " + n + " of a " + order + "-gram model");
        }
        RecordFile.Reader r = new RecordFile.Reader(files[n], n + 2, READ_BUFFER, false);
        int[] words = new int[n];
        return new NgramCursor() {
            @Override
            public boolean next() throws IOException {
                if (!r.next()) {
                    return false;
                }
                System.arraycopy(r.record(), 0, words, 0, n);
                return true;
            }

            @Override
            public int[] words() {
                return words;
            }

            @Override
            public float log10Prob() {
                return Float.intBitsToFloat(r.record()[n]);
            }

            @Override
            public float log10Backoff() {
                return Float.intBitsToFloat(r.record()[n + 1]);
            }

            @Override
            public void close() throws IOException {
                r.close();
            }
        };
    }

    /**
     * The log10 probabilities (or back-off weights) of order {@code n >= 2} in ascending order,
     * sorted on disk within the memory budget.
     */
    public SortedFloats sortedValues(int n, boolean backoff) throws IOException {
        RecordSorter sorter = new RecordSorter(temp, "values" + n, 1, 1, budgetBytes, false);
        int[] key = new int[1];
        try (NgramCursor c = open(n)) {
            while (c.next()) {
                key[0] = sortable(backoff ? c.log10Backoff() : c.log10Prob());
                sorter.add(key, 0);
            }
        }
        Path file = sorter.finishToFile("sorted-values" + n);
        return () -> {
            RecordFile.Reader r = new RecordFile.Reader(file, 1, READ_BUFFER, false);
            return new SortedFloats.Cursor() {
                @Override
                public boolean next() throws IOException {
                    return r.next();
                }

                @Override
                public float value() {
                    return unsortable(r.record()[0]);
                }

                @Override
                public void close() throws IOException {
                    r.close();
                }
            };
        };
    }

    /** An int whose signed order is the order of {@link Float#compare} (-0 before +0; no NaN here). */
    static int sortable(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    static float unsortable(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7FFFFFFF));
    }

    @Override
    public void forEach(int n, NgramVisitor visitor) throws IOException {
        if (n == 1) {
            String[] gram = new String[1];
            for (int w = 0; w < vocabulary.length; w++) {
                gram[0] = vocabulary[w];
                visitor.visit(gram, unigramProb[w], unigramBackoff[w]);
            }
            return;
        }
        String[] gram = new String[n];
        try (NgramCursor c = open(n)) {
            while (c.next()) {
                for (int k = 0; k < n; k++) {
                    gram[k] = vocabulary[c.words()[k]];
                }
                visitor.visit(gram, c.log10Prob(), c.log10Backoff());
            }
        }
    }

    /** Deletes the model's files. */
    @Override
    public void close() throws IOException {
        for (int n = 2; n <= order; n++) {
            Files.deleteIfExists(files[n]);
        }
        temp.close();
    }
}
