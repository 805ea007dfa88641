package org.despin.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.text.Document;
import org.despin.text.Normalizer;
import org.despin.text.Token;
import org.despin.text.TokenType;
import org.despin.text.Tokenizer;

/**
 * Word co-occurrence vectors for a topic study (branch {@code topic}): random indexing over the content words
 * (no {@link FunctionWords}, counted by {@link DocumentWords#stem}) of running text. Each vocabulary word has a
 * fixed sparse random index vector ({@link #DIM} dimensions, {@link #NONZERO} entries of +-1, drawn from a
 * generator seeded by the word itself); its context vector sums the index vectors of the content words within
 * {@link #WINDOW} content words either side, each down-weighted by its frequency (min(1, sqrt(1e-4 / share))).
 * The context vectors are normalised, their mean subtracted (random indexing puts every word near a common
 * direction) and normalised again. Deterministic: the same texts give the same vectors.
 */
final class TopicVectors {
    /** Dimensions ({@code -DtopicDim}, default 128). */
    static final int DIM = Integer.getInteger("topicDim", 128);
    static final int NONZERO = 8;
    /** Content words either side ({@code -DtopicWindow}, default 10). */
    static final int WINDOW = Integer.getInteger("topicWindow", 10);
    /** Occurrences a word needs for a vector ({@code -DtopicMinCount}, default 5). */
    static final int MIN_COUNT = Integer.getInteger("topicMinCount", 5);
    static final int MAX_VOCABULARY = 50_000;

    private final Map<String, Integer> ids;
    private final float[][] vectors;

    private TopicVectors(Map<String, Integer> ids, float[][] vectors) {
        this.ids = ids;
        this.vectors = vectors;
    }

    /** The content-word stems of a text, in order ({@code null} never: function words and non-words left out). */
    static List<String> contentWords(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : Tokenizer.DEFAULT.parse(text).tokens()) {
            String w = key(t);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    /** A word token's key (its stem), or null for a function word or another token. */
    static String key(Token t) {
        if (t.type() != TokenType.WORD) {
            return null;
        }
        return key(Normalizer.lmForm(t.text()));
    }

    /** A normalised word's key, or null for a function word. */
    static String key(String normal) {
        if (FunctionWords.contains(normal) || normal.length() < 2 || !Character.isLetter(normal.charAt(0))) {
            return null;
        }
        return DocumentWords.stem(normal);
    }

    /**
     * Vectors from the TRAINING documents of the default corpora (not the WordNet examples), each corpus read up to
     * {@code maxWordsPerCorpus} content words, leaving out the documents {@code exclude} names (the fit fold).
     */
    static TopicVectors fromCorpora(DataPaths paths, Predicate<CorpusDocument> exclude, int maxWordsPerCorpus)
            throws Exception {
        List<List<String>> docs = new ArrayList<>();
        for (Corpus corpus : DefaultCorpora.all(paths)) {
            if (corpus.name().startsWith("wordnet")) {
                continue;
            }
            int words = 0;
            for (CorpusDocument d : DefaultCorpora.training(corpus)) {
                if (exclude.test(d)) {
                    continue;
                }
                List<String> w = contentWords(d.text());
                docs.add(w);
                words += w.size();
                if (words >= maxWordsPerCorpus) {
                    break;
                }
            }
            System.out.printf(java.util.Locale.ROOT, "  topic vectors: %s, %d content words%n", corpus.name(), words);
        }
        return build(docs);
    }

    /** Vectors from documents given as their content-word keys. */
    static TopicVectors build(List<List<String>> docs) {
        Map<String, Integer> counts = new HashMap<>();
        long total = 0;
        for (List<String> d : docs) {
            for (String w : d) {
                counts.merge(w, 1, Integer::sum);
                total++;
            }
        }
        List<String> vocabulary = new ArrayList<>();
        counts.forEach((w, n) -> {
            if (n >= MIN_COUNT) {
                vocabulary.add(w);
            }
        });
        vocabulary.sort((a, b) -> counts.get(a).intValue() != counts.get(b).intValue()
                ? Integer.compare(counts.get(b), counts.get(a)) : a.compareTo(b));
        if (vocabulary.size() > MAX_VOCABULARY) {
            vocabulary.subList(MAX_VOCABULARY, vocabulary.size()).clear();
        }
        Map<String, Integer> ids = new HashMap<>();
        int[][] index = new int[vocabulary.size()][];
        float[] weight = new float[vocabulary.size()];
        for (int i = 0; i < vocabulary.size(); i++) {
            String w = vocabulary.get(i);
            ids.put(w, i);
            index[i] = indexVector(w);
            weight[i] = (float) Math.min(1, Math.sqrt(1e-4 / (counts.get(w) / (double) total)));
        }
        float[][] ctx = new float[vocabulary.size()][DIM];
        for (List<String> d : docs) {
            int[] seq = new int[d.size()];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = ids.getOrDefault(d.get(i), -1);
            }
            for (int i = 0; i < seq.length; i++) {
                if (seq[i] < 0) {
                    continue;
                }
                float[] v = ctx[seq[i]];
                for (int j = Math.max(0, i - WINDOW); j <= Math.min(seq.length - 1, i + WINDOW); j++) {
                    int c = seq[j];
                    if (j == i || c < 0) {
                        continue;
                    }
                    int[] ix = index[c];
                    for (int k = 0; k < ix.length; k++) {
                        int e = ix[k];
                        v[e >> 1] += (e & 1) == 0 ? weight[c] : -weight[c];
                    }
                }
            }
        }
        double[] mean = new double[DIM];
        for (float[] v : ctx) {
            normalise(v);
            for (int k = 0; k < DIM; k++) {
                mean[k] += v[k] / ctx.length;
            }
        }
        for (float[] v : ctx) {
            for (int k = 0; k < DIM; k++) {
                v[k] -= (float) mean[k];
            }
            normalise(v);
        }
        return new TopicVectors(ids, ctx);
    }

    /** The word's index vector as entries {@code 2 * dimension + sign bit}, from a generator seeded by the word. */
    static int[] indexVector(String word) {
        SplittableRandom r = new SplittableRandom(word.hashCode() * 0x9E3779B97F4A7C15L + 17);
        int[] out = new int[NONZERO];
        boolean[] used = new boolean[DIM];
        for (int k = 0; k < NONZERO; k++) {
            int d;
            do {
                d = r.nextInt(DIM);
            } while (used[d]);
            used[d] = true;
            out[k] = 2 * d + r.nextInt(2);
        }
        return out;
    }

    private static void normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        if (n > 0) {
            float s = (float) (1 / Math.sqrt(n));
            for (int k = 0; k < v.length; k++) {
                v[k] *= s;
            }
        }
    }

    int size() {
        return vectors.length;
    }

    /** The unit vector of a key, or null outside the vocabulary. */
    float[] vector(String key) {
        Integer id = key == null ? null : ids.get(key);
        return id == null ? null : vectors[id];
    }

    static double cosine(float[] a, double[] b) {
        double dot = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            nb += b[k] * b[k];
        }
        return nb == 0 ? Double.NaN : dot / Math.sqrt(nb);
    }

    /** The document's content-word vectors summed, token by token (null entries: no vector), for {@link #fit}. */
    final class Doc {
        final float[][] tokenVectors;
        final double[] sum = new double[DIM];

        Doc(Document doc) {
            List<Token> tokens = doc.tokens();
            tokenVectors = new float[tokens.size()][];
            for (int t = 0; t < tokens.size(); t++) {
                float[] v = vector(key(tokens.get(t)));
                tokenVectors[t] = v;
                if (v != null) {
                    for (int k = 0; k < DIM; k++) {
                        sum[k] += v[k];
                    }
                }
            }
        }

        /**
         * The topic fit of {@code phrase} (normalised words, space-separated) in place of tokens
         * {@code [from, to)}: the mean cosine of its content words' vectors with the centroid of the document's
         * other content words (the span left out); NaN when none of its content words has a vector.
         */
        double fit(String phrase, int from, int to) {
            double[] c = sum.clone();
            for (int t = from; t < to; t++) {
                float[] v = tokenVectors[t];
                if (v != null) {
                    for (int k = 0; k < DIM; k++) {
                        c[k] -= v[k];
                    }
                }
            }
            double s = 0;
            int n = 0;
            for (String w : phrase.split(" ")) {
                float[] v = vector(key(w));
                if (v != null) {
                    s += cosine(v, c);
                    n++;
                }
            }
            return n == 0 ? Double.NaN : s / n;
        }
    }

    Doc doc(Document doc) {
        return new Doc(doc);
    }

    @Override
    public String toString() {
        return "TopicVectors[" + vectors.length + " words, dim " + DIM + ", first " + Arrays.toString(
                Arrays.copyOf(vectors.length == 0 ? new float[0] : vectors[0], 3)) + "]";
    }
}
