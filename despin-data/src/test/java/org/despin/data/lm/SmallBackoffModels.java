package org.despin.data.lm;

import java.util.HashMap;
import java.util.Map;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;

/** Toy back-off models and their stored n-grams, for the tests of the LM mixtures (DefaultLmBuildTest, FoldModelTest). */
public final class SmallBackoffModels {
    private SmallBackoffModels() {
    }

    /** A bigram Kneser-Ney model of the given sentences (words split on spaces). */
    public static BackoffSource kn(String... sentences) {
        KneserNeyEstimator kn = new KneserNeyEstimator(2);
        for (String s : sentences) {
            kn.addSentence(s.split(" "));
        }
        return kn.estimate();
    }

    /** log10 probabilities of the stored n-grams of order n, keyed by the words joined by spaces. */
    public static Map<String, Float> grams(BackoffSource src, int n) throws Exception {
        Map<String, Float> out = new HashMap<>();
        src.forEach(n, (words, p, bow) -> out.put(String.join(" ", words), p));
        return out;
    }

    /** The probability of a stored n-gram of {@link #grams}, 0 when it is not stored. */
    public static double p(Map<String, Float> m, String w) {
        Float f = m.get(w);
        return f == null ? 0 : Math.pow(10, f);
    }
}
