package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizerTest {
    /**
     * Log-probabilities as an n-gram model has them: most between -7 and -3, a thin tail of
     * near-certain words close to 0. Equal-population bins alone put -0.023 into a bin centred
     * near -0.23; the evenly spaced edges bound the error for every value.
     */
    @Test
    void nearCertainWordsKeepTheirProbability() {
        Random r = new Random(7);
        int n = 200_000;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i < 200 ? (float) (-0.5 * r.nextDouble()) : (float) (-3 - 4 * r.nextDouble());
        }
        v[0] = -0.023f;
        v[1] = -99f; // <s>
        Quantizer q = Quantizer.build(v, n, 10, false);
        float worst = 0;
        for (int i = 0; i < n; i++) {
            if (v[i] > -20) {
                worst = Math.max(worst, Math.abs(q.centres[(int) q.encode(v[i])] - v[i]));
            }
        }
        assertTrue(worst < 0.02f, "worst error " + worst);
        assertTrue(Math.abs(q.centres[(int) q.encode(-0.023f)] + 0.023f) < 0.005f);
        assertTrue(q.centres.length <= 1024);
    }

    @Test
    void fewDistinctValuesAreKeptExactly() {
        float[] v = {0f, -1f, -2.5f, -1f, 0f};
        Quantizer q = Quantizer.build(v, v.length, 8, true);
        for (float x : v) {
            assertEquals(x, q.centres[(int) q.encode(x)]);
        }
    }
}
