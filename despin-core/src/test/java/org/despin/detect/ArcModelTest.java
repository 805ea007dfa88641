package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArcModelTest {
    @Test
    void featuresAreClippedAndInTheDocumentedOrder() {
        double[] f = ArcFeatures.of(2.5, 1.0, 3.0, -12f, -10f, -4f, 1, -3f, 1, -1.5f, 2, 8, false, true, false, true,
                true);
        ArcFeatures.setSpanFeatures(f, -0.5, 3);
        // gain, gainAbove2, leftGain, context, observedFit (-12 - -4), observedLeftFit (-10 - -4),
        // observedUnigram, candidateUnigram, observedRare, channel, twoHops, lnCandidates, observedWords,
        // candidateWords, unknownObserved, name, sentenceStart, articleMismatch, behindBestGain, lnAdmitted,
        // relatedLink, relatedGeneric, lengthChange
        assertArrayEquals(new double[] {2.5, 0.5, 1.0, 3.0, -8, -6, -4, -3, 0, -1.5, 1, Math.log(8), 1, 1, 0, 1, 0, 1,
            -0.5, Math.log(3), 1, 0, 0}, f, 1e-9);
        // a hypernym link over a two-word original: relatedGeneric, one word of length change
        double[] generic = ArcFeatures.of(2.5, 1.0, 3.0, -12f, -10f, -4f, 1, -3f, 2, -1.5f, 1, 8, false, true, false, true,
                true, true);
        assertEquals(1, generic[ArcFeatures.NAMES.indexOf("relatedGeneric")]);
        assertEquals(1, generic[ArcFeatures.NAMES.indexOf("lengthChange")]);
        // relatedGeneric only with a related-only link
        assertEquals(0, ArcFeatures.of(2.5, 1.0, 3.0, -12f, -10f, -4f, 3, -3f, 1, -1.5f, 1, 8, false, true, false, true,
                false, true)[ArcFeatures.NAMES.indexOf("relatedGeneric")]);
        assertEquals(2, ArcFeatures.of(2.5, 1.0, 3.0, -12f, -10f, -4f, 3, -3f, 1, -1.5f, 1, 8, false, true, false, true,
                false, true)[ArcFeatures.NAMES.indexOf("lengthChange")]);
        assertEquals(ArcFeatures.SIZE, ArcFeatures.NAMES.size());
        double[] unknown = ArcFeatures.of(Double.NaN, 0, 0, 0f, 0f, -20f, 2, -1f, 1, -30f, 1, 0, true, false, true, false,
                false);
        assertEquals(0, unknown[ArcFeatures.NAMES.indexOf("relatedLink")]);
        assertEquals(-4, unknown[0]); // NaN gain counts as the lowest
        assertEquals(-9, unknown[6]); // log10 P = -10 per word, clipped
        assertEquals(4, unknown[8]);  // observedRare = -5 - (-9)
        assertEquals(-10, unknown[9]);
    }

    @Test
    void logOddsIsTheInterceptPlusTheWeightedFeatures() {
        double[] w = new double[ArcFeatures.SIZE + 1];
        w[0] = -2;
        w[1] = 1.5; // gain
        w[10] = 0.5; // channel
        ArcModel m = new ArcModel(w, 0.2);
        double[] f = new double[ArcFeatures.SIZE];
        f[0] = 2;
        f[9] = -1;
        assertEquals(-2 + 3 - 0.5, m.logOdds(f), 1e-12);
        assertEquals(Math.log(0.25), m.trainingPriorLogOdds(), 1e-12);
        w[0] = 99; // the model keeps its own copy
        assertEquals(0.5, m.logOdds(f), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new ArcModel(new double[3], 0.2));
        // a model of before (no relatedGeneric, lengthChange) reads with those two at weight 0
        double[] legacy = new double[ArcFeatures.SIZE - 1];
        legacy[0] = -2;
        legacy[1] = 1.5;
        ArcModel old = new ArcModel(legacy, 0.2);
        assertEquals(ArcFeatures.SIZE + 1, old.weights().length);
        f[ArcFeatures.NAMES.indexOf("lengthChange")] = 3;
        assertEquals(-2 + 3, old.logOdds(f), 1e-12);
        assertEquals(0, ArcModel.STOP24.weights()[ArcFeatures.NAMES.indexOf("relatedGeneric") + 1]);
        assertEquals(0, ArcModel.STOP24.weights()[ArcFeatures.NAMES.indexOf("lengthChange") + 1]);
        // branch channel25: DEFAULTS is STOP24 with its related-word weights refitted, every other weight the same
        double[] d = ArcModel.DEFAULTS.weights();
        double[] s = ArcModel.STOP24.weights();
        assertEquals(2.2955, d[ArcFeatures.NAMES.indexOf("relatedLink") + 1], 1e-12);
        assertEquals(0.9372, d[ArcFeatures.NAMES.indexOf("relatedGeneric") + 1], 1e-12);
        assertEquals(2.9660, s[ArcFeatures.NAMES.indexOf("relatedLink") + 1], 1e-12);
        for (int k = 0; k < d.length; k++) {
            if (k != ArcFeatures.NAMES.indexOf("relatedLink") + 1 && k != ArcFeatures.NAMES.indexOf("relatedGeneric") + 1) {
                assertEquals(s[k], d[k], 0.0, ArcFeatures.NAMES.get(Math.max(0, k - 1)));
            }
        }
        assertEquals(ArcModel.STOP24.trainingRate(), ArcModel.DEFAULTS.trainingRate());
        assertThrows(IllegalArgumentException.class, () -> new ArcModel(new double[ArcFeatures.SIZE + 1], 0));
    }
}
