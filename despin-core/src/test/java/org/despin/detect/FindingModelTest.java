package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void theModelDecidesOnlyInDocumentsOfAHundredWordsOrMore() {
        // in a sentence the re-estimated rate is the prior's, not evidence of spin
        assertEquals(false, FindingModel.decidesIn(12));
        assertEquals(false, FindingModel.decidesIn(99));
        assertEquals(true, FindingModel.decidesIn(100));
    }
}
