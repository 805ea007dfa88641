package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class ForwardingLanguageModelTest {
    static final MapLanguageModel LM = new MapLanguageModel.Builder(2)
            .add(-1f, -0.3f, "<s>").add(-1f, 0f, "</s>").add(-2f, 0f, "<unk>")
            .add(-0.5f, -0.2f, "the").add(-0.7f, 0f, "council")
            .add(-0.1f, 0f, "the", "council")
            .build();

    @Test
    void theClassJavadocsCounterSeesEveryLookupOfTheBulkQueries() {
        // the example of the class javadoc
        LongAdder calls = new LongAdder();
        LanguageModel counted = new ForwardingLanguageModel(LM) {
            @Override
            public float score(LmState in, int word, LmState out) {
                calls.increment();
                return super.score(in, word, out);
            }
        };
        int[] words = {LM.vocabulary().id("the"), LM.vocabulary().id("council")};
        assertEquals(LM.sentenceLog10(words), counted.sentenceLog10(words));
        assertEquals(3, calls.sum(), "two words and the sentence end");
        float[] out = new float[2];
        LmState s = counted.newState();
        counted.beginSentence(s);
        counted.scoreEach(s, words, 2, out, counted.newState());
        assertEquals(5, calls.sum());
        assertEquals(LM.order(), counted.order());
        assertEquals(LM.vocabulary().size(), counted.vocabulary().size());
        LmState afterThe = counted.newState();
        counted.emptyContext(afterThe);
        counted.score(afterThe, words[0], afterThe);
        assertEquals(2, counted.matchedOrder(afterThe, words[1]));
    }
}
