package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerplexityTest {
    /**
     * Unigram model p(</s>)=.2 p(x)=.3 p(y)=.5 (and <unk> .0 stored as -99): the sentence "x zebra y"
     * scores log10(.3) + log10(.5) + log10(.2) (zebra is OOV and left out), over 2 words + 1 end.
     */
    @Test
    void countsOovsSeparatelyAsSrilmDoes() {
        MapLanguageModel lm = new MapLanguageModel.Builder(1).add(-99f, 0f, "<unk>").add(-99f, 0f, "<s>")
                .add((float) Math.log10(.2), 0f, "</s>").add((float) Math.log10(.3), 0f, "x")
                .add((float) Math.log10(.5), 0f, "y").build();
        List<String[]> sentences = List.<String[]>of(new String[] {"x", "zebra", "y"});
        Perplexity p = Perplexity.of(lm, sentences);
        assertEquals(1, p.sentences());
        assertEquals(3, p.words());
        assertEquals(1, p.oovs());
        double logprob = Math.log10(.3) + Math.log10(.5) + Math.log10(.2);
        assertEquals(logprob, p.log10Prob(), 1e-5);
        assertEquals(Math.pow(10, -logprob / 3), p.perplexity(), 1e-4);
        assertEquals(Math.pow(10, -logprob / 2), p.perplexityWithoutEnds(), 1e-4);
    }
}
