package org.despin.detect;

import java.util.Arrays;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;

/**
 * Chooses which of a span's candidates get the evidence test, in context. The prior (channel plus
 * unigram frequency) ranks the frequent synonyms of a word first whatever the sentence says, and
 * an original the text calls for often sits far down ("fast" -> "rapid" 22nd of 148). Nearly every
 * candidate that passes the evidence gate forms a stored bigram with a neighbour (on held-out spun
 * text none of 366,000 candidates without one passed), so the pool here is the best {@code size}
 * of the first {@code reach} by prior plus the bigram PMI with each neighbour:
 *
 * <pre>
 *   key = prior + ln10 * ([log10 P(c1 | left) - log10 P(c1)] + [log10 P(right | cn) - log10 P(right)])
 * </pre>
 *
 * where c1 and cn are the candidate's first and last words and each P is scored with at most one
 * word of context, so each term is one search in the model (an unstored bigram gives its back-off
 * weight). The chosen candidates keep their order by prior. Of the best {@code size} keys, a
 * candidate whose bigram PMI (the bracketed sum) is below the caller's {@code floor} is left out
 * (branch {@code speed6}: a candidate that far behind the observed words' PMI does not pass the
 * evidence gate, and its evidence test is the costlier half of the work).
 *
 * <p>Per call (holds LM states); not thread-safe.
 */
final class ContextPool {
    private static final double LN10 = Math.log(10);

    private final LanguageModel lm;
    private final int size;
    private final int reach;
    private final LmState left;
    private final LmState empty;
    private final LmState scratch;
    private double[] key = new double[0];
    private int[] order = new int[0];
    private boolean[] chosen = new boolean[0];
    /** Whether the last {@link #choose} ranked the candidates by key (it does not when all of them are chosen). */
    private boolean ranked;
    /** Scratch: the candidates' first and last words, and their bigram scores with the neighbours. */
    private int[] first = new int[0];
    private int[] last = new int[0];
    private float[] afterLeft = new float[0];
    private float[] beforeRight = new float[0];
    /** The candidates' bigram PMI (log10, both neighbours), by prior index, of the last ranked {@link #choose}. */
    private double[] pmi = new double[0];
    /** How many candidates the last ranked {@link #choose} ranked. */
    private int rankedCount;
    /** The floor of the last {@link #choose}. */
    private double floor = Double.NEGATIVE_INFINITY;

    /** A pool of {@code size} chosen among the first {@code reach} candidates by prior. */
    ContextPool(LanguageModel lm, int size, int reach) {
        if (size < 1 || reach < size) {
            throw new IllegalArgumentException("pool " + size + " of " + reach);
        }
        this.lm = lm;
        this.size = size;
        this.reach = reach;
        this.left = lm.newState();
        this.empty = lm.newState();
        this.scratch = lm.newState();
        lm.emptyContext(empty);
    }

    /** How many candidates by prior the pool chooses from (the candidate lists need no more). */
    int reach() {
        return reach;
    }

    /** The size of the pool. */
    int size() {
        return size;
    }

    /**
     * The pool a smaller one ({@code smaller} <= {@link #size()}) would have chosen in the last {@link #choose}:
     * bit c set for {@code byPrior[c]}; 0 when that call did not rank the candidates (it chose them all).
     * The best {@code smaller} keys are the first ones this pool's selection took, so this is exactly
     * what {@code new ContextPool(lm, smaller, reach).choose(byPrior, leftWord, rightWord, floor)} returns
     * (0 also when the floor left every one of them out). Read it before any other call of this pool.
     */
    long smallerPool(int smaller) {
        if (!ranked || smaller > size || reach > Long.SIZE) {
            return 0;
        }
        long bits = 0;
        for (int k = 0; k < smaller; k++) {
            if (pmi[order[k]] >= floor) {
                bits |= 1L << order[k];
            }
        }
        return bits;
    }

    /**
     * Whether one of the first {@code count} candidates by prior has a bigram PMI with the neighbours (as
     * {@link #choose} computes it, the same floats) of at least {@code floor}: the probe of a span the
     * detector would otherwise leave untested (a stored collocation whose original may be a stronger one,
     * "the remainder of" for "the end of").
     */
    boolean anyReaches(PreparedCandidate[] byPrior, int count, int leftWord, int rightWord, double floor) {
        int m = Math.min(count, byPrior.length);
        grow(m);
        pmis(byPrior, m, leftWord, rightWord);
        for (int c = 0; c < m; c++) {
            if (pmi[c] >= floor) {
                return true;
            }
        }
        return false;
    }

    private void grow(int m) {
        if (first.length < m) {
            first = new int[m];
            last = new int[m];
            afterLeft = new float[m];
            beforeRight = new float[m];
            pmi = new double[m];
        }
    }

    /** pmi[c] for the first {@code m} candidates: [log10 P(c1 | left) - log10 P(c1)] + [log10 P(right | cn) - log10 P(right)]. */
    private void pmis(PreparedCandidate[] byPrior, int m, int leftWord, int rightWord) {
        pmis(byPrior, 0, m, leftWord, rightWord);
    }

    /**
     * pmi[c] for the candidates {@code from..m} (each candidate's the same floats whichever others are scored with
     * it); the scratch arrays hold them from index 0.
     */
    private void pmis(PreparedCandidate[] byPrior, int from, int m, int leftWord, int rightWord) {
        int count = m - from;
        if (count <= 0) {
            return;
        }
        for (int c = from; c < m; c++) {
            int[] ids = byPrior[c].ids();
            first[c - from] = ids[0];
            last[c - from] = ids[ids.length - 1];
        }
        if (leftWord < 0) {
            lm.beginSentence(left);
        } else {
            lm.emptyContext(left);
            lm.score(left, leftWord, left);
        }
        // the searches in bulk: the model may overlap their memory reads
        lm.scoreEach(left, first, count, afterLeft, scratch);
        lm.scoreAfterEach(last, count, rightWord, beforeRight, scratch);
        float rightAlone = lm.score(empty, rightWord, scratch);
        for (int c = from; c < m; c++) {
            PreparedCandidate p = byPrior[c];
            float firstAlone = p.ids().length == 1 ? p.intrinsicLog10() : lm.score(empty, first[c - from], scratch);
            double x = afterLeft[c - from] - firstAlone;
            x += beforeRight[c - from] - rightAlone;
            pmi[c] = x;
        }
    }

    /**
     * The bigram PMIs of the last {@link #choose} by prior index (as many as it ranked, a copy), or null when it did
     * not rank the candidates: what a later pool over the same list's first candidates with the same neighbours
     * reads instead of scoring them again ({@link #choose(PreparedCandidate[], int, int, double, double[])}).
     */
    double[] lastPmis() {
        return ranked ? Arrays.copyOf(pmi, rankedCount) : null;
    }

    /** Whether candidate a ranks before b: the larger key, then the better prior (the smaller index). */
    private boolean before(int a, int b) {
        return key[a] > key[b] || key[a] == key[b] && a < b;
    }

    private boolean noNaN(int m) {
        for (int c = 0; c < m; c++) {
            if (Double.isNaN(key[c])) {
                return false; // no strict order: the passes of selection decide as they always did
            }
        }
        return true;
    }

    /** The best {@code size} of order[0..m) to order[0..size), best first, by {@code size} passes of selection. */
    private void bySelection(int m) {
        for (int k = 0; k < size; k++) {
            int best = k;
            for (int x = k + 1; x < m; x++) {
                if (key[order[x]] > key[order[best]] || (key[order[x]] == key[order[best]] && order[x] < order[best])) {
                    best = x;
                }
            }
            swap(k, best);
        }
    }

    /**
     * The same as {@link #bySelection} where no key is NaN ({@link #before} is then a strict total order): a
     * quickselect moves the best {@code size} to order[0..size), an insertion sort puts them best first (branch
     * {@code deep22}: the passes of selection took ~4,000 comparisons for the deepening's 32 of 128).
     */
    private void bestFirst(int m) {
        int lo = 0;
        int hi = m - 1;
        while (lo < hi) {
            // the median of three as the pivot, moved to hi
            int mid = (lo + hi) >>> 1;
            if (before(order[mid], order[lo])) {
                swap(mid, lo);
            }
            if (before(order[hi], order[lo])) {
                swap(hi, lo);
            }
            if (before(order[hi], order[mid])) {
                swap(hi, mid);
            }
            swap(mid, hi); // order[lo] <= pivot <= old order[hi] in rank
            int pivot = order[hi];
            int store = lo;
            for (int x = lo; x < hi; x++) {
                if (before(order[x], pivot)) {
                    swap(x, store++);
                }
            }
            swap(store, hi);
            // order[0..store) rank before the pivot (at store), order(store..m) after it
            if (store == size || store == size - 1) {
                break;
            } else if (store > size) {
                hi = store - 1;
            } else {
                lo = store + 1;
            }
        }
        for (int k = 1; k < size; k++) {
            int c = order[k];
            int x = k - 1;
            while (x >= 0 && before(c, order[x])) {
                order[x + 1] = order[x];
                x--;
            }
            order[x + 1] = c;
        }
    }

    /** For tests: the best {@code size} of these keys by index, best first, by quickselect or by selection. */
    int[] best(double[] keys, boolean quick) {
        int m = keys.length;
        key = keys.clone();
        order = new int[m];
        for (int c = 0; c < m; c++) {
            order[c] = c;
        }
        if (quick) {
            bestFirst(m);
        } else {
            bySelection(m);
        }
        return Arrays.copyOf(order, size);
    }

    private void swap(int x, int y) {
        int t = order[x];
        order[x] = order[y];
        order[y] = t;
    }

    /**
     * The candidates of a span to test, best prior first.
     *
     * @param byPrior the span's candidates, best prior first
     * @param leftWord the LM id of the word before the span, or -1 at the sentence start
     * @param rightWord the LM id of the word after the span ({@link Vocabulary#END_SENTENCE} at the end)
     */
    PreparedCandidate[] choose(PreparedCandidate[] byPrior, int leftWord, int rightWord) {
        return choose(byPrior, leftWord, rightWord, Double.NEGATIVE_INFINITY);
    }

    /**
     * As {@link #choose(PreparedCandidate[], int, int)}, but when the candidates are ranked (more than
     * {@code size}) those of the best {@code size} keys whose bigram PMI (log10, both neighbours) is below
     * {@code floor} are left out: the pool may be smaller than {@code size}, or empty.
     */
    PreparedCandidate[] choose(PreparedCandidate[] byPrior, int leftWord, int rightWord, double floor) {
        return choose(byPrior, leftWord, rightWord, floor, null);
    }

    /**
     * As {@link #choose(PreparedCandidate[], int, int, double)}, with the PMIs of the first {@code known.length}
     * candidates given (null: none): what {@link #lastPmis} gave of a pool over the same candidates by prior with the
     * same neighbours (the first pass's pool, where a deepening reads the observed neighbours; branch
     * {@code deep22}). Only the others are scored.
     */
    PreparedCandidate[] choose(PreparedCandidate[] byPrior, int leftWord, int rightWord, double floor, double[] known) {
        if (byPrior.length <= size) {
            ranked = false;
            return byPrior;
        }
        ranked = true;
        this.floor = floor;
        int m = Math.min(reach, byPrior.length);
        rankedCount = m;
        if (key.length < m) {
            key = new double[m];
            order = new int[m];
        }
        grow(m);
        int given = known == null ? 0 : Math.min(known.length, m);
        if (given > 0) {
            System.arraycopy(known, 0, pmi, 0, given);
        }
        pmis(byPrior, given, m, leftWord, rightWord);
        for (int c = 0; c < m; c++) {
            key[c] = byPrior[c].prior() + LN10 * pmi[c];
            order[c] = c;
        }
        // the best `size` keys (ties: the better prior), best first, to order[0..size)
        if (noNaN(m)) {
            bestFirst(m);
        } else {
            bySelection(m);
        }
        // the chosen in their order by prior: marked, then read in index order (no sort)
        if (chosen.length < m) {
            chosen = new boolean[m];
        }
        int kept = 0;
        for (int k = 0; k < size; k++) {
            if (pmi[order[k]] >= floor) {
                chosen[order[k]] = true;
                kept++;
            }
        }
        PreparedCandidate[] pool = new PreparedCandidate[kept];
        int k = 0;
        for (int c = 0; c < m; c++) {
            if (chosen[c]) {
                chosen[c] = false;
                pool[k++] = byPrior[c];
            }
        }
        return pool;
    }
}
