package org.despin.lm.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.despin.DespinException;
import org.despin.lm.LmFormat;
import org.despin.lm.TrieLanguageModel;
import org.despin.lm.Vocabulary;
import org.despin.model.ModelFile;

/**
 * {@link BackoffMixer}'s interpolation (the same formulas and the same values, bit for bit) for
 * models too big for the heap: {@code despin train --mix-default} mixes a user's estimate on disk
 * with the default model's trie. Only vocabulary-sized arrays are in memory; the n-grams go
 * through files.
 *
 * <p>The passes: the estimate is written as an exact trie to a temporary file (memory-mapped, so
 * it can be queried); per order, the n-grams of both sides, in union word ids, are sorted on disk
 * within the budget; then each order is read in id-tuple order beside the next one, whose n-grams
 * that extend an entry follow one another: the entry's probability is the mixture, and its back-off
 * weight comes from that run of continuations, summed in the order {@link BackoffMixer} sums them.
 * The union of two models closed under prefixes and suffixes is closed too.
 */
public final class StreamingBackoffMixer {
    private static final int BUFFER = 1 << 20;

    private StreamingBackoffMixer() {
    }

    /**
     * The mixture {@code lambdaA * a + (1 - lambdaA) * b} as a model on disk (close it to delete its
     * files); vocabulary the union, order the larger.
     *
     * @param tempDir where the temporary folder goes (null: the system's)
     * @param budgetBytes memory for each on-disk sort
     */
    public static SortedNgramModel mix(SortedNgramModel a, TrieLanguageModel b, double lambdaA, Path tempDir,
            long budgetBytes) throws IOException {
        if (!(lambdaA >= 0 && lambdaA <= 1)) {
            throw new IllegalArgumentException("mixture weight must be in [0, 1], got " + lambdaA);
        }
        TempFiles temp = new TempFiles(tempDir, "despin-mix");
        try {
            Path exact = temp.create("estimate-exact");
            try (ModelFile.Writer w = new ModelFile.Writer(exact)) {
                w.section(LmFormat.SECTION, LmFormat.section(a, LmFormat.Quantization.EXACT));
                w.finish(Map.of());
            }
            TrieLanguageModel ta;
            try {
                ta = LmFormat.read(ModelFile.open(exact));
            } catch (DespinException e) {
                throw new IOException("cannot read back the temporary model " + exact + ": " + e.getMessage(), e);
            }
            return new Mixture(a, ta, b, lambdaA, temp, budgetBytes).compute();
        } catch (IOException | RuntimeException e) {
            try {
                temp.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static final class Mixture {
        private final SortedNgramModel estimate;
        private final TrieLanguageModel tb;
        private final UnionMixture mixture;
        private final int order;
        private final String[] vocab;
        private final TempFiles temp;
        private final long budget;

        Mixture(SortedNgramModel estimate, TrieLanguageModel ta, TrieLanguageModel tb, double lambda, TempFiles temp,
                long budget) {
            this.estimate = estimate;
            this.tb = tb;
            this.mixture = new UnionMixture(ta, tb, lambda);
            this.order = mixture.order();
            this.vocab = mixture.vocabulary();
            this.temp = temp;
            this.budget = budget;
        }

        SortedNgramModel compute() throws IOException {
            Path[] union = new Path[order + 2];
            for (int n = 2; n <= order; n++) {
                union[n] = unionOfOrder(n);
            }
            int v = vocab.length;
            float[] uniProb = new float[v];
            float[] uniBackoff = new float[v];
            Path[] files = new Path[order + 1];
            long[] counts = new long[order + 1];
            int[] gram = new int[1];
            for (int w = 0; w < v; w++) {
                gram[0] = w;
                uniProb[w] = (float) Math.log10(mixed(gram, 0, 1));
            }
            if (order >= 2) {
                // the continuations of a word are the run of bigrams that start with it
                try (Distinct next = new Distinct(union[2], 2)) {
                    boolean more = next.next();
                    for (int w = 0; w < v; w++) {
                        gram[0] = w;
                        Continuations c = new Continuations();
                        while (more && next.record()[0] == w) {
                            c.add(next.record(), 2);
                            more = next.next();
                        }
                        uniBackoff[w] = c.backoff();
                    }
                    if (more) {
                        throw new IllegalStateException("a bigram's first word is outside the vocabulary");
                    }
                }
            }
            for (int n = 2; n <= order; n++) {
                files[n] = temp.create("mixed" + n);
                counts[n] = writeOrder(n, union[n], n < order ? union[n + 1] : null, files[n]);
            }
            return new SortedNgramModel(vocab, uniProb, uniBackoff, files, counts, temp, budget);
        }

        /** Writes order n's records (words, probability bits, back-off bits); returns how many. */
        private long writeOrder(int n, Path entries, Path next, Path out) throws IOException {
            long written = 0;
            int[] record = new int[n + 2];
            try (Distinct grams = new Distinct(entries, n);
                    Distinct longer = next == null ? null : new Distinct(next, n + 1);
                    RecordFile.Writer w = new RecordFile.Writer(out, n + 2, BUFFER)) {
                boolean more = longer != null && longer.next();
                while (grams.next()) {
                    int[] g = grams.record();
                    System.arraycopy(g, 0, record, 0, n);
                    record[n] = Float.floatToRawIntBits((float) Math.log10(mixed(g, 0, n)));
                    float backoff = 0f;
                    if (longer != null) {
                        Continuations c = new Continuations();
                        while (more && startsWith(longer.record(), g, n)) {
                            c.add(longer.record(), n + 1);
                            more = longer.next();
                        }
                        backoff = c.backoff();
                    }
                    record[n + 1] = Float.floatToRawIntBits(backoff);
                    w.write(record, 0);
                    written++;
                }
                if (more) {
                    throw new IllegalStateException("an " + (n + 1) + "-gram whose context is not stored");
                }
            }
            return written;
        }

        private static boolean startsWith(int[] longer, int[] prefix, int n) {
            for (int i = 0; i < n; i++) {
                if (longer[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** The sums over a context's stored continuations that its back-off weight needs. */
        private final class Continuations {
            private final int[] lower = new int[order];
            private double seen;
            private double seenLower;

            void add(int[] t, int n) {
                // the probability as stored (a float log10), as BackoffMixer sums it
                seen += Math.pow(10, (float) Math.log10(mixed(t, 0, n)));
                System.arraycopy(t, 1, lower, 0, n - 1);
                seenLower += mixed(lower, 0, n - 1);
            }

            float backoff() {
                if (seen == 0) {
                    return 0f;
                }
                return (float) Math.log10(Math.max(1 - seen, 1e-15) / Math.max(1 - seenLower, 1e-15));
            }
        }

        /** The union of both sides' n-grams of order n, in union ids, sorted on disk (duplicates kept). */
        private Path unionOfOrder(int n) throws IOException {
            RecordSorter sorter = new RecordSorter(temp, "union" + n, n, n, budget, false);
            int[] tuple = new int[n];
            if (n <= estimate.order()) {
                int[] toUnion = new int[estimate.vocabulary().length];
                for (int i = 0; i < toUnion.length; i++) {
                    toUnion[i] = unionId(estimate.vocabulary()[i], i);
                }
                try (NgramCursor c = estimate.open(n)) {
                    while (c.next()) {
                        for (int i = 0; i < n; i++) {
                            tuple[i] = toUnion[c.words()[i]];
                        }
                        sorter.add(tuple, 0);
                    }
                }
            }
            if (n <= tb.order()) {
                IOException[] failed = new IOException[1];
                tb.asBackoffSource().forEach(n, (words, p, bo) -> {
                    if (failed[0] != null) {
                        return;
                    }
                    for (int i = 0; i < words.length; i++) {
                        tuple[i] = unionId(words[i], -1);
                    }
                    try {
                        sorter.add(tuple, 0);
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                });
                if (failed[0] != null) {
                    throw failed[0];
                }
            }
            return sorter.finishToFile("union-sorted" + n);
        }

        private int unionId(String word, int reservedId) {
            switch (word) {
                case "<unk>":
                    return Vocabulary.UNKNOWN;
                case "<s>":
                    return Vocabulary.BEGIN_SENTENCE;
                case "</s>":
                    return Vocabulary.END_SENTENCE;
                default:
                    int id = Arrays.binarySearch(vocab, 3, vocab.length, word);
                    if (id < 0) {
                        throw new IllegalStateException("word outside the union vocabulary: " + word);
                    }
                    return id;
            }
        }

        private double mixed(int[] t, int from, int n) {
            return mixture.mixed(t, from, n);
        }
    }

    /** A sorted record file read with equal neighbours dropped. */
    private static final class Distinct implements AutoCloseable {
        private final RecordFile.Reader reader;
        private final int[] current;
        private boolean has;

        Distinct(Path file, int width) throws IOException {
            this.reader = new RecordFile.Reader(file, width, BUFFER, false);
            this.current = new int[width];
        }

        boolean next() throws IOException {
            while (reader.next()) {
                int[] r = reader.record();
                if (has && Arrays.equals(r, 0, current.length, current, 0, current.length)) {
                    continue;
                }
                System.arraycopy(r, 0, current, 0, current.length);
                has = true;
                return true;
            }
            return false;
        }

        int[] record() {
            return current;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
