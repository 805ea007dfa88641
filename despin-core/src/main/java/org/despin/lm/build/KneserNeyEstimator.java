package org.despin.lm.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interpolated modified Kneser-Ney estimation (Chen and Goodman 1998, as KenLM's lmplz does it),
 * in memory, converted to back-off form.
 *
 * <pre>{@code
 * KneserNeyEstimator kn = new KneserNeyEstimator(4);
 * for (String[] sentence : sentences) kn.addSentence(sentence);   // words only, no <s> </s>
 * BackoffSource model = kn.estimate();
 * }</pre>
 *
 * <p>The estimate, for an n-gram {@code h w} of order k:
 * <ul>
 * <li>adjusted count a(h w): the raw count at the highest order and for n-grams starting with
 * {@code <s>} (nothing can precede them); otherwise the number of distinct words seen before it
 * (its continuation count);</li>
 * <li>discounts D_k(1), D_k(2), D_k(3+) from the count-of-counts t1..t4 of the adjusted counts of
 * order k: Y = t1 / (t1 + 2 t2), D(j) = j - (j + 1) Y t(j+1) / t(j); when a t(j) is zero or a
 * discount falls outside (0, j) the order falls back to 0.5, 1, 1.5 (lmplz
 * {@code --discount_fallback});</li>
 * <li>p(w|h) = (a(h w) - D(a(h w))) / Σ_x a(h x) + γ(h) p(w|h'), with
 * γ(h) = (D(1) N1(h·) + D(2) N2(h·) + D(3+) N3+(h·)) / Σ_x a(h x), where h' drops the oldest word of h;
 * unigrams interpolate with the uniform distribution over the vocabulary without {@code <s>},
 * which gives {@code <unk>} its (small) probability γ(ε) / |V|;</li>
 * <li>back-off form: the stored probability of h w is p(w|h); the back-off weight of h is γ(h)
 * (1 when nothing follows h); {@code <s>} gets log10 probability -99 as in ARPA files.</li>
 * </ul>
 * The estimate holds no floating-point sums whose order depends on how the counts arrived, so the
 * same counts give the same model bit for bit.
 *
 * <p>Not thread-safe; {@link #estimate()} consumes the estimator.
 */
public final class KneserNeyEstimator {
    /** Discounts D(1), D(2), D(3+) used when the count-of-counts cannot give valid ones. */
    static final double[] FALLBACK_DISCOUNTS = {0.5, 1.0, 1.5};
    /** log10 probability written for {@code <s>}, which is never predicted. */
    public static final float LOG10_NEVER = -99f;

    static final int UNK = 0;
    static final int BOS = 1;
    static final int EOS = 2;

    private final int order;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private int[] unigramCount = new int[1024];
    private final NgramTable[] tables;
    private int[] previous;
    private int[] current;
    private boolean consumed;

    public KneserNeyEstimator(int order) {
        if (order < 1) {
            throw new IllegalArgumentException("order must be >= 1, got " + order);
        }
        this.order = order;
        this.tables = new NgramTable[order + 1];
        for (int k = 2; k <= order; k++) {
            tables[k] = new NgramTable();
        }
        previous = new int[order + 1];
        current = new int[order + 1];
        wordId("<unk>");
        wordId("<s>");
        wordId("</s>");
    }

    public int order() {
        return order;
    }

    /** The id of {@code word}, added to the vocabulary when new. Ids are dense, in first-seen order. */
    public int wordId(String word) {
        Integer id = ids.get(word);
        if (id != null) {
            return id;
        }
        int n = words.size();
        ids.put(word, n);
        words.add(word);
        if (n == unigramCount.length) {
            unigramCount = Arrays.copyOf(unigramCount, n * 2);
        }
        return n;
    }

    /** Number of distinct words so far, {@code <unk> <s> </s>} included. */
    public int vocabularySize() {
        return words.size();
    }

    /** Counts one sentence of normalised words (without {@code <s>}/{@code </s>}; they are added here). */
    public void addSentence(String[] sentence) {
        checkOpen();
        int length = sentence.length + 2;
        int[] p = previous;
        int[] c = current;
        p[1] = BOS;
        for (int i = 1; i < length; i++) {
            int w = i < length - 1 ? wordId(sentence[i - 1]) : EOS;
            // the n-grams ending here, of every order, chained through the ones ending one word earlier
            int longest = Math.min(order, i + 1);
            c[1] = w;
            for (int k = 2; k <= longest; k++) {
                c[k] = tables[k].getOrAdd(p[k - 1], w);
            }
            // only the longest is counted: shorter ones get continuation counts, except those
            // starting with <s>, which are the longest at their position (KenLM's scheme)
            if (longest == 1) {
                unigramCount[w]++;
            } else {
                tables[longest].count[c[longest]]++;
            }
            int[] t = p;
            p = c;
            c = t;
        }
    }

    /**
     * Adds {@code count} occurrences of the n-gram {@code ids[0..length)} as counted by a
     * {@link #addSentence}-equivalent counter elsewhere (the longest n-gram ending at a position:
     * full order, or shorter only when it starts with {@code <s>}). Ids come from {@link #wordId}.
     */
    public void addNgramCount(int[] ngram, int length, long count) {
        checkOpen();
        if (length < 1 || length > order) {
            throw new IllegalArgumentException("n-gram length " + length + " in an order-" + order + " estimator");
        }
        // every suffix exists as an n-gram too (it ended at the same position)
        for (int from = length - 1; from >= 0; from--) {
            int e = ngram[from];
            for (int k = 2; k <= length - from; k++) {
                e = tables[k].getOrAdd(e, ngram[from + k - 1]);
            }
            if (from == 0) {
                int add = Math.toIntExact(count);
                if (length == 1) {
                    unigramCount[e] += add;
                } else {
                    tables[length].count[e] += add;
                }
            }
        }
    }

    private void checkOpen() {
        if (consumed) {
            throw new IllegalStateException("estimate() was already called on this estimator");
        }
    }

    /** The estimated model: n-grams of each order sorted by word strings ({@code <unk> <s> </s>} first). */
    public BackoffSource estimate() {
        checkOpen();
        consumed = true;
        int vocab = words.size();
        int[] size = new int[order + 1];
        size[1] = vocab;
        for (int k = 2; k <= order; k++) {
            size[k] = tables[k].size;
        }

        // suffix[k][e]: the n-gram e without its oldest word, at order k-1
        int[][] suffix = new int[order + 1][];
        for (int k = 2; k <= order; k++) {
            NgramTable t = tables[k];
            int[] s = new int[t.size];
            for (int e = 0; e < t.size; e++) {
                int w = t.word[e];
                s[e] = k == 2 ? w : tables[k - 1].get(suffix[k - 1][t.context[e]], w);
                if (s[e] < 0) {
                    throw new IllegalStateException("suffix of an n-gram missing: counts are inconsistent");
                }
            }
            suffix[k] = s;
        }
        for (int k = 2; k <= order; k++) {
            tables[k].dropIndex(); // lookups are done: free the hash before the estimate's arrays
        }
        // startsWithBos[k][e]
        boolean[][] startsWithBos = new boolean[order + 1][];
        startsWithBos[1] = new boolean[vocab];
        startsWithBos[1][BOS] = true;
        for (int k = 2; k <= order; k++) {
            boolean[] b = new boolean[size[k]];
            for (int e = 0; e < size[k]; e++) {
                b[e] = startsWithBos[k - 1][tables[k].context[e]];
            }
            startsWithBos[k] = b;
        }

        int[][] adjusted = adjustedCounts(size, suffix, startsWithBos);
        startsWithBos = null;
        for (int k = 2; k <= order; k++) {
            tables[k].count = null; // copied into the adjusted counts
        }
        double[][] discounts = new double[order + 1][];
        for (int k = 1; k <= order; k++) {
            discounts[k] = discounts(countOfCounts(adjusted[k], k == 1));
        }

        // probabilities, lowest order first: each order interpolates with the one below
        float[][] log10Prob = new float[order + 1][];
        float[][] log10Backoff = new float[order + 1][];
        double[] lower;
        {
            long sum = 0;
            long[] n = new long[3];
            for (int w = 0; w < vocab; w++) {
                if (w != BOS && adjusted[1][w] > 0) {
                    sum += adjusted[1][w];
                    n[Math.min(adjusted[1][w], 3) - 1]++;
                }
            }
            double[] d = discounts[1];
            int predictable = vocab - 1; // every word but <s>
            double gamma = sum == 0 ? 1 : (d[0] * n[0] + d[1] * n[1] + d[2] * n[2]) / sum;
            lower = new double[vocab];
            float[] lp = new float[vocab];
            for (int w = 0; w < vocab; w++) {
                if (w == BOS) {
                    lp[w] = LOG10_NEVER;
                    continue;
                }
                int a = adjusted[1][w];
                double p = (sum == 0 ? 0 : (a - discount(d, a)) / sum) + gamma / predictable;
                lower[w] = p;
                lp[w] = (float) Math.log10(p);
            }
            log10Prob[1] = lp;
        }
        for (int k = 2; k <= order; k++) {
            NgramTable t = tables[k];
            int contexts = size[k - 1];
            long[] sum = new long[contexts];
            int[] n = new int[3 * contexts];
            int[] a = adjusted[k];
            for (int e = 0; e < t.size; e++) {
                int c = t.context[e];
                sum[c] += a[e];
                n[3 * c + Math.min(a[e], 3) - 1]++;
            }
            double[] d = discounts[k];
            double[] gamma = new double[contexts];
            float[] bo = new float[contexts];
            for (int c = 0; c < contexts; c++) {
                if (sum[c] > 0) {
                    gamma[c] = (d[0] * n[3 * c] + d[1] * n[3 * c + 1] + d[2] * n[3 * c + 2]) / sum[c];
                    bo[c] = (float) Math.log10(gamma[c]);
                }
            }
            log10Backoff[k - 1] = bo;
            double[] p = new double[t.size];
            float[] lp = new float[t.size];
            int[] s = suffix[k];
            for (int e = 0; e < t.size; e++) {
                int c = t.context[e];
                p[e] = (a[e] - discount(d, a[e])) / sum[c] + gamma[c] * lower[s[e]];
                lp[e] = (float) Math.log10(p[e]);
            }
            log10Prob[k] = lp;
            lower = p;
            suffix[k] = null;
            adjusted[k] = null;
        }
        log10Backoff[order] = new float[size[order]];
        return new Estimate(this, size, log10Prob, log10Backoff);
    }

    private int[][] adjustedCounts(int[] size, int[][] suffix, boolean[][] startsWithBos) {
        int[][] adjusted = new int[order + 1][];
        adjusted[order] = order == 1 ? Arrays.copyOf(unigramCount, size[1]) : Arrays.copyOf(tables[order].count, size[order]);
        for (int k = order - 1; k >= 1; k--) {
            int[] a = new int[size[k]];
            for (int e = 0; e < size[k]; e++) {
                if (startsWithBos[k][e]) {
                    a[e] = k == 1 ? unigramCount[e] : tables[k].count[e];
                }
            }
            int[] s = suffix[k + 1];
            for (int e = 0; e < size[k + 1]; e++) {
                if (!startsWithBos[k][s[e]]) {
                    a[s[e]]++;
                }
            }
            adjusted[k] = a;
        }
        return adjusted;
    }

    private static long[] countOfCounts(int[] adjusted, boolean unigrams) {
        long[] t = new long[5];
        for (int e = 0; e < adjusted.length; e++) {
            if (unigrams && e == BOS) {
                continue;
            }
            int a = adjusted[e];
            if (a >= 1 && a <= 4) {
                t[a]++;
            }
        }
        return t;
    }

    /**
     * Modified Kneser-Ney discounts D(1), D(2), D(3+) from count-of-counts {@code t[1..4]}, or
     * {@link #FALLBACK_DISCOUNTS} when they are not all valid.
     */
    static double[] discounts(long[] t) {
        if (t[1] == 0 || t[2] == 0 || t[3] == 0 || t[4] == 0) {
            return FALLBACK_DISCOUNTS.clone();
        }
        double y = t[1] / (double) (t[1] + 2 * t[2]);
        double[] d = new double[3];
        for (int j = 1; j <= 3; j++) {
            d[j - 1] = j - (j + 1) * y * t[j + 1] / t[j];
            if (!(d[j - 1] > 0 && d[j - 1] < j)) {
                return FALLBACK_DISCOUNTS.clone();
            }
        }
        return d;
    }

    static double discount(double[] d, int count) {
        return count == 0 ? 0 : d[Math.min(count, 3) - 1];
    }

    /** The estimate as a back-off source, n-grams sorted by their words. */
    private static final class Estimate implements BackoffSource {
        private final int order;
        private final String[] words;
        private final int[][] context;
        private final int[][] word;
        private final int[][] sorted;
        private final float[][] log10Prob;
        private final float[][] log10Backoff;

        Estimate(KneserNeyEstimator kn, int[] size, float[][] log10Prob, float[][] log10Backoff) {
            this.order = kn.order;
            this.words = kn.words.toArray(new String[0]);
            this.log10Prob = log10Prob;
            this.log10Backoff = log10Backoff;
            this.context = new int[order + 1][];
            this.word = new int[order + 1][];
            this.sorted = new int[order + 1][];
            int vocab = words.length;
            // reserved words first, then by string
            Integer[] byString = new Integer[vocab];
            for (int i = 0; i < vocab; i++) {
                byString[i] = i;
            }
            Arrays.sort(byString, 3, vocab, (x, y) -> words[x].compareTo(words[y]));
            int[] rank = new int[vocab];
            int[] order1 = new int[vocab];
            for (int i = 0; i < vocab; i++) {
                order1[i] = byString[i];
                rank[byString[i]] = i;
            }
            sorted[1] = order1;
            int[] position = rank;
            for (int k = 2; k <= order; k++) {
                NgramTable t = kn.tables[k];
                t.freeze();
                context[k] = t.context;
                word[k] = t.word;
                long[] keys = new long[t.size];
                int[] perm = new int[t.size];
                for (int e = 0; e < t.size; e++) {
                    keys[e] = ((long) position[t.context[e]] << 32) | rank[t.word[e]];
                    perm[e] = e;
                }
                PairSort.sort(keys, perm, t.size);
                int[] pos = new int[t.size];
                for (int i = 0; i < t.size; i++) {
                    pos[perm[i]] = i;
                }
                sorted[k] = perm;
                position = pos;
                kn.tables[k] = null;
            }
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public long count(int n) {
            return sorted[n].length;
        }

        @Override
        public void forEach(int n, NgramVisitor visitor) {
            float[] lp = log10Prob[n];
            float[] bo = log10Backoff[n];
            for (int e : sorted[n]) {
                String[] gram = new String[n];
                int x = e;
                for (int k = n; k >= 2; k--) {
                    gram[k - 1] = words[word[k][x]];
                    x = context[k][x];
                }
                gram[0] = words[x];
                visitor.visit(gram, lp[e], bo[e]);
            }
        }
    }
}
