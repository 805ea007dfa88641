package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DocumentScorerTest {
    private static final DocumentFeatures FEATURES = new DocumentFeatures(120, 80, 0.04, 2.5, 0.6, 0.8, 5, 1, 0.9,
            1.7, 1.25, -0.2, 0.2, 0.3, null);

    @Test
    void theVectorFollowsTheFeatureListWithCountsCappedAtThree() {
        assertEquals(java.util.List.of("spinRate", "confidencePer100", "artefactsPer100", "names", "variants",
                "positiveSpansPer100", "expectedRestorationsPer100", "topFindingProbability", "registerAboveGate",
                "topFindingProbabilityTrees"),
                DocumentScorer.FEATURES);
        assertArrayEquals(new double[] {0.04, 0.6, 0.8, 3, 1, 0.9, 1.7, 1.25, 0.2, 0.3}, DocumentScorer.vector(FEATURES), 0);
    }

    @Test
    void theScoreIsTheLogisticOfTheWeightedFeatures() {
        DocumentScorer scorer = new DocumentScorer(DocumentScorer.Coefficients.of(new double[] {-2, 10, 0, 0, 0.5, 0, 0, 0, 2}));
        // -2 + 10 * 0.04 + 0.5 * 3 + 2 * 1.25 = 2.4
        assertEquals(1 / (1 + Math.exp(-2.4)), scorer.score(FEATURES), 1e-15);
        assertEquals(0.9168273035060777, scorer.score(FEATURES), 1e-15);
        DocumentFeatures empty = new DocumentFeatures(0, 0, 0.04, 0, 0, 0, 0, 0, 0, 0, 1, Double.NaN, 0, 0, null);
        assertEquals(0, scorer.score(empty));
    }

    @Test
    void coefficientsNeedOneWeightPerFeatureAndTheIntercept() {
        assertThrows(IllegalArgumentException.class, () -> DocumentScorer.Coefficients.of(new double[8]));
        assertThrows(IllegalArgumentException.class, () -> DocumentScorer.Coefficients.of(new double[12]));
        // nine weights, as the fits of before the register printed them: the register's weight 0
        assertEquals(new DocumentScorer.Coefficients(-2.770, 0.198, 0.144, 1.960, 0.813, 0.056, 0.501, 0.943, 3.937, 0, 0),
                DocumentScorer.Coefficients.of(new double[] {-2.770, 0.198, 0.144, 1.960, 0.813, 0.056, 0.501, 0.943, 3.937}));
        assertEquals(0, DocumentScorer.Coefficients.DEFAULTS.registerAboveGate());
        assertEquals(0, DocumentScorer.Coefficients.DEFAULTS.topFindingProbabilityTrees());
        // ten weights, as the fits of before branch docscore25: the trees' top weight 0
        assertEquals(0, DocumentScorer.Coefficients.of(new double[10]).topFindingProbabilityTrees());
        assertEquals(3.892, DocumentScorer.Coefficients.DEFAULTS.topFindingProbability());
        assertEquals(DocumentScorer.Coefficients.DEFAULTS, DetectorSettings.DEFAULTS.score());
    }

    /** The stop-21 score (branch docscore21), read back weight by weight, and its value on a fixed feature vector. */
    @Test
    void theDocCommentScoreIsTheRegisterRefit() {
        DocumentScorer.Coefficients c = DocumentScorer.Coefficients.WITH_DOC_COMMENTS;
        assertEquals(DocumentScorer.Coefficients.of(new double[] {-3.371, 0.778, -0.106, 1.447, 1.030, 0.095, 0.582, 0.482,
            7.292, 0.722}), c);
        assertEquals(-3.371, c.intercept());
        assertEquals(0.778, c.spinRate());
        assertEquals(-0.106, c.confidencePer100());
        assertEquals(1.447, c.artefactsPer100());
        assertEquals(1.030, c.names());
        assertEquals(0.095, c.variants());
        assertEquals(0.582, c.positiveSpansPer100());
        assertEquals(0.482, c.expectedRestorationsPer100());
        assertEquals(7.292, c.topFindingProbability());
        assertEquals(0.722, c.registerAboveGate());
        // -3.371 + 0.778 * 0.04 - 0.106 * 0.6 + 1.447 * 0.8 + 1.030 * 3 + 0.095 * 1 + 0.582 * 0.9 + 0.482 * 1.7
        // + 7.292 * 1.25 + 0.722 * 0.2 = 11.54172
        assertEquals(11.54172, c.logit(FEATURES), 1e-12);
        assertEquals(1 / (1 + Math.exp(-11.54172)), new DocumentScorer(c).score(FEATURES), 1e-15);
        assertEquals(0.9999902839336327, new DocumentScorer(c).score(FEATURES), 1e-15);
    }

    /**
     * Branch docscore25: the refit with {@code topFindingProbabilityTrees}, read back weight by weight, its value on the
     * fixed vector, and the settings that use it (spunThreshold 0.87, cleanThreshold 0.24, nothing else changed).
     */
    @Test
    void theTreeTopScoreIsTheRefitWithTheTreesTop() {
        DocumentScorer.Coefficients c = DocumentScorer.Coefficients.WITH_TREE_TOP;
        assertEquals(DocumentScorer.Coefficients.of(new double[] {-3.252, 0.892, -0.155, 1.342, 0.866, 0.442, 0.406, 0.546,
            4.254, 0.685, 8.014}), c);
        assertEquals(8.014, c.topFindingProbabilityTrees());
        assertEquals(4.254, c.topFindingProbability());
        // -3.252 + 0.892 * 0.04 - 0.155 * 0.6 + 1.342 * 0.8 + 0.866 * 3 + 0.442 * 1 + 0.406 * 0.9 + 0.546 * 1.7
        // + 4.254 * 1.25 + 0.685 * 0.2 + 8.014 * 0.3 = 9.95658
        assertEquals(9.95658, c.logit(FEATURES), 1e-12);
        // the stop-21 score gives the feature no weight
        assertEquals(11.54172, DocumentScorer.Coefficients.WITH_DOC_COMMENTS.logit(FEATURES), 1e-12);
        DetectorSettings d = DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS;
        DetectorSettings t = d.withTreeTopScore();
        assertEquals(c, t.score());
        assertEquals(0.87, t.spunThreshold());
        assertEquals(0.24, t.cleanThreshold());
        assertEquals(d, t.with().score(d.score()).spunThreshold(0.89).cleanThreshold(0.25).build());
    }
}
