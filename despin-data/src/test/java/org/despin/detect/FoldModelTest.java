package org.despin.detect;

import static org.despin.data.lm.SmallBackoffModels.grams;
import static org.despin.data.lm.SmallBackoffModels.kn;
import static org.despin.data.lm.SmallBackoffModels.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.despin.data.corpus.DocCommentCorpus;
import org.despin.lm.build.BackoffSource;
import org.junit.jupiter.api.Test;

/** The fits' fold LM is mixed as the base model's LM was (docs/detector.md "Cross-fitting (FoldModel)"). */
class FoldModelTest {
    private static final Map<String, String> STOP_18 = Map.of("lm.mix.lambda", "0.70", "lm.mix.component", "doc-comments",
            "lm.mix.component.weight", "0.05");
    private static final Map<String, String> STOP_17 = Map.of("lm.mix.lambda", "0.70");

    @Test
    void aBaseWithTheDocCommentComponentGetsAThreeWayFoldLmAtItsWeights() throws Exception {
        assertTrue(FoldModel.component(STOP_18) instanceof DocCommentCorpus);
        assertEquals(0.70, FoldModel.lambda(STOP_18));
        assertEquals(0.05, FoldModel.componentWeight(STOP_18));
        BackoffSource own = kn("the court ruled today", "the court met", "the vote was close");
        BackoffSource third = kn("the unit root test", "a unit root", "the sparse arrays");
        BackoffSource sphinx = kn("the court of appeal", "a sparse record", "the vote");
        Map<String, Float> mixed = grams(FoldModel.mixture(own, third, sphinx, FoldModel.lambda(STOP_18),
                FoldModel.componentWeight(STOP_18)), 1);
        Map<String, Float> o = grams(own, 1);
        Map<String, Float> t = grams(third, 1);
        Map<String, Float> s = grams(sphinx, 1);
        for (String w : List.of("the", "court", "unit", "root", "sparse", "vote", "appeal", "</s>")) {
            assertEquals(Math.log10(0.65 * p(o, w) + 0.05 * p(t, w) + 0.30 * p(s, w)), mixed.get(w), 1e-5, w);
        }
        assertTrue(grams(FoldModel.mixture(own, third, sphinx, 0.70, 0.05), 2).containsKey("unit root"));
        assertEquals("default LM without the arc model's fit fold", FoldModel.metadata(STOP_18).get("model"));
        assertEquals("0.7", FoldModel.metadata(STOP_18).get("lm.mix.lambda"));
        assertEquals("doc-comments", FoldModel.metadata(STOP_18).get("lm.mix.component"));
        assertEquals("0.05", FoldModel.metadata(STOP_18).get("lm.mix.component.weight"));
        assertEquals("0.65 own + 0.05 doc-comments + 0.30 sphinx; own + doc-comments = lambda, which minimises the mean"
                + " log held-out perplexity of own and sphinx", FoldModel.metadata(STOP_18).get("lm.mix.rule"));
    }

    @Test
    void aBaseWithoutAComponentKeepsTheTwoWayFoldLm() throws Exception {
        assertNull(FoldModel.component(STOP_17));
        assertTrue(Double.isNaN(FoldModel.componentWeight(STOP_17)));
        BackoffSource own = kn("the court ruled today", "the court met");
        BackoffSource sphinx = kn("the court of appeal", "a sparse record");
        Map<String, Float> mixed = grams(FoldModel.mixture(own, null, sphinx, 0.70, Double.NaN), 1);
        Map<String, Float> o = grams(own, 1);
        Map<String, Float> s = grams(sphinx, 1);
        for (String w : List.of("the", "court", "appeal", "sparse")) {
            assertEquals(Math.log10(0.70 * p(o, w) + 0.30 * p(s, w)), mixed.get(w), 1e-5, w);
        }
        assertNull(FoldModel.metadata(STOP_17).get("lm.mix.component"));
        assertEquals("lambda * own + (1 - lambda) * sphinx", FoldModel.metadata(STOP_17).get("lm.mix.rule"));
    }

    @Test
    void aComponentWithoutARecipeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FoldModel.component(Map.of("lm.mix.lambda", "0.70", "lm.mix.component", "definitions")));
    }
}
