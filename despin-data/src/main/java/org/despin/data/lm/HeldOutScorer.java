package org.despin.data.lm;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.despin.lm.build.BackoffSource;

/**
 * Scores a fixed set of held-out sentences under any {@link BackoffSource} (ARPA back-off), without
 * building a queryable model: it keeps, while the source streams its n-grams, only those the
 * sentences need. Used to compare the components of the default model and to choose the weight
 * of their mixture.
 *
 * <p>A token is a word or the sentence end {@code </s>}; the history starts with {@code <s>}. A
 * word the source does not know gets the source's {@code <unk>} probability, or
 * {@link #UNKNOWN_LOG10} when it has no {@code <unk>} (as {@link org.despin.lm.MapLanguageModel}
 * does), and is flagged as unknown.
 */
public final class HeldOutScorer {
    /** log10 probability of a word unknown to a source without {@code <unk>}. */
    public static final float UNKNOWN_LOG10 = org.despin.lm.MapLanguageModel.UNKNOWN_LOG10;

    private final List<String[]> sentences;
    private final int tokens;
    private final Set<String> needed = new HashSet<>();

    /** @param sentences sentences of LM words, without sentence markers */
    public HeldOutScorer(List<String[]> sentences, int maxOrder) {
        this.sentences = sentences;
        int n = 0;
        for (String[] s : sentences) {
            String[] t = withMarkers(s);
            for (int i = 0; i < t.length; i++) { // from 0: "<s>" is a context, with a back-off weight
                for (int k = 1; k <= maxOrder && i - k + 1 >= 0; k++) {
                    needed.add(key(t, i - k + 1, i + 1)); // the n-gram ending at i, also a context for i + 1
                }
            }
            n += s.length + 1;
        }
        needed.add("<unk>");
        this.tokens = n;
    }

    /** Number of tokens scored: words plus one sentence end per sentence. */
    public int tokens() {
        return tokens;
    }

    /** Per-token scores of the sentences under {@code source}, in sentence order. */
    public Scores score(BackoffSource source) throws IOException {
        Map<String, float[]> entries = new HashMap<>(needed.size() * 2);
        for (int n = 1; n <= source.order(); n++) {
            source.forEach(n, (words, prob, backoff) -> {
                String k = key(words, 0, words.length);
                if (needed.contains(k)) {
                    entries.put(k, new float[] {prob, backoff});
                }
            });
        }
        float[] unk = entries.get("<unk>");
        float unknownLog10 = unk != null ? unk[0] : UNKNOWN_LOG10;
        double[] log10 = new double[tokens];
        boolean[] known = new boolean[tokens];
        int at = 0;
        for (String[] s : sentences) {
            String[] t = withMarkers(s);
            for (int i = 1; i < t.length; i++, at++) {
                if (!entries.containsKey(t[i])) {
                    log10[at] = unknownLog10;
                    continue;
                }
                known[at] = true;
                log10[at] = backoffProb(entries, t, i, source.order());
            }
        }
        return new Scores(log10, known);
    }

    /** log10 P(t[i] | t[..i-1]): the longest stored n-gram plus the back-offs of the longer contexts. */
    private static double backoffProb(Map<String, float[]> entries, String[] t, int i, int order) {
        int longest = Math.min(order, i + 1);
        double backoff = 0;
        for (int k = longest; k >= 1; k--) {
            float[] gram = entries.get(key(t, i - k + 1, i + 1));
            if (gram != null) {
                return gram[0] + backoff;
            }
            float[] context = entries.get(key(t, i - k + 1, i)); // k - 1 words before t[i]
            if (context != null && k > 1) {
                backoff += context[1];
            }
        }
        throw new IllegalStateException("known word without a unigram: " + t[i]);
    }

    private static String[] withMarkers(String[] words) {
        String[] t = new String[words.length + 2];
        t[0] = "<s>";
        System.arraycopy(words, 0, t, 1, words.length);
        t[t.length - 1] = "</s>";
        return t;
    }

    private static String key(String[] words, int from, int to) {
        if (to - from == 1) {
            return words[from];
        }
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(' ');
            }
            b.append(words[i]);
        }
        return b.toString();
    }

    /**
     * Scores of each token.
     *
     * @param log10 log10 probability of each token
     * @param known whether the source knows the token's word
     */
    public record Scores(double[] log10, boolean[] known) {
    }
}
