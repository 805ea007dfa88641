package org.despin.lm.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.despin.lm.LmTestSupport;
import org.despin.lm.MapLanguageModel;
import org.junit.jupiter.api.Test;

class KneserNeyEstimatorTest {
    @Test
    void everyContextSumsToOne() {
        for (int order = 1; order <= 4; order++) {
            KneserNeyEstimator kn = new KneserNeyEstimator(order);
            for (String[] s : LmTestSupport.smallCorpus()) {
                kn.addSentence(s);
            }
            BackoffSource src = kn.estimate();
            MapLanguageModel lm = LmTestSupport.toMap(src);
            List<String[]> contexts = LmTestSupport.contexts(src);
            for (String[] c : contexts) {
                assertEquals(1.0, LmTestSupport.totalProbability(lm, c), 1e-4, "order " + order + " context " + String.join(" ", c));
            }
        }
    }
}
