package org.despin.lm.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interpolated modified Kneser-Ney estimation in bounded memory, from n-gram counts in any
 * order, by sorted passes over files (Heafield et al. 2013, "Scalable Modified Kneser-Ney
 * Language Model Estimation", as KenLM's lmplz does it). It gives exactly the estimate of the
 * in-memory {@link KneserNeyEstimator} (same formulas, same floating-point operations in the
 * same order; see there for the formulas) and memory bounded by the budget apart from the
 * vocabulary and a few arrays of vocabulary size.
 *
 * <p><b>The seam</b> between counting and estimation: whoever counts (the chunked counter of
 * {@code despin train}, a Spark job) gives the vocabulary and then, through
 * {@link #addNgramCount}, the counts of the longest n-gram ending at each position of each
 * sentence ({@code <s> w1 .. wn </s>}): of full order, or shorter only when it starts with
 * {@code <s>}. Counts may come in any order and the same n-gram may come more than once (its
 * counts are summed). The estimate, and so the model bytes, depend only on the multiset of word
 * strings: ids are made canonical here ({@code <unk> <s> </s>}, then the words in
 * {@link String} order).
 *
 * <p>The passes, each within the memory budget:
 * <ol>
 * <li>the counts, sorted by suffix (the reversed tuple), duplicates summed;</li>
 * <li>one pass in suffix order gives every order's adjusted counts (raw at the top order and
 * for n-grams starting with {@code <s>}, else the number of distinct words seen before) and
 * their counts-of-counts, hence the discounts;</li>
 * <li>per order k, the adjusted counts sorted by context: each context's sum and N1, N2, N3+
 * give γ(context) (the back-off weight of the (k-1)-gram) and each n-gram's discounted part;</li>
 * <li>that sorted by suffix and joined with order k-1's probabilities (also in suffix order)
 * gives the interpolated p(w | h) = discounted + γ(h) p(w | h');</li>
 * <li>sorted by context again and joined with the back-off weights: the order's final file.</li>
 * </ol>
 *
 * <pre>{@code
 * try (StreamingKneserNeyEstimator kn = new StreamingKneserNeyEstimator(4, words, tmp, 512 << 20)) {
 *     counts.forEach((ids, length, count) -> kn.addNgramCount(ids, length, count));
 *     try (SortedNgramModel model = kn.estimate()) {
 *         writer.section(LmFormat.SECTION, LmFormat.section(model));
 *     }
 * }
 * }</pre>
 */
public final class StreamingKneserNeyEstimator implements AutoCloseable {
    private static final int UNK = KneserNeyEstimator.UNK;
    private static final int BOS = KneserNeyEstimator.BOS;
    private static final int PAD = -1;
    private static final int READ_BUFFER = 1 << 20;

    private final int order;
    private final String[] vocabulary;
    private final int[] canonical;
    private final long budget;
    private final TempFiles temp;
    private final RecordSorter counts;
    private final int[] record;
    private boolean consumed;
    private boolean handedOver;

    /**
     * @param order n-gram order (>= 1)
     * @param words the vocabulary: the words the ids of {@link #addNgramCount} stand for, by id
     *              ({@code <unk> <s> </s>} are added when missing)
     * @param tempDir an existing folder for the temporary files (deleted by {@link #close()})
     * @param memoryBudgetBytes memory for the sort buffers (one at a time is filled)
     */
    public StreamingKneserNeyEstimator(int order, List<String> words, Path tempDir, long memoryBudgetBytes) {
        if (order < 1) {
            throw new IllegalArgumentException("order must be >= 1, got " + order);
        }
        this.order = order;
        this.budget = memoryBudgetBytes;
        this.temp = new TempFiles(tempDir, "kn");
        // canonical ids: the reserved words, then the others in String order
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            first.putIfAbsent(words.get(i), i);
        }
        String[] sorted = first.keySet().stream().filter(w -> !isReserved(w)).sorted().toArray(String[]::new);
        vocabulary = new String[sorted.length + 3];
        vocabulary[UNK] = "<unk>";
        vocabulary[BOS] = "<s>";
        vocabulary[KneserNeyEstimator.EOS] = "</s>";
        System.arraycopy(sorted, 0, vocabulary, 3, sorted.length);
        Map<String, Integer> id = new HashMap<>();
        for (int i = 0; i < vocabulary.length; i++) {
            id.put(vocabulary[i], i);
        }
        canonical = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            canonical[i] = id.get(words.get(i));
        }
        this.counts = new RecordSorter(temp, "counts", order + 2, order, budget, true);
        this.record = new int[order + 2];
    }

    private static boolean isReserved(String w) {
        return w.equals("<unk>") || w.equals("<s>") || w.equals("</s>");
    }

    public int order() {
        return order;
    }

    /**
     * Adds {@code count} occurrences of the n-gram {@code ngram[0..length)} (ids into the
     * vocabulary given to the constructor): the longest n-gram ending at a position, of full
     * order or starting with {@code <s>}.
     */
    public void addNgramCount(int[] ngram, int length, long count) throws IOException {
        if (consumed) {
            throw new IllegalStateException("estimate() was already called on this estimator");
        }
        if (length < 1 || length > order) {
            throw new IllegalArgumentException("n-gram length " + length + " in an order-" + order + " estimator");
        }
        // suffix order: the tuple reversed, shorter ones (padded with -1) first
        for (int k = 0; k < order; k++) {
            record[k] = k < length ? canonical[ngram[length - 1 - k]] : PAD;
        }
        record[order] = (int) (count >>> 32);
        record[order + 1] = (int) count;
        counts.add(record, 0);
    }

    /**
     * The estimate, in files sorted for the trie writer (close the model to delete them); the
     * estimator cannot take counts any more.
     */
    public SortedNgramModel estimate() throws IOException {
        if (consumed) {
            throw new IllegalStateException("estimate() was already called on this estimator");
        }
        consumed = true;
        SortedNgramModel model = estimateInFiles();
        handedOver = true;
        return model;
    }

    private SortedNgramModel estimateInFiles() throws IOException {
        int vocab = vocabulary.length;
        int[] unigramAdjusted = new int[vocab];
        long[][] countOfCounts = new long[order + 1][5];
        RecordSorter[] adjusted = new RecordSorter[order + 1];
        for (int k = 2; k <= order; k++) {
            adjusted[k] = new RecordSorter(temp, "adjusted" + k, k + 1, k, budget / Math.max(1, order - 1), false);
        }
        try (RecordCursor c = counts.finish()) {
            adjustedCounts(c, unigramAdjusted, adjusted, countOfCounts);
        }
        double[][] discounts = new double[order + 1][];
        for (int k = 1; k <= order; k++) {
            discounts[k] = KneserNeyEstimator.discounts(countOfCounts[k]);
        }

        double[] lowerUnigram = new double[vocab];
        float[] unigramProb = unigrams(unigramAdjusted, discounts[1], lowerUnigram);
        float[] unigramBackoff = new float[vocab];
        Path[] finals = new Path[order + 1];
        long[] sizes = new long[order + 1];
        Path lower = null; // order k-1's probabilities in suffix order
        Path probabilities = null; // order k-1's probabilities in context order, waiting for their back-offs
        for (int k = 2; k <= order; k++) {
            Path backoffs = temp.create("backoff" + (k - 1));
            RecordSorter bySuffix = new RecordSorter(temp, "discounted" + k, k + 4, k, budget, false);
            try (RecordCursor c = adjusted[k].finish()) {
                contexts(k, c, discounts[k], backoffs, bySuffix);
            }
            adjusted[k] = null;
            if (k == 2) {
                readUnigramBackoffs(backoffs, unigramBackoff);
            } else {
                finals[k - 1] = temp.create("order" + (k - 1));
                sizes[k - 1] = joinBackoffs(k - 1, probabilities, backoffs, finals[k - 1]);
            }
            RecordSorter byContext = new RecordSorter(temp, "prob" + k, k + 1, k, budget, false);
            Path suffixProbs = k < order ? temp.create("suffixprob" + k) : null;
            try (RecordCursor c = bySuffix.finish()) {
                interpolate(k, c, lowerUnigram, lower, suffixProbs, byContext);
            }
            if (lower != null) {
                java.nio.file.Files.deleteIfExists(lower);
            }
            lower = suffixProbs;
            probabilities = byContext.finishToFile("probcontext" + k);
        }
        if (order >= 2) {
            finals[order] = temp.create("order" + order);
            sizes[order] = joinBackoffs(order, probabilities, null, finals[order]);
        } else {
            // a unigram model: nothing follows any word
            Arrays.fill(unigramBackoff, 0f);
        }
        return new SortedNgramModel(vocabulary, unigramProb, unigramBackoff, finals, sizes, temp, budget);
    }

    /**
     * Pass 2: in suffix order the n-grams sharing their last k words are one run, so a stack of
     * one open k-gram per order gives each k-gram's number of distinct left extensions.
     */
    private void adjustedCounts(RecordCursor c, int[] unigramAdjusted, RecordSorter[] adjusted, long[][] countOfCounts)
            throws IOException {
        int[] prev = new int[order];
        int prevLength = 0;
        long[] value = new long[order + 1]; // adjusted count of the open k-gram (reversed prev[0..k))
        int[] out = new int[order + 1];
        while (c.next()) {
            int[] r = c.record();
            int length = 0;
            while (length < order && r[length] != PAD) {
                length++;
            }
            int common = 0;
            while (common < Math.min(length, prevLength) && r[common] == prev[common]) {
                common++;
            }
            for (int k = prevLength; k > common; k--) {
                emit(k, prev, value[k], unigramAdjusted, adjusted, countOfCounts, out);
            }
            long count = ((long) r[order] << 32) | (r[order + 1] & 0xFFFFFFFFL);
            for (int k = common + 1; k <= length; k++) {
                boolean raw = k == length && (k == order || r[k - 1] == BOS);
                value[k] = raw ? count : 0;
                if (k >= 2) {
                    value[k - 1]++; // a new distinct word before the (k-1)-gram
                }
            }
            System.arraycopy(r, 0, prev, 0, order);
            prevLength = length;
        }
        for (int k = prevLength; k >= 1; k--) {
            emit(k, prev, value[k], unigramAdjusted, adjusted, countOfCounts, out);
        }
    }

    private static void emit(int k, int[] reversed, long value, int[] unigramAdjusted, RecordSorter[] adjusted,
            long[][] countOfCounts, int[] out) throws IOException {
        int a = Math.toIntExact(value);
        if (k == 1) {
            unigramAdjusted[reversed[0]] = a;
            if (reversed[0] != BOS && a >= 1 && a <= 4) {
                countOfCounts[1][a]++;
            }
            return;
        }
        if (a >= 1 && a <= 4) {
            countOfCounts[k][a]++;
        }
        for (int j = 0; j < k; j++) {
            out[j] = reversed[k - 1 - j];
        }
        out[k] = a;
        adjusted[k].add(out, 0);
    }

    /** Unigram probabilities, interpolated with the uniform distribution (see {@link KneserNeyEstimator}). */
    private static float[] unigrams(int[] adjusted, double[] d, double[] p) {
        int vocab = adjusted.length;
        long sum = 0;
        long[] n = new long[3];
        for (int w = 0; w < vocab; w++) {
            if (w != BOS && adjusted[w] > 0) {
                sum += adjusted[w];
                n[Math.min(adjusted[w], 3) - 1]++;
            }
        }
        int predictable = vocab - 1;
        double gamma = sum == 0 ? 1 : (d[0] * n[0] + d[1] * n[1] + d[2] * n[2]) / sum;
        float[] lp = new float[vocab];
        for (int w = 0; w < vocab; w++) {
            if (w == BOS) {
                lp[w] = KneserNeyEstimator.LOG10_NEVER;
                continue;
            }
            int a = adjusted[w];
            p[w] = (sum == 0 ? 0 : (a - KneserNeyEstimator.discount(d, a)) / sum) + gamma / predictable;
            lp[w] = (float) Math.log10(p[w]);
        }
        return lp;
    }

    /**
     * Pass 3 for order k: the adjusted counts in context order, one context at a time (at most
     * one entry per vocabulary word in memory): γ(context) goes to {@code backoffs} (the context's
     * back-off weight, context order) and each n-gram's discounted part with γ to {@code bySuffix}.
     */
    private static void contexts(int k, RecordCursor c, double[] d, Path backoffs, RecordSorter bySuffix)
            throws IOException {
        int[] context = new int[k - 1];
        int[] words = new int[1024];
        int[] counts = new int[1024];
        int members = 0;
        int[] out = new int[k + 4];
        int[] bo = new int[k];
        try (RecordFile.Writer w = new RecordFile.Writer(backoffs, k, READ_BUFFER)) {
            boolean more = c.next();
            while (more) {
                int[] r = c.record();
                System.arraycopy(r, 0, context, 0, k - 1);
                members = 0;
                long sum = 0;
                long[] n = new long[3];
                do {
                    if (members == words.length) {
                        words = Arrays.copyOf(words, members * 2);
                        counts = Arrays.copyOf(counts, members * 2);
                    }
                    int a = r[k];
                    words[members] = r[k - 1];
                    counts[members] = a;
                    members++;
                    sum += a;
                    n[Math.min(a, 3) - 1]++;
                    more = c.next();
                } while (more && Arrays.equals(r, 0, k - 1, context, 0, k - 1));
                double gamma = 0;
                float log10Backoff = 0f;
                if (sum > 0) {
                    gamma = (d[0] * n[0] + d[1] * n[1] + d[2] * n[2]) / sum;
                    log10Backoff = (float) Math.log10(gamma);
                }
                System.arraycopy(context, 0, bo, 0, k - 1);
                bo[k - 1] = Float.floatToRawIntBits(log10Backoff);
                w.write(bo, 0);
                long gammaBits = Double.doubleToRawLongBits(gamma);
                for (int i = 0; i < members; i++) {
                    // reversed: the last word first
                    out[0] = words[i];
                    for (int j = 1; j < k; j++) {
                        out[j] = context[k - 1 - j];
                    }
                    double discounted = (counts[i] - KneserNeyEstimator.discount(d, counts[i])) / sum;
                    long u = Double.doubleToRawLongBits(discounted);
                    out[k] = (int) (u >>> 32);
                    out[k + 1] = (int) u;
                    out[k + 2] = (int) (gammaBits >>> 32);
                    out[k + 3] = (int) gammaBits;
                    bySuffix.add(out, 0);
                }
            }
        }
    }

    private static double doubleAt(int[] r, int at) {
        return Double.longBitsToDouble(((long) r[at] << 32) | (r[at + 1] & 0xFFFFFFFFL));
    }

    private static void readUnigramBackoffs(Path backoffs, float[] unigramBackoff) throws IOException {
        try (RecordFile.Reader r = new RecordFile.Reader(backoffs, 2, READ_BUFFER, true)) {
            while (r.next()) {
                unigramBackoff[r.record()[0]] = Float.intBitsToFloat(r.record()[1]);
            }
        }
    }

    /**
     * Pass 4 for order k: in suffix order, each n-gram's suffix (its last k-1 words) is the
     * current or a later entry of order k-1's probabilities, also in suffix order: a merge join.
     */
    private void interpolate(int k, RecordCursor c, double[] unigram, Path lower, Path suffixProbs,
            RecordSorter byContext) throws IOException {
        RecordFile.Reader low = k > 2 ? new RecordFile.Reader(lower, k + 1, READ_BUFFER, false) : null;
        RecordFile.Writer high = suffixProbs == null ? null : new RecordFile.Writer(suffixProbs, k + 2, READ_BUFFER);
        try {
            boolean lowValid = low != null && low.next();
            int[] forward = new int[k + 1];
            int[] reversed = new int[k + 2];
            while (c.next()) {
                int[] r = c.record();
                double lowerProb;
                if (k == 2) {
                    lowerProb = unigram[r[0]];
                } else {
                    while (lowValid && Arrays.compare(low.record(), 0, k - 1, r, 0, k - 1) < 0) {
                        lowValid = low.next();
                    }
                    if (!lowValid || !Arrays.equals(low.record(), 0, k - 1, r, 0, k - 1)) {
                        throw new IllegalStateException("the suffix of an order-" + k + " n-gram is missing: "
                                + "the counts are not those of whole sentences");
                    }
                    lowerProb = doubleAt(low.record(), k - 1);
                }
                double p = doubleAt(r, k) + doubleAt(r, k + 2) * lowerProb;
                if (high != null) {
                    System.arraycopy(r, 0, reversed, 0, k);
                    long bits = Double.doubleToRawLongBits(p);
                    reversed[k] = (int) (bits >>> 32);
                    reversed[k + 1] = (int) bits;
                    high.write(reversed, 0);
                }
                for (int j = 0; j < k; j++) {
                    forward[j] = r[k - 1 - j];
                }
                forward[k] = Float.floatToRawIntBits((float) Math.log10(p));
                byContext.add(forward, 0);
            }
        } finally {
            if (low != null) {
                low.close();
            }
            if (high != null) {
                high.close();
            }
        }
    }

    /**
     * Pass 5 for order n: probabilities in context order joined with the back-off weights of the
     * contexts that have continuations (the others get 0); returns the number of n-grams.
     */
    private static long joinBackoffs(int n, Path probabilities, Path backoffs, Path out) throws IOException {
        long written = 0;
        try (RecordFile.Reader p = new RecordFile.Reader(probabilities, n + 1, READ_BUFFER, true);
                RecordFile.Reader b = backoffs == null ? null : new RecordFile.Reader(backoffs, n + 1, READ_BUFFER, true);
                RecordFile.Writer w = new RecordFile.Writer(out, n + 2, READ_BUFFER)) {
            boolean bValid = b != null && b.next();
            int[] rec = new int[n + 2];
            while (p.next()) {
                int[] r = p.record();
                System.arraycopy(r, 0, rec, 0, n + 1);
                rec[n + 1] = 0;
                if (bValid && Arrays.equals(b.record(), 0, n, r, 0, n)) {
                    rec[n + 1] = b.record()[n];
                    bValid = b.next();
                }
                w.write(rec, 0);
                written++;
            }
            if (bValid) {
                throw new IllegalStateException("a context of order " + n + " is not an n-gram itself: "
                        + "the counts are not those of whole sentences");
            }
        }
        return written;
    }

    /** Deletes the temporary files, unless they make up the model {@link #estimate()} returned. */
    @Override
    public void close() throws IOException {
        if (!handedOver) {
            temp.close();
        }
    }
}
