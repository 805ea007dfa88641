package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingModelTest {
    @Test
    void probabilityIsTheLogisticOfTheWeightedFeatures() {
        double[] w = new double[FindingModel.SIZE + 1];
        w[0] = -1;
        w[1] = 0.5;
        w[3] = 2;
        FindingModel m = new FindingModel(w, -1.5);
        double[] x = new double[FindingModel.SIZE];
        x[0] = 4;   // arcLogOdds
        x[2] = 0.5; // spanMass
        x[5] = 7;   // rate: weight 0
        double p = m.probability(x);
        assertEquals(1 / (1 + Math.exp(-2.0)), p, 1e-15);
        assertEquals(0.8807970779778823, p, 1e-15);
        // the operating point shifts the confidence, not the fitted probability
        assertEquals(1 / (1 + Math.exp(-0.5)), m.confidence(x), 1e-15);
    }

    @Test
    void badWeightsOrThresholdAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FindingModel(new double[3], 0.5));
        assertThrows(IllegalArgumentException.class, () -> new FindingModel(new double[FindingModel.SIZE + 1], Double.NaN));
    }

    @Test
    void theWeightsAreCopied() {
        double[] w = new double[FindingModel.SIZE + 1];
        FindingModel m = new FindingModel(w, 0.5);
        w[0] = 5;
        assertEquals(0.5, m.probability(new double[FindingModel.SIZE]), 0);
        assertEquals(new FindingModel(new double[FindingModel.SIZE + 1], 0.5), m);
    }

    @Test
    void theDefaultsDecideInBothKindsOfDocument() {
        // both read the document's own words: a word the writer uses again is seldom a spinner's pick
        for (FindingModel m : List.of(FindingModel.DEFAULTS, FindingModel.SPUN)) {
            double[] w = m.weights();
            assertEquals(true, w[FindingModel.FEATURES.indexOf("observedElsewhere") + 1] < -1.5);
            assertEquals(true, w[FindingModel.FEATURES.indexOf("candidateElsewhere") + 1] > 0.4);
        }
        assertEquals(-1.7526, FindingModel.DEFAULTS.weights()[FindingModel.FEATURES.indexOf("observedElsewhere") + 1]);
        assertEquals(-0.1888, FindingModel.SPUN.weights()[FindingModel.FEATURES.indexOf("observedLeftFit") + 1]);
        assertEquals(FindingModel.DEFAULTS, DetectorSettings.DEFAULTS.findingModel());
        assertEquals(FindingModel.SPUN, DetectorSettings.DEFAULTS.spunFindingModel());
        // the operating points: fitted probability 0.40 where the boost does not apply, 0.52 where it does
        double[] x = new double[FindingModel.SIZE];
        double[] none = new double[FindingModel.SIZE + 1];
        none[0] = Math.log(0.40 / 0.60);
        assertEquals(0.5, new FindingModel(none, FindingModel.DEFAULTS.bias()).confidence(x), 1e-4);
        none[0] = Math.log(0.52 / 0.48);
        assertEquals(0.5, new FindingModel(none, FindingModel.SPUN.bias()).confidence(x), 1e-4);
    }

    @Test
    void theModelDecidesOnlyInDocumentsOfAHundredWordsOrMore() {
        // in a sentence the re-estimated rate is the prior's, not evidence of spin
        assertEquals(false, FindingModel.decidesIn(12));
        assertEquals(false, FindingModel.decidesIn(99));
        assertEquals(true, FindingModel.decidesIn(100));
    }

    @Test
    void theStoredOrderCountsTheNgramsTheLmStoresAcrossTheSpan() {
        // one sentence of training text, order 3: "<s> the security council met </s>" stores every n-gram of it
        org.despin.lm.LanguageModel lm = ToyModel.lm(3, List.of("The security council met."));
        org.despin.lm.Vocabulary v = lm.vocabulary();
        int[] ids = {v.id("the"), v.id("security"), v.id("council"), v.id("met")};
        // "security" after "<s> the" (3-gram: 2), "council" (2), "met" (2): the order - 1 = 2 words after; mean 2
        assertEquals(2.0, FindingModel.storedOrder(lm, ids, 1, 2, new int[] {v.id("security")}), 1e-12);
        // "council" read in place of "security": "the council" not stored (0), "council council" (0), then
        // "council met" (1): mean 1/3
        assertEquals(1.0 / 3, FindingModel.storedOrder(lm, ids, 1, 2, new int[] {v.id("council")}), 1e-12);
        // at the sentence's end the end marker is read: "met </s>" after "security council" (2)
        assertEquals(2.0, FindingModel.storedOrder(lm, ids, 3, 4, new int[] {v.id("met")}), 1e-12);
        // neither default weighs them, so the detector does not compute them
        assertEquals(false, FindingModel.DEFAULTS.readsStoredOrder());
        assertEquals(false, FindingModel.SPUN.readsStoredOrder());
        double[] w = new double[FindingModel.SIZE + 1];
        w[FindingModel.FEATURES.indexOf("candidateStored") + 1] = 0.5;
        assertEquals(true, new FindingModel(w, 0).readsStoredOrder());
    }
}
