package org.despin.data.lm;

import static org.despin.data.lm.SmallBackoffModels.grams;
import static org.despin.data.lm.SmallBackoffModels.kn;
import static org.despin.data.lm.SmallBackoffModels.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.despin.data.corpus.DocCommentCorpus;
import org.despin.detect.DetectorSettings;
import org.despin.lm.LmFormat;
import org.despin.lm.build.BackoffSource;
import org.junit.jupiter.api.Test;

class DefaultLmBuildTest {
    @Test
    void threeWayMixtureInterpolatesTheUnigramsAtTheThreeWeights() throws Exception {
        BackoffSource own = kn("the court ruled today", "the court met", "the vote was close");
        BackoffSource third = kn("the unit root test", "a unit root", "the sparse arrays");
        BackoffSource sphinx = kn("the court of appeal", "a sparse record", "the vote");
        Map<String, Float> o = grams(own, 1);
        Map<String, Float> t = grams(third, 1);
        Map<String, Float> s = grams(sphinx, 1);
        Map<String, Float> mixed = grams(DefaultLmBuild.mixThree(own, third, sphinx, 0.70, 0.05), 1);
        for (String w : List.of("the", "court", "unit", "root", "sparse", "vote", "appeal", "</s>")) {
            double expected = 0.65 * p(o, w) + 0.05 * p(t, w) + 0.30 * p(s, w);
            assertEquals(Math.log10(expected), mixed.get(w), 1e-5, w);
        }
        // "root" is known to the third component only: its weight alone
        assertEquals(Math.log10(0.05 * p(t, "root")), mixed.get("root"), 1e-5);
    }

    @Test
    void theThirdComponentsBigramsAreStored() throws Exception {
        BackoffSource own = kn("the court ruled today", "the court met");
        BackoffSource third = kn("the unit root test", "a unit root");
        BackoffSource sphinx = kn("the court of appeal", "a sparse record");
        Map<String, Float> mixed = grams(DefaultLmBuild.mixThree(own, third, sphinx, 0.70, 0.05), 2);
        assertTrue(mixed.containsKey("unit root"));
        assertTrue(mixed.containsKey("the court"));
        assertFalse(mixed.containsKey("court root"));
    }

    @Test
    void theDefaultComponentIsTheOneTheDetectorReads() {
        // the build writes lm.mix.component = the corpus's name; DetectorSettings.defaultsFor reads that value
        assertEquals(DetectorSettings.DOC_COMMENTS, new DocCommentCorpus().name());
        assertEquals(0.05, DefaultLmBuild.DOC_COMMENT_WEIGHT);
        assertEquals("lm.mix.component", LmFormat.MIX_COMPONENT_KEY);
    }

    @Test
    void ownShareAndRule() {
        assertEquals(0.65 / 0.70, DefaultLmBuild.ownShare(0.70, 0.05), 1e-12);
        assertEquals("0.65 own + 0.05 doc-comments + 0.30 sphinx; own + doc-comments = lambda, which minimises the mean"
                + " log held-out perplexity of own and sphinx", DefaultLmBuild.mixRule(0.70, "doc-comments", 0.05));
    }
}
