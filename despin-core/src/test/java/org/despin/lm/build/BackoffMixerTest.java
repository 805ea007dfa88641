package org.despin.lm.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.LmTestSupport;
import org.despin.lm.MapLanguageModel;
import org.despin.lm.TestSource;
import org.junit.jupiter.api.Test;

class BackoffMixerTest {
    /**
     * A (bigram): p(<unk>)=.1 p(</s>)=.2 p(x)=.3 p(y)=.4, p(y|x)=.6, so bow(x) = (1-.6)/(1-.4) = 2/3.
     * B (unigram, no "y"): p(<unk>)=.1 p(</s>)=.3 p(x)=.2 p(z)=.4.
     * λ = .5: unigrams <unk> .1, </s> .25, x .25, y .5*.4 = .2, z .5*.4 = .2 (sum 1);
     * p(y|x) = .5*.6 + .5*0 = .3; bow(x) = (1 - .3) / (1 - p(y)) = .7 / .8 = .875;
     * so p(z|x) = .875 * .2 = .175 and p(x|x) = .875 * .25.
     */
    static BackoffSource a() {
        return new TestSource(2).add(.1, 1, "<unk>").addLog(-99, 0, "<s>").add(.2, 1, "</s>").add(.3, 2.0 / 3, "x")
                .add(.4, 1, "y").add(.6, 1, "x y");
    }

    static BackoffSource b() {
        return new TestSource(1).add(.1, 1, "<unk>").addLog(-99, 0, "<s>").add(.3, 1, "</s>").add(.2, 1, "x")
                .add(.4, 1, "z");
    }

    static float p(LanguageModel lm, String... words) {
        LmState s = lm.newState();
        lm.emptyContext(s);
        float p = 0;
        for (String w : words) {
            p = lm.score(s, lm.vocabulary().id(w), s);
        }
        return p;
    }

    @Test
    void mixesAHandExample() throws Exception {
        MapLanguageModel m = LmTestSupport.toMap(BackoffMixer.mix(a(), b(), 0.5));
        assertEquals(2, m.order());
        assertEquals(Math.log10(.25), p(m, "x"), 1e-6);
        assertEquals(Math.log10(.2), p(m, "y"), 1e-6);
        assertEquals(Math.log10(.2), p(m, "z"), 1e-6);
        assertEquals(Math.log10(.25), p(m, "</s>"), 1e-6);
        assertEquals(Math.log10(.3), p(m, "x", "y"), 1e-6);
        assertEquals(Math.log10(.175), p(m, "x", "z"), 1e-6);
        assertEquals(Math.log10(.875 * .25), p(m, "x", "x"), 1e-6);
        assertEquals(1.0, LmTestSupport.totalProbability(m, new String[] {"x"}), 1e-6);
        assertEquals(1.0, LmTestSupport.totalProbability(m, new String[0]), 1e-6);
    }

    static BackoffSource kn(int order, List<String[]> sentences) {
        KneserNeyEstimator kn = new KneserNeyEstimator(order);
        sentences.forEach(kn::addSentence);
        return kn.estimate();
    }

    @Test
    void weightOneReproducesTheFirstModel() throws Exception {
        List<String[]> corpus = LmTestSupport.smallCorpus();
        BackoffSource a = kn(4, corpus.subList(0, 5));
        BackoffSource b = kn(3, corpus.subList(3, 8));
        MapLanguageModel expected = LmTestSupport.toMap(a);
        MapLanguageModel mixed = LmTestSupport.toMap(BackoffMixer.mix(a, b, 1.0));
        for (String[] s : corpus) {
            LmState se = expected.newState();
            LmState sm = mixed.newState();
            expected.beginSentence(se);
            mixed.beginSentence(sm);
            for (String w : s) {
                int ie = expected.vocabulary().id(w);
                int im = mixed.vocabulary().id(w);
                float pe = expected.score(se, ie, se);
                float pm = mixed.score(sm, ie == 0 ? 0 : im, sm);
                if (ie != 0) {
                    assertEquals(pe, pm, 1e-4, w + " in " + String.join(" ", s));
                }
            }
        }
    }

    @Test
    void mixedContextsSumToOne() throws Exception {
        List<String[]> corpus = LmTestSupport.smallCorpus();
        BackoffSource a = kn(4, corpus.subList(0, 5));
        BackoffSource b = kn(3, corpus.subList(3, 8));
        BackoffSource mix = BackoffMixer.mix(a, b, 0.7);
        MapLanguageModel m = LmTestSupport.toMap(mix);
        for (String[] c : LmTestSupport.contexts(mix)) {
            assertEquals(1.0, LmTestSupport.totalProbability(m, c), 1e-4, String.join(" ", c));
        }
    }
}
