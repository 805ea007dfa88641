package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.despin.model.Model;
import org.junit.jupiter.api.Test;

/**
 * The widened decode's evidence ({@link WidenedEvidence}, branch {@code docscore25}): read by {@link Detector#analyse}
 * in a document widened in the uncertain band (kind 1) or called spun and widened (kind 2), for the evaluation's dumps;
 * the report is the same as {@link Detector#check}'s, and a document not widened has none. The toy document of
 * {@link SpunWideningTest}: "general" -> "common" enters only the widened lattice.
 */
class WidenedEvidenceTest {
    private static final String TEXT = "The general problem is money." + " Then the storm hit the town at night.".repeat(12);

    @Test
    void aWidenedDocumentCarriesItsWidenedDecodesEvidenceAndTheSameReport() {
        Model model = ToyModel.news();
        // never called spun nor clean, widened at floor 0 by the default build's uncertain model
        DetectorSettings d = DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS;
        DetectorSettings uncertain = ToyModel.SETTINGS.with().spunBoost(0).cleanThreshold(0)
                .unspunEvidenceGate(0).uncertainFindingModel(d.uncertainFindingModel()).uncertainFloor(0).build();
        Detector detector = new Detector(model, uncertain);
        Detector.Analysis a = detector.analyse(TEXT, CheckOptions.DEFAULTS);
        assertEquals(detector.check(TEXT, CheckOptions.DEFAULTS), a.report());
        WidenedEvidence w = a.widened();
        assertEquals(1, w.kind());
        assertEquals(WidenedEvidence.FEATURES.size(), w.vector().length);
        // the one candidate ("general" -> "common") is the widened lattice's: the first decode has none, so the score's
        // topFindingProbability is 0 while the widened decode's reads it (one candidate of three read in 101 words), by
        // DEFAULTS at the reference rate and by the uncertain model at the decode's rate; it is not reported
        assertEquals(0.0, a.features().topFindingProbability());
        assertArrayEquals(new double[] {1, 0.045304764254641645, 0.08744515053350067, 0, 0, 0.09523809523809523, 0},
                w.vector(), 1e-12, w.toString());
        // below the floor: not widened, no evidence
        Detector above = new Detector(model, uncertain.with().uncertainFloor(1).build());
        assertSame(WidenedEvidence.NONE, above.analyse(TEXT, CheckOptions.DEFAULTS).widened());
        // every document called spun (threshold 0) and widened with the spun gate: kind 2, the boosted decode's
        DetectorSettings spun = ToyModel.SETTINGS.with().cleanThreshold(0).spunThreshold(0).spunEvidenceGate(0).build();
        Detector spunDetector = new Detector(model, spun);
        Detector.Analysis s = spunDetector.analyse(TEXT, CheckOptions.DEFAULTS);
        assertEquals(spunDetector.check(TEXT, CheckOptions.DEFAULTS), s.report());
        // (the boosted decode at its boosted rate: the same candidate, other posteriors)
        assertArrayEquals(new double[] {2, 0.08227937162033326, 0.10039426126926336, 0, 0, 0.3205398895506765, 0},
                s.widened().vector(), 1e-12, s.widened().toString());
        // the variants are capped at 3 in the vector, as the score caps them
        assertEquals(3.0, new WidenedEvidence(1, 0.5, 0.4, 1, 0.8, 0.05, 7).vector()[6]);
        assertEquals(List.of("wKind", "wTop", "wDecisionTop", "wFindingsPer100", "wConfidencePer100", "wRate",
                "wVariants"), WidenedEvidence.FEATURES);
    }
}
