package org.despin.lm.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.despin.DespinException;
import org.despin.lm.LmFormat;
import org.despin.lm.TrieLanguageModel;
import org.despin.model.ModelFile;

/**
 * Static linear interpolation of two back-off models into one back-off model (SRILM
 * {@code -mix-lm}): the union of the n-grams, p(w|h) = λ pA(w|h) + (1-λ) pB(w|h) with each side
 * backing off by itself (a word outside one side's vocabulary has probability 0 there, so the
 * mixture stays normalised), and back-off weights recomputed so every context sums to one:
 * bow(h) = (1 - Σ_{w: hw stored} p(w|h)) / (1 - Σ_{same w} p(w|h')).
 *
 * <p>The orders may differ (the mixture has the larger); each side answers longer contexts from
 * the longest it stores. Output order: per order, n-grams sorted by their reversed word tuple over
 * the union vocabulary ({@code <unk> <s> </s>} first, then by string), so it is deterministic.
 */
public final class BackoffMixer {
    private BackoffMixer() {
    }

    /** The mixture {@code lambdaA * a + (1 - lambdaA) * b}; vocabulary is the union, order the larger. */
    public static BackoffSource mix(BackoffSource a, BackoffSource b, double lambdaA) throws IOException {
        if (!(lambdaA >= 0 && lambdaA <= 1)) {
            throw new IllegalArgumentException("mixture weight must be in [0, 1], got " + lambdaA);
        }
        Path dir = Files.createTempDirectory("despin-mix");
        try {
            // both sides as exact tries: closed under prefixes and suffixes, and fast to query
            TrieLanguageModel ta = exactTrie(a, dir.resolve("a.model"));
            TrieLanguageModel tb = exactTrie(b, dir.resolve("b.model"));
            return new Mixture(ta, tb, lambdaA).compute();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static TrieLanguageModel exactTrie(BackoffSource src, Path file) throws IOException {
        try (ModelFile.Writer w = new ModelFile.Writer(file)) {
            w.section(LmFormat.SECTION, LmFormat.section(src, LmFormat.Quantization.EXACT));
            w.finish(Map.of());
        }
        try {
            return LmFormat.read(ModelFile.open(file));
        } catch (DespinException e) {
            throw new IOException("cannot read back the temporary model " + file + ": " + e.getMessage(), e);
        }
    }

    private static final class Mixture {
        private final TrieLanguageModel ta;
        private final TrieLanguageModel tb;
        private final UnionMixture mixture;
        private final int order;
        private final String[] vocab;

        Mixture(TrieLanguageModel ta, TrieLanguageModel tb, double lambda) {
            this.ta = ta;
            this.tb = tb;
            this.mixture = new UnionMixture(ta, tb, lambda);
            this.order = mixture.order();
            this.vocab = mixture.vocabulary();
        }

        BackoffSource compute() throws IOException {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < vocab.length; i++) {
                ids.put(vocab[i], i);
            }
            GramList[] lists = new GramList[order + 1];
            for (int n = 1; n <= order; n++) {
                GramList list = new GramList(n, (int) Math.min(1 << 20, ta.count(Math.min(n, ta.order())) + 16));
                int[] tuple = new int[n];
                final int len = n;
                NgramVisitor collect = (words, p, bo) -> {
                    for (int i = 0; i < len; i++) {
                        tuple[i] = ids.get(words[i]);
                    }
                    list.add(tuple, 0, 0f, 0f);
                };
                if (n <= ta.order()) {
                    ta.asBackoffSource().forEach(n, collect);
                }
                if (n <= tb.order()) {
                    tb.asBackoffSource().forEach(n, collect);
                }
                list.sortReversedAndDedupe();
                lists[n] = list;
            }
            int[] gram = new int[order];
            for (int n = 1; n <= order; n++) {
                GramList list = lists[n];
                for (int i = 0; i < list.size; i++) {
                    list.prob[i] = (float) Math.log10(mixed(list.words, i * n, n));
                }
            }
            // back-off weights of every context of order n < N from its stored continuations
            for (int n = 1; n < order; n++) {
                GramList contexts = lists[n];
                GramList next = lists[n + 1];
                double[] seen = new double[contexts.size];
                double[] seenLower = new double[contexts.size];
                for (int i = 0; i < next.size; i++) {
                    int base = i * (n + 1);
                    int ctx = contexts.find(next.words, base);
                    if (ctx < 0) {
                        throw new IllegalStateException("context of a stored n-gram missing from the union");
                    }
                    seen[ctx] += Math.pow(10, next.prob[i]);
                    System.arraycopy(next.words, base + 1, gram, 0, n);
                    seenLower[ctx] += mixed(gram, 0, n);
                }
                for (int c = 0; c < contexts.size; c++) {
                    double num = 1 - seen[c];
                    double den = 1 - seenLower[c];
                    if (seen[c] == 0) {
                        contexts.backoff[c] = 0f;
                    } else {
                        contexts.backoff[c] = (float) Math.log10(Math.max(num, 1e-15) / Math.max(den, 1e-15));
                    }
                }
            }
            return new ListSource(order, vocab, lists);
        }

        private double mixed(int[] t, int from, int n) {
            return mixture.mixed(t, from, n);
        }
    }

    /** Sorted n-gram lists as a back-off source. */
    static final class ListSource implements BackoffSource {
        private final int order;
        private final String[] vocab;
        private final GramList[] lists;

        ListSource(int order, String[] vocab, GramList[] lists) {
            this.order = order;
            this.vocab = vocab;
            this.lists = lists;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public long count(int n) {
            return lists[n].size;
        }

        @Override
        public void forEach(int n, NgramVisitor visitor) {
            GramList list = lists[n];
            for (int i = 0; i < list.size; i++) {
                String[] words = new String[n];
                for (int k = 0; k < n; k++) {
                    words[k] = vocab[list.words[i * n + k]];
                }
                visitor.visit(words, list.prob[i], n == order ? 0f : list.backoff[i]);
            }
        }
    }
}
