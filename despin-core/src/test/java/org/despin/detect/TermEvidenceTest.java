package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The term evidence score: a linear score over named facts of a term match. */
class TermEvidenceTest {
    /** Facts with the named ones set and every other one at {@code other}. */
    private static TermCandidates.ArcFacts facts(double other, Object... nameValue) {
        double[] v = new double[TermCandidates.ArcFacts.NAMES.size()];
        java.util.Arrays.fill(v, other);
        for (int k = 0; k < nameValue.length; k += 2) {
            v[TermCandidates.ArcFacts.NAMES.indexOf((String) nameValue[k])] = (Double) nameValue[k + 1];
        }
        return new TermCandidates.ArcFacts(v);
    }

    @Test
    void theScoreReadsEachNamedFactWithItsWeight() {
        assertEquals(java.util.List.of("context", "observedRarest", "lnMaxFanout", "channel", "rarityMargin", "lnRivals",
                "observedLeftFit"), TermEvidence.NAMES);
        TermEvidence e = new TermEvidence(new double[] {1, 2, 0, 0, 0, 3, -1, 0.5});
        assertEquals(1 + 2 * 0.5 + 3 * 1.5 - 1 * 2.0 + 0.5 * -4.0,
                e.score(facts(100, "context", 0.5, "observedRarest", 7.0, "lnMaxFanout", 7.0, "channel", 7.0,
                        "rarityMargin", 1.5, "lnRivals", 2.0, "observedLeftFit", -4.0)), 1e-12);
    }

    @Test
    void theDefaultsDoNotReadTheFactsAddedForRefits() {
        TermCandidates.ArcFacts a = facts(0, "context", 2.0, "observedRarest", -5.0, "lnMaxFanout", 3.0, "channel", -2.0);
        TermCandidates.ArcFacts b = facts(0, "context", 2.0, "observedRarest", -5.0, "lnMaxFanout", 3.0, "channel", -2.0,
                "rarityMargin", 1.4, "lnRivals", 1.1, "observedLeftFit", -0.7);
        double expected = 1.2628 + 1.0867 * 2.0 - 0.0854 * -5.0 - 1.1909 * 3.0 + 0.3811 * -2.0;
        assertEquals(expected, TermEvidence.DEFAULTS.score(a), 1e-12);
        assertEquals(expected, TermEvidence.DEFAULTS.score(b), 1e-12);
    }

    @Test
    void theContextNeededIsWhereTheScoreMeetsTheGate() {
        // defaults, the context read as 0: 1.2628 - 0.0854 * -5 - 1.1909 * ln 20 + 0.3811 * -2 = -2.640...
        TermCandidates.ArcFacts without = facts(0, "observedRarest", -5.0, "lnMaxFanout", Math.log(20), "channel", -2.0);
        double z0 = 1.2628 - 0.0854 * -5.0 - 1.1909 * Math.log(20) + 0.3811 * -2.0;
        double need = TermEvidence.DEFAULTS.contextNeeded(without, -1.5);
        assertEquals((-1.5 - z0) / 1.0867, need, 1e-12);
        assertEquals(1.04906, need, 1e-5);
        assertEquals(-1.5, TermEvidence.DEFAULTS.score(facts(0, "context", need, "observedRarest", -5.0, "lnMaxFanout",
                Math.log(20), "channel", -2.0)), 1e-12);
        // no bound where the context does not raise the score
        assertEquals(Double.NEGATIVE_INFINITY, new TermEvidence(new double[] {1, 0, 1, 1, 1, 0, 0, 0}).contextNeeded(without, 0));
        assertEquals(Double.NEGATIVE_INFINITY, new TermEvidence(new double[] {1, -0.5, 1, 1, 1, 0, 0, 0}).contextNeeded(without, 0));
    }

    @Test
    void aWeightPerFactAndTheInterceptAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> new TermEvidence(new double[] {1.2628, 1.0867, -0.0854, -1.1909, 0.3811}));
    }
}
