package org.despin.lm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.GramList;
import org.despin.lm.build.IndexSort;
import org.despin.lm.build.NgramCursor;
import org.despin.lm.build.SortedFloats;
import org.despin.model.SectionOutput;

/**
 * Writes a {@link BackoffSource} as the "lm" section (layout in {@link LmFormat}). The trie
 * needs every n-gram's prefix and suffix to be stored; where a source lacks one (pruned ARPA
 * models), it is added with the probability the model gives it by backing off and a back-off
 * weight of 0, which changes no query (KenLM does the same).
 */
final class TrieWriter {
    private final int order;
    private final LmFormat.Quantization quantization;
    private String[] vocab;
    private float[] uniProb;
    private float[] uniBackoff;
    private GramList[] lists;

    TrieWriter(int order, LmFormat.Quantization quantization) {
        this.order = order;
        this.quantization = quantization;
    }

    void write(BackoffSource src, SectionOutput out) throws IOException {
        read(src);
        closeUnderPrefixAndSuffix();
        fillAddedProbabilities();
        encode(out);
    }

    private void read(BackoffSource src) throws IOException {
        Map<String, Integer> tmpIds = new HashMap<>();
        List<String> tmpWords = new ArrayList<>();
        for (String w : new String[] {"<unk>", "<s>", "</s>"}) {
            tmpIds.put(w, tmpWords.size());
            tmpWords.add(w);
        }
        lists = new GramList[order + 1];
        for (int n = 1; n <= order; n++) {
            GramList list = new GramList(n, (int) Math.min(Integer.MAX_VALUE - 8, src.count(n)));
            int[] tuple = new int[n];
            final int len = n;
            src.forEach(n, (words, p, b) -> {
                if (words.length != len) {
                    throw new IllegalArgumentException("a source gave an n-gram of " + words.length + " words as order " + len);
                }
                for (int i = 0; i < len; i++) {
                    Integer id = tmpIds.get(words[i]);
                    if (id == null) {
                        id = tmpWords.size();
                        tmpIds.put(words[i], id);
                        tmpWords.add(words[i]);
                    }
                    tuple[i] = id;
                }
                list.add(tuple, 0, p, len == order ? 0f : b);
            });
            lists[n] = list;
        }
        // final ids: the three reserved words, then the others by string
        int v = tmpWords.size();
        Integer[] byString = new Integer[v];
        for (int i = 0; i < v; i++) {
            byString[i] = i;
        }
        Arrays.sort(byString, 3, v, (x, y) -> tmpWords.get(x).compareTo(tmpWords.get(y)));
        int[] remap = new int[v];
        vocab = new String[v];
        for (int i = 0; i < v; i++) {
            remap[byString[i]] = i;
            vocab[i] = tmpWords.get(byString[i]);
        }
        for (int n = 1; n <= order; n++) {
            int[] w = lists[n].words;
            for (int i = 0, m = lists[n].size * n; i < m; i++) {
                w[i] = remap[w[i]];
            }
        }
        uniProb = new float[v];
        uniBackoff = new float[v];
        Arrays.fill(uniProb, Float.NaN);
        GramList u = lists[1];
        for (int i = u.size - 1; i >= 0; i--) { // the first of duplicates wins
            uniProb[u.words[i]] = u.prob[i];
            uniBackoff[u.words[i]] = u.backoff[i];
        }
        // words without a unigram behave as <unk> (MapLanguageModel semantics)
        if (Float.isNaN(uniProb[Vocabulary.UNKNOWN])) {
            uniProb[Vocabulary.UNKNOWN] = MapLanguageModel.UNKNOWN_LOG10;
            uniBackoff[Vocabulary.UNKNOWN] = 0f;
        }
        for (int w = 0; w < v; w++) {
            if (Float.isNaN(uniProb[w])) {
                uniProb[w] = uniProb[Vocabulary.UNKNOWN];
                uniBackoff[w] = 0f;
            }
        }
        lists[1] = null;
        for (int n = 2; n <= order; n++) {
            lists[n].sortReversedAndDedupe();
        }
    }

    private void closeUnderPrefixAndSuffix() {
        for (int n = order; n >= 3; n--) {
            GramList list = lists[n];
            GramList lower = lists[n - 1];
            GramList added = new GramList(n - 1, 16);
            for (int i = 0; i < list.size; i++) {
                int base = i * n;
                if (lower.find(list.words, base + 1) < 0) {
                    added.add(list.words, base + 1, Float.NaN, 0f);
                }
                if (lower.find(list.words, base) < 0) {
                    added.add(list.words, base, Float.NaN, 0f);
                }
            }
            if (added.size > 0) {
                for (int i = 0; i < added.size; i++) {
                    lower.add(added.words, i * (n - 1), Float.NaN, 0f);
                }
                lower.sortReversedAndDedupe();
            }
        }
    }

    private void fillAddedProbabilities() {
        for (int n = 2; n <= order; n++) {
            GramList list = lists[n];
            for (int i = 0; i < list.size; i++) {
                if (Float.isNaN(list.prob[i])) {
                    list.prob[i] = backedOff(list.words, i * n, n);
                    list.backoff[i] = 0f;
                }
            }
        }
    }

    /** log10 p(last | rest) of the tuple {@code t[from..from+n)} from the orders below n. */
    private float backedOff(int[] t, int from, int n) {
        float backoffs = 0;
        for (int j = 0; j < n - 1; j++) {
            int len = n - j;
            if (j > 0) {
                int e = lists[len].find(t, from + j);
                if (e >= 0) {
                    return lists[len].prob[e] + backoffs;
                }
            }
            backoffs += backoffOf(t, from + j, len - 1);
        }
        return uniProb[t[from + n - 1]] + backoffs;
    }

    private float backoffOf(int[] t, int from, int len) {
        if (len == 1) {
            return uniBackoff[t[from]];
        }
        int e = lists[len].find(t, from);
        return e >= 0 ? lists[len].backoff[e] : 0f;
    }

    /** The lists as the encoder's input: each order in forward (id-tuple) order. */
    private void encode(SectionOutput out) throws IOException {
        TrieEncoder.encode(new TrieEncoder.Input() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public String[] vocabulary() {
                return vocab;
            }

            @Override
            public float[] unigramLog10Prob() {
                return uniProb;
            }

            @Override
            public float[] unigramLog10Backoff() {
                return uniBackoff;
            }

            @Override
            public long count(int n) {
                return lists[n].size;
            }

            @Override
            public NgramCursor open(int n) {
                return forward(lists[n]);
            }

            @Override
            public SortedFloats values(int n, boolean backoff) {
                GramList list = lists[n];
                return SortedFloats.of(backoff ? list.backoff : list.prob, list.size);
            }
        }, quantization, out);
    }

    /** The entries of a list sorted by their word tuple (oldest word first). */
    private static NgramCursor forward(GramList list) {
        int n = list.n;
        int[] perm = new int[list.size];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        int[] w = list.words;
        IndexSort.sort(perm, (x, y) -> Arrays.compare(w, x * n, x * n + n, w, y * n, y * n + n));
        int[] words = new int[n];
        return new NgramCursor() {
            private int i = -1;

            @Override
            public boolean next() {
                if (++i >= perm.length) {
                    return false;
                }
                System.arraycopy(w, perm[i] * n, words, 0, n);
                return true;
            }

            @Override
            public int[] words() {
                return words;
            }

            @Override
            public float log10Prob() {
                return list.prob[perm[i]];
            }

            @Override
            public float log10Backoff() {
                return list.backoff[perm[i]];
            }

            @Override
            public void close() {
            }
        };
    }
}
