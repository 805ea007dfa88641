package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.despin.model.Model;
import org.junit.jupiter.api.Test;

/** The verdict score apart from the routing score (branch verdict26): thresholds, coefficients, and decoupling. */
class VerdictScoreTest {
    private static final VerdictScore RULE = new VerdictScore(DocumentScorer.Coefficients.DEFAULTS, 0.90, 0.20,
            SpunBands.parse("40:0.98,60:0.96,100:0.95"));

    @Test
    void theVerdictReadsItsOwnThresholdsAndShortDocumentsBands() {
        assertEquals(Verdict.SPUN, RULE.verdict(0.90, 120));
        assertEquals(Verdict.UNCERTAIN, RULE.verdict(0.8999, 120));
        assertEquals(Verdict.UNCERTAIN, RULE.verdict(0.20, 120));
        assertEquals(Verdict.CLEAN, RULE.verdict(0.1999, 120));
        // a 30-word text needs 0.98, a 50-word one 0.96, a 99-word one 0.95; 100 words and more: spunThreshold
        assertEquals(Verdict.UNCERTAIN, RULE.verdict(0.97, 30));
        assertEquals(Verdict.SPUN, RULE.verdict(0.98, 30));
        assertEquals(Verdict.UNCERTAIN, RULE.verdict(0.955, 50));
        assertEquals(Verdict.SPUN, RULE.verdict(0.96, 50));
        assertEquals(Verdict.UNCERTAIN, RULE.verdict(0.94, 99));
        assertEquals(Verdict.SPUN, RULE.verdict(0.91, 100));
        assertEquals(0.95, RULE.spunThresholdFor(99));
        assertEquals(0.90, RULE.spunThresholdFor(100));
        assertEquals(0.90, new VerdictScore(DocumentScorer.Coefficients.DEFAULTS, 0.90, 0.20, null).spunThresholdFor(30));
    }

    @Test
    void thresholdsOutOfOrderAreRefused() {
        DocumentScorer.Coefficients c = DocumentScorer.Coefficients.DEFAULTS;
        assertThrows(IllegalArgumentException.class, () -> new VerdictScore(c, 0.30, 0.40, null));
        assertThrows(IllegalArgumentException.class, () -> new VerdictScore(c, 1.10, 0.20, null));
        assertThrows(IllegalArgumentException.class, () -> new VerdictScore(c, 0.90, -0.1, null));
        assertThrows(IllegalArgumentException.class, () -> new VerdictScore(c, 0.90, Double.NaN, null));
        assertThrows(IllegalArgumentException.class, () -> new VerdictScore(null, 0.90, 0.20, null));
        // a band below the clean threshold would call a text both
        assertThrows(IllegalArgumentException.class, () -> new VerdictScore(c, 0.90, 0.50, SpunBands.parse("40:0.45")));
        assertEquals(new VerdictScore(c, 0.95, 0.30, RULE.spunBands()), RULE.withThresholds(0.95, 0.30).withCoefficients(c));
    }

    @Test
    void theDefaultVerdictScoreIsTheTreesTopFitAndTheRoutingScoreStaysAsItWas() {
        // the fit's "all rows" line, as -DverdictScore takes it: eleven weights
        double[] printed = Arrays.stream("-3.011,0.277,-0.008,1.327,0.825,0.242,0.496,0.236,1.279,0.692,8.835".split(","))
                .mapToDouble(Double::parseDouble).toArray();
        assertEquals(DocumentScorer.Coefficients.of(printed), VerdictScore.WITH_TREE_TOP.coefficients());
        assertEquals(0.90, VerdictScore.WITH_TREE_TOP.spunThreshold());
        assertEquals(0.20, VerdictScore.WITH_TREE_TOP.cleanThreshold());
        // since branch deftrees28 refitted for the trees with the lexicon link's type, which it reads
        double[] refitted = Arrays.stream("-3.080,0.049,-0.023,1.373,1.026,0.166,0.625,0.106,-0.170,0.731,8.570".split(","))
                .mapToDouble(Double::parseDouble).toArray();
        VerdictScore l = VerdictScore.WITH_LINK_TREE_TOP;
        // since stop 29 the default is the two-piece form whose spun calls are this score's (theTwoPieceForm... below)
        assertEquals(VerdictScore.TWO_PIECE, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.verdictScore());
        assertEquals(l.coefficients(), DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.verdictScore().top());
        assertEquals(DocumentScorer.Coefficients.of(refitted), l.coefficients());
        assertEquals(8.570, l.coefficients().topFindingProbabilityTrees());
        assertEquals(0.90, l.spunThreshold());
        assertEquals(0.19, l.cleanThreshold());
        assertEquals(SpunBands.WITH_DOC_COMMENTS, l.spunBands());
        assertNull(l.forms());
        assertFalse(l.readsForms());
        // branch verdict29 (measured, not in the defaults): with the observed words' summaries, the fit's "all rows +
        // forms" line at L2 0.1
        double[] withForms = Arrays.stream("-10.208,0.348,-0.027,1.429,1.170,0.069,0.633,0.184,-0.783,0.824,8.389".split(","))
                .mapToDouble(Double::parseDouble).toArray();
        VerdictScore v = VerdictScore.WITH_FORMS;
        assertEquals(DocumentScorer.Coefficients.of(withForms), v.coefficients());
        assertEquals(new VerdictScore.Forms(0.901, -1.297, -0.289, 0.784, 0.471, 0), v.forms());
        assertTrue(v.readsForms());
        assertEquals(0.91, v.spunThreshold());
        assertEquals(0.18, v.cleanThreshold());
        assertEquals(SpunBands.WITH_DOC_COMMENTS, v.spunBands());
        assertEquals(l.withCoefficients(v.coefficients()).withThresholds(0.91, 0.18).withForms(v.forms()), v);
        // the routing score the finding models and thresholds were fitted with: unchanged
        DetectorSettings d = DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS;
        assertEquals(DocumentScorer.Coefficients.WITH_DOC_COMMENTS, d.score());
        assertEquals(0, d.score().topFindingProbabilityTrees());
        assertEquals(0.89, d.spunThreshold());
        assertEquals(0.25, d.cleanThreshold());
        assertEquals(0.65, d.uncertainFloor());
        // settings without a verdict score give the verdict by the routing score, as before
        assertNull(DetectorSettings.DEFAULTS.verdictScore());
        assertEquals(new VerdictScore(DocumentScorer.Coefficients.DEFAULTS, 0.86, 0.28, null),
                DetectorSettings.DEFAULTS.verdictScoreOrRouting());
        assertEquals(VerdictScore.TWO_PIECE, d.verdictScoreOrRouting());
        assertNull(d.with().verdictScore(null).build().verdictScore());
    }

    /** The summaries' weights enter the verdict score's logit; without them the summaries are not read. */
    @Test
    void theObservedWordsSummariesAddToTheLogit() {
        DocumentFeatures f = new DocumentFeatures(120, 60, 0.05, 2, 1, 0, 1, 0, 3, 2, 0.4, -0.7, 0, 0.5, null);
        DocumentScorer.Coefficients c = VerdictScore.WITH_FORMS.coefficients();
        double[] summaries = {2.5, 1.1, 0.8, 6.0, 4.7};
        double z = c.logit(f) + 0.901 * 2.5 - 1.297 * 1.1 - 0.289 * 0.8 + 0.784 * 6.0 + 0.471 * 4.7;
        assertEquals(1 / (1 + Math.exp(-z)), VerdictScore.WITH_FORMS.score(f, summaries, 120), 1e-12);
        VerdictScore none = VerdictScore.WITH_FORMS.withForms(null);
        assertEquals(new DocumentScorer(c).score(f), none.score(f, null, 120), 1e-15);
        assertEquals(0, VerdictScore.WITH_FORMS.score(new DocumentFeatures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Double.NaN, 0, 0,
                null), summaries, 0));
    }

    /**
     * The two-piece form: WITH_LINK_TREE_TOP's score where it calls the document spun, below it the score with the
     * summaries and rarePer100, capped just under the threshold for the length; so every spun call is the top's.
     */
    @Test
    void theTwoPieceFormKeepsTheTopsSpunCalls() {
        VerdictScore v = VerdictScore.TWO_PIECE;
        double[] refitted = Arrays.stream("-9.537,0.864,-0.016,1.424,1.114,0.073,0.584,0.256,-0.931,0.789,8.645".split(","))
                .mapToDouble(Double::parseDouble).toArray();
        assertEquals(DocumentScorer.Coefficients.of(refitted), v.coefficients());
        assertEquals(new VerdictScore.Forms(0.927, -1.009, -0.229, 0.836, 0.198, -0.133), v.forms());
        assertEquals(VerdictScore.WITH_LINK_TREE_TOP.coefficients(), v.top());
        assertEquals(0.90, v.spunThreshold());
        assertEquals(0.18, v.cleanThreshold());
        assertEquals(SpunBands.WITH_DOC_COMMENTS, v.spunBands());
        DocumentScorer top = new DocumentScorer(VerdictScore.WITH_LINK_TREE_TOP.coefficients());
        double[] summaries = {2.5, 1.1, 0.8, 6.0, 4.7};
        for (double trees : new double[] {0.1, 0.3, 0.35, 0.4, 0.5, 0.6}) {
            DocumentFeatures f = new DocumentFeatures(120, 60, 0.05, 2, 1, 0, 1, 0, 3, 2, 0.4, -0.7, 0, trees, null, 2.5);
            double t = top.score(f);
            double z = v.coefficients().logit(f) + 0.927 * 2.5 - 1.009 * 1.1 - 0.229 * 0.8 + 0.836 * 6.0 + 0.198 * 4.7
                    - 0.133 * 2.5;
            double below = Math.min(1 / (1 + Math.exp(-z)), Math.nextDown(0.90));
            for (int words : new int[] {120, 50}) {
                double threshold = v.spunThresholdFor(words);
                double s = v.score(f, summaries, words);
                assertEquals(t >= threshold ? t : Math.min(1 / (1 + Math.exp(-z)), Math.nextDown(threshold)), s, 1e-12);
                assertEquals(VerdictScore.WITH_LINK_TREE_TOP.verdict(t, words) == Verdict.SPUN, v.verdict(s, words) == Verdict.SPUN);
            }
            if (t < 0.90) {
                assertEquals(below, v.score(f, summaries, 120), 1e-12);
            }
        }
    }

    /**
     * The decoupling: a verdict score that calls every document spun, and one that calls every document clean, leave
     * every finding as it was; without a verdict score the report's score is the routing score.
     */
    @Test
    void theVerdictScoreMovesNoFinding() {
        Model model = ToyModel.news();
        DetectorSettings base = ToyModel.SETTINGS;
        DocumentScorer.Coefficients allSpun = DocumentScorer.Coefficients.of(new double[] {20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        DocumentScorer.Coefficients allClean = DocumentScorer.Coefficients.of(new double[] {-20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        // the trees' top weighed too, so that the features it needs are read in the decode's pass
        DocumentScorer.Coefficients trees = DocumentScorer.Coefficients.of(new double[] {-3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9});
        Detector routing = new Detector(model, base);
        Detector spun = new Detector(model, base.with().verdictScore(new VerdictScore(allSpun, 0.9, 0.2, null)).build());
        Detector clean = new Detector(model, base.with().verdictScore(new VerdictScore(allClean, 0.9, 0.2, null)).build());
        Detector tree = new Detector(model, base.with().verdictScore(new VerdictScore(trees, 0.9, 0.2, null)).build());
        // the observed words' summaries weighed (branch verdict29): read after the findings, they move none
        VerdictScore.Forms formsWeights = new VerdictScore.Forms(1, 0, 0, 0, 0, 0);
        Detector forms = new Detector(model, base.with().verdictScore(new VerdictScore(DocumentScorer.Coefficients.of(
                new double[] {-2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), 0.9, 0.2, null, formsWeights)).build());
        for (String text : List.of("The Protection Council met on Tuesday.",
                "The Secretary-Common told reporters that the talks had failed.",
                "The Protection Council met on Tuesday. The Secretary-Common told reporters that the talks had failed.")) {
            Detector.Trace t = routing.trace(text, CheckOptions.DEFAULTS);
            Report r = t.report();
            assertEquals(t.routingScore(), r.spinScore(), "without a verdict score the report's score is the routing score");
            double prodTop3 = VerdictForms.of(org.despin.text.Document.parse(text), model.lm(), model.lexicon())[0];
            assertEquals(1 / (1 + Math.exp(2 - prodTop3)), forms.check(text, CheckOptions.DEFAULTS).spinScore(), 1e-12);
            for (Detector other : List.of(spun, clean, tree, forms)) {
                Detector.Trace o = other.trace(text, CheckOptions.DEFAULTS);
                assertEquals(r.findings(), o.report().findings(), text);
                assertEquals(r.restored(), o.report().restored());
                assertEquals(t.routingScore(), o.routingScore());
            }
            Report s = spun.check(text, CheckOptions.DEFAULTS);
            assertEquals(Verdict.SPUN, s.verdict());
            assertEquals(1 / (1 + Math.exp(-20)), s.spinScore(), 1e-15);
            Report c = clean.check(text, CheckOptions.DEFAULTS);
            assertEquals(Verdict.CLEAN, c.verdict());
            assertEquals(1 / (1 + Math.exp(20)), c.spinScore(), 1e-15);
            assertNotEquals(r.spinScore(), c.spinScore());
        }
        assertEquals(1, routing.check("The Protection Council met on Tuesday.", CheckOptions.DEFAULTS).findings().size());
    }
    /**
     * The trees' top is read with the settings' finding model's own trees (branch deftrees28), the default's trees when
     * that model has none: a verdict score of the trees' top alone moves with the trees that decide.
     */
    @Test
    void theVerdictReadsTheTreesOfTheFindingModel() throws java.io.IOException {
        Model model = ToyModel.news();
        FindingModel logistic = FindingModel.DEFAULTS_WITH_DOC_COMMENTS;
        DocumentScorer.Coefficients treesTop = DocumentScorer.Coefficients.of(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        DocumentScorer.Coefficients linearTop = DocumentScorer.Coefficients.of(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0});
        FindingTrees zero = FindingTreesTest.read(FindingTrees.HEADER + "\ntree\nleaf 0 0\n");
        FindingTrees plusTwo = FindingTreesTest.read(FindingTrees.HEADER + "\ntree\nleaf 0 2\n");
        java.util.function.BiFunction<FindingModel, DocumentScorer.Coefficients, Double> score = (m, c) -> new Detector(model,
                ToyModel.SETTINGS.with().findingModel(m).verdictScore(new VerdictScore(c, 0.9, 0.2, null)).build())
                .check("The Protection Council met on Tuesday.", CheckOptions.DEFAULTS).spinScore();
        double linear = score.apply(logistic, linearTop);
        // trees whose every leaf is 0: the trees' top is the logistic top
        assertEquals(linear, score.apply(logistic.withTrees(zero), treesTop), 1e-15);
        // trees that add 2 nats to every candidate: a higher top
        double shifted = score.apply(logistic.withTrees(plusTwo), treesTop);
        assertTrue(shifted > linear + 0.01, shifted + " against " + linear);
        // a finding model without trees: the default's trees are read, as before
        assertEquals(score.apply(logistic.withTrees(FindingModel.defaultsTrees()), treesTop), score.apply(logistic, treesTop), 0);
    }
}
