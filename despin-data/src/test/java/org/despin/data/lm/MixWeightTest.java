package org.despin.data.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.despin.data.lm.HeldOutScorer.Scores;
import org.junit.jupiter.api.Test;

class MixWeightTest {
    @Test
    void mixtureInterpolatesProbabilitiesAndLeavesOutWordsBothLack() {
        // token 1: own 0.1, Sphinx 0.001; token 2: own 0.001, Sphinx 0.1; token 3 unknown to both
        Scores own = new Scores(new double[] {-1, -3, -7}, new boolean[] {true, true, false});
        Scores sphinx = new Scores(new double[] {-3, -1, -7}, new boolean[] {true, true, false});
        MixWeight.Choice c = MixWeight.choose(List.of(new MixWeight.CorpusScores("x", own, sphinx)));
        MixWeight.CorpusEvaluation e = c.corpora().get(0);
        assertEquals(2, e.tokens());
        assertEquals(1, e.unknownToBoth());
        assertEquals(100.0, e.ownPerplexity(), 1e-9); // 10^((1 + 3) / 2)
        assertEquals(100.0, e.sphinxPerplexity(), 1e-9);
        // symmetric: lambda 0.5 is best; each token gets 0.5 * 0.1 + 0.5 * 0.001 = 0.0505
        assertEquals(0.5, c.lambda());
        assertEquals(1 / 0.0505, e.mix(c.index()), 1e-9);
    }

    @Test
    void everyCorpusCountsTheSame() {
        // corpus a prefers the own model strongly, corpus b the Sphinx model mildly, with 10 times the tokens
        Scores strongOwn = new Scores(new double[] {-1}, new boolean[] {true});
        Scores strongSphinx = new Scores(new double[] {-4}, new boolean[] {true});
        double[] mildOwn = new double[10];
        double[] mildSphinx = new double[10];
        boolean[] known = new boolean[10];
        java.util.Arrays.fill(mildOwn, -2);
        java.util.Arrays.fill(mildSphinx, -1.5);
        java.util.Arrays.fill(known, true);
        MixWeight.Choice c = MixWeight.choose(List.of(
                new MixWeight.CorpusScores("a", strongOwn, strongSphinx),
                new MixWeight.CorpusScores("b", new Scores(mildOwn, known), new Scores(mildSphinx, known))));
        // per corpus: -[log(l 0.1 + (1-l) 1e-4) + log(l 0.01 + (1-l) 0.0316)] / 2 is least at 0.7 on the grid;
        // pooling the 11 tokens would let corpus b win and choose 0.1
        assertEquals(0.7, c.lambda());
    }
}
