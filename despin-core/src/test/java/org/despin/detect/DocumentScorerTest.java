package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DocumentScorerTest {
    private static final DocumentFeatures FEATURES = new DocumentFeatures(120, 80, 0.04, 2.5, 0.6, 0.8, 5, 1, 0.9,
            1.7, 1.25, -0.2, 0.2);

    @Test
    void theVectorFollowsTheFeatureListWithCountsCappedAtThree() {
        assertEquals(java.util.List.of("spinRate", "confidencePer100", "artefactsPer100", "names", "variants",
                "positiveSpansPer100", "expectedRestorationsPer100", "topFindingProbability"), DocumentScorer.FEATURES);
        assertArrayEquals(new double[] {0.04, 0.6, 0.8, 3, 1, 0.9, 1.7, 1.25}, DocumentScorer.vector(FEATURES), 0);
    }

    @Test
    void theScoreIsTheLogisticOfTheWeightedFeatures() {
        DocumentScorer scorer = new DocumentScorer(DocumentScorer.Coefficients.of(new double[] {-2, 10, 0, 0, 0.5, 0, 0, 0, 2}));
        // -2 + 10 * 0.04 + 0.5 * 3 + 2 * 1.25 = 2.4
        assertEquals(1 / (1 + Math.exp(-2.4)), scorer.score(FEATURES), 1e-15);
        assertEquals(0.9168273035060777, scorer.score(FEATURES), 1e-15);
        DocumentFeatures empty = new DocumentFeatures(0, 0, 0.04, 0, 0, 0, 0, 0, 0, 0, 1, Double.NaN, 0);
        assertEquals(0, scorer.score(empty));
    }

    @Test
    void coefficientsNeedOneWeightPerFeatureAndTheIntercept() {
        assertThrows(IllegalArgumentException.class, () -> DocumentScorer.Coefficients.of(new double[8]));
        assertEquals(3.892, DocumentScorer.Coefficients.DEFAULTS.topFindingProbability());
        assertEquals(DocumentScorer.Coefficients.DEFAULTS, DetectorSettings.DEFAULTS.score());
    }
}
