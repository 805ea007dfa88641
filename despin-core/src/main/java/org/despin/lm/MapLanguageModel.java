package org.despin.lm;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A back-off n-gram model in hash maps: the reference implementation the compact models are
 * tested against, and a small exact model for unit tests. Not fast and not compact.
 *
 * <p>Semantics (ARPA back-off): log10 P(w | h) is the stored probability of the longest suffix
 * {@code h' w} of {@code h w} that is stored, plus the back-off weights of every context
 * {@code h''} longer than {@code h'} that is stored as an n-gram. Unknown words get the
 * probability of {@code <unk>} if stored, else {@link #UNKNOWN_LOG10}.
 */
public final class MapLanguageModel implements LanguageModel {
    /** log10 probability of a word the model has never seen, when {@code <unk>} has no entry. */
    public static final float UNKNOWN_LOG10 = -7f;

    private final int order;
    private final MapVocabulary vocabulary;
    private final Map<NgramKey, float[]> entries; // {log10 prob, log10 backoff}

    private MapLanguageModel(int order, MapVocabulary vocabulary, Map<NgramKey, float[]> entries) {
        this.order = order;
        this.vocabulary = vocabulary;
        this.entries = entries;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public LmState newState() {
        return new ContextState(order - 1);
    }

    @Override
    public void beginSentence(LmState state) {
        ContextState s = (ContextState) state;
        s.length = 0;
        s.push(Vocabulary.BEGIN_SENTENCE);
    }

    @Override
    public void emptyContext(LmState state) {
        ((ContextState) state).length = 0;
    }

    @Override
    public float score(LmState in, int word, LmState out) {
        ContextState s = (ContextState) in;
        int n = s.length;
        int[] gram = new int[n + 1];
        System.arraycopy(s.words, 0, gram, 0, n);
        gram[n] = word;
        float backoff = 0;
        float result = Float.NaN;
        // longest suffix first: gram[from..n]
        for (int from = 0; from <= n; from++) {
            float[] e = entries.get(new NgramKey(gram, from, n + 1));
            if (e != null) {
                result = e[0];
                break;
            }
            // this context did not predict the word: its back-off weight applies
            if (from < n) {
                float[] ctx = entries.get(new NgramKey(gram, from, n));
                if (ctx != null) {
                    backoff += ctx[1];
                }
            }
        }
        if (Float.isNaN(result)) {
            float[] unk = entries.get(new NgramKey(new int[] {Vocabulary.UNKNOWN}, 0, 1));
            result = unk != null ? unk[0] : UNKNOWN_LOG10;
        }
        ContextState o = (ContextState) out;
        if (o != s) {
            o.copyFrom(s);
        }
        o.push(word);
        return result + backoff;
    }

    @Override
    public int matchedOrder(LmState in, int word) {
        ContextState s = (ContextState) in;
        int n = s.length;
        int[] gram = new int[n + 1];
        System.arraycopy(s.words, 0, gram, 0, n);
        gram[n] = word;
        for (int from = 0; from < n; from++) {
            if (entries.containsKey(new NgramKey(gram, from, n + 1))) {
                return n + 1 - from;
            }
        }
        return 1;
    }

    /** Reads an ARPA file (as written by SRILM or KenLM). */
    public static MapLanguageModel fromArpa(BufferedReader r) throws IOException {
        Builder b = null;
        int current = 0;
        int maxOrder = 0;
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("ngram ") && current == 0) {
                int eq = line.indexOf('=');
                maxOrder = Math.max(maxOrder, Integer.parseInt(line.substring(6, eq).strip()));
                continue;
            }
            if (line.startsWith("\\") && line.endsWith("-grams:")) {
                current = Integer.parseInt(line.substring(1, line.indexOf('-')));
                if (b == null) {
                    b = new Builder(maxOrder);
                }
                continue;
            }
            if (line.equals("\\data\\") || line.equals("\\end\\")) {
                continue;
            }
            if (current > 0) {
                String[] f = line.split("\\s+");
                if (f.length < current + 1) {
                    throw new IOException("ARPA line " + lineNo + ": expected " + (current + 1) + " fields: " + line);
                }
                String[] words = new String[current];
                System.arraycopy(f, 1, words, 0, current);
                float bo = f.length > current + 1 ? Float.parseFloat(f[current + 1]) : 0f;
                b.add(Float.parseFloat(f[0]), bo, words);
            }
        }
        if (b == null) {
            throw new IOException("not an ARPA file: no n-gram sections");
        }
        return b.build();
    }

    /** Collects n-grams; the vocabulary grows as words are added. */
    public static final class Builder {
        private final int order;
        private final MapVocabulary.Builder vocab = new MapVocabulary.Builder();
        private final Map<NgramKey, float[]> entries = new HashMap<>();

        public Builder(int order) {
            if (order < 1) {
                throw new IllegalArgumentException("order must be >= 1");
            }
            this.order = order;
        }

        /** Adds an n-gram with its log10 probability and log10 back-off weight. */
        public Builder add(float log10Prob, float log10Backoff, String... words) {
            if (words.length < 1 || words.length > order) {
                throw new IllegalArgumentException("n-gram of length " + words.length + " in an order-" + order + " model");
            }
            int[] ids = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                ids[i] = vocab.add(words[i]);
            }
            entries.put(new NgramKey(ids, 0, ids.length), new float[] {log10Prob, log10Backoff});
            return this;
        }

        public MapLanguageModel build() {
            return new MapLanguageModel(order, vocab.build(), new HashMap<>(entries));
        }
    }

    private static final class NgramKey {
        private final int[] ids;
        private final int hash;

        NgramKey(int[] source, int from, int to) {
            this.ids = java.util.Arrays.copyOfRange(source, from, to);
            this.hash = java.util.Arrays.hashCode(ids);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NgramKey && java.util.Arrays.equals(ids, ((NgramKey) o).ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
