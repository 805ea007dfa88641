package org.despin.lm.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A trigram model of a three-sentence corpus, worked out by hand.
 *
 * <pre>
 * corpus: "a b", "a b", "b a"  ->  &lt;s&gt; a b &lt;/s&gt; (twice), &lt;s&gt; b a &lt;/s&gt;
 * counted (longest n-gram ending at each word): &lt;s&gt; a (2), &lt;s&gt; a b (2), a b &lt;/s&gt; (2),
 *                                                &lt;s&gt; b (1), &lt;s&gt; b a (1), b a &lt;/s&gt; (1)
 * adjusted counts
 *   trigrams (raw):            &lt;s&gt; a b 2, a b &lt;/s&gt; 2, &lt;s&gt; b a 1, b a &lt;/s&gt; 1      t1=2 t2=2 t3=0
 *   bigrams: &lt;s&gt;-initial raw:   &lt;s&gt; a 2, &lt;s&gt; b 1
 *            others continuation: a b 1 ({&lt;s&gt;}), b &lt;/s&gt; 1 ({a}), b a 1 ({&lt;s&gt;}), a &lt;/s&gt; 1 ({b})   t1=5 t2=1 t3=0
 *   unigrams continuation:     a 2 ({&lt;s&gt;, b}), b 2 ({a, &lt;s&gt;}), &lt;/s&gt; 2 ({b, a}), &lt;unk&gt; 0   t1=0
 * every order has a zero count-of-count, so every order uses the fallback D1=.5 D2=1 D3+=1.5
 * unigrams: Σa = 6, N2 = 3 -> γ = 1*3/6 = .5, |V| without &lt;s&gt; = 4
 *   p(a) = p(b) = p(&lt;/s&gt;) = (2-1)/6 + .5/4 = 7/24;  p(&lt;unk&gt;) = .5/4 = 1/8
 * bigrams
 *   h=&lt;s&gt;: a 2, b 1; Σ=3; γ=(.5*1 + 1*1)/3 = .5   p(a|&lt;s&gt;) = 1/3 + .5*7/24 = 23/48; p(b|&lt;s&gt;) = .5/3 + 7/48 = 15/48
 *   h=a: b 1, &lt;/s&gt; 1; Σ=2; γ=.5*2/2 = .5          p(b|a) = p(&lt;/s&gt;|a) = .5/2 + .5*7/24 = 19/48
 *   h=b: &lt;/s&gt; 1, a 1; γ=.5                         p(&lt;/s&gt;|b) = p(a|b) = 19/48
 * trigrams
 *   h=&lt;s&gt; a: b 2; Σ=2; γ=1*1/2 = .5   p(b|&lt;s&gt; a) = (2-1)/2 + .5*19/48 = 67/96
 *   h=a b: &lt;/s&gt; 2; γ=.5               p(&lt;/s&gt;|a b) = 1/2 + .5*19/48 = 67/96
 *   h=&lt;s&gt; b: a 1; Σ=1; γ=.5*1/1=.5   p(a|&lt;s&gt; b) = .5/1 + .5*19/48 = 67/96
 *   h=b a: &lt;/s&gt; 1; γ=.5               p(&lt;/s&gt;|b a) = 67/96
 * back-off weights: γ of each context: .5 for &lt;s&gt;, a, b, &lt;s&gt; a, a b, &lt;s&gt; b, b a;
 *   1 (nothing follows) for &lt;/s&gt;, &lt;unk&gt;, b &lt;/s&gt;, a &lt;/s&gt;; p(&lt;s&gt;) is written as log10 -99.
 * </pre>
 */
class KneserNeyGoldenTest {
    private static final double HALF = Math.log10(0.5);

    @Test
    void trigramModelOfATinyCorpus() throws Exception {
        KneserNeyEstimator kn = new KneserNeyEstimator(3);
        kn.addSentence(new String[] {"a", "b"});
        kn.addSentence(new String[] {"a", "b"});
        kn.addSentence(new String[] {"b", "a"});
        BackoffSource m = kn.estimate();
        Map<String, float[]> got = new HashMap<>();
        StringBuilder order = new StringBuilder();
        for (int n = 1; n <= 3; n++) {
            m.forEach(n, (w, p, bo) -> {
                got.put(String.join(" ", w), new float[] {p, bo});
                order.append(String.join(" ", w)).append('|');
            });
        }
        assertEquals(4 + 1 + 6 + 4, got.size());
        // deterministic order: reserved words first, then by string, per order
        assertEquals("<unk>|<s>|</s>|a|b|<s> a|<s> b|a </s>|a b|b </s>|b a|<s> a b|<s> b a|a b </s>|b a </s>|",
                order.toString());
        expect(got, "<unk>", 1.0 / 8, 0);
        assertArrayEquals(new float[] {-99f, (float) HALF}, got.get("<s>"), 1e-5f);
        expect(got, "</s>", 7.0 / 24, 0);
        expect(got, "a", 7.0 / 24, HALF);
        expect(got, "b", 7.0 / 24, HALF);
        expect(got, "<s> a", 23.0 / 48, HALF);
        expect(got, "<s> b", 15.0 / 48, HALF);
        expect(got, "a b", 19.0 / 48, HALF);
        expect(got, "a </s>", 19.0 / 48, 0);
        expect(got, "b </s>", 19.0 / 48, 0);
        expect(got, "b a", 19.0 / 48, HALF);
        expect(got, "<s> a b", 67.0 / 96, 0);
        expect(got, "a b </s>", 67.0 / 96, 0);
        expect(got, "<s> b a", 67.0 / 96, 0);
        expect(got, "b a </s>", 67.0 / 96, 0);
    }

    private static void expect(Map<String, float[]> got, String ngram, double prob, double log10Backoff) {
        float[] v = got.get(ngram);
        assertEquals(Math.log10(prob), v[0], 1e-5, "log10 p of " + ngram);
        assertEquals(log10Backoff, v[1], 1e-5, "log10 back-off of " + ngram);
    }

    @Test
    void discountsFromCountOfCounts() {
        // Y = 100 / (100 + 2*40) = 5/9; D1 = 1 - 2Y*40/100 = 5/9; D2 = 2 - 3Y*20/40 = 7/6; D3+ = 3 - 4Y*10/20 = 17/9
        double[] d = KneserNeyEstimator.discounts(new long[] {0, 100, 40, 20, 10});
        assertArrayEquals(new double[] {5.0 / 9, 7.0 / 6, 17.0 / 9}, d, 1e-12);
        assertArrayEquals(KneserNeyEstimator.FALLBACK_DISCOUNTS, KneserNeyEstimator.discounts(new long[] {0, 5, 1, 0, 0}));
        // Y = 10/12, D2 = 2 - 3Y*100/1 < 0: invalid, falls back
        assertArrayEquals(KneserNeyEstimator.FALLBACK_DISCOUNTS, KneserNeyEstimator.discounts(new long[] {0, 10, 1, 100, 5}));
    }
}
