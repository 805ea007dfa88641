package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.despin.spin.MapSpinThesaurus;
import org.despin.spin.PartOfSpeech;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.despin.spin.Synonym;
import org.junit.jupiter.api.Test;

class TrainingSpinnersTest {
    private static final Map<String, Double> UNIGRAMS = Map.of("talk", -3.0, "parley", -6.0, "confab", -7.0);

    private static SpinThesaurus base() {
        return MapSpinThesaurus.builder("toy")
                .add("discuss", new Synonym("talk", PartOfSpeech.VERB, 1.0))
                .add("discuss", new Synonym("parley", PartOfSpeech.VERB, 0.5))
                .add("discuss", new Synonym("confab", PartOfSpeech.VERB, 1.0))
                .add("discuss", new Synonym("hash out", PartOfSpeech.VERB, 1.0))
                .build();
    }

    private static TrainingSpinners.RarerSynonyms rarer(double alpha) {
        return new TrainingSpinners.RarerSynonyms(base(),
                w -> UNIGRAMS.getOrDefault(w, Double.NEGATIVE_INFINITY), alpha);
    }

    @Test
    void weightsMoveTowardRarerReplacementsByTheirUnigramClippedAtTwoDecades() {
        List<Synonym> s = rarer(1.0).synonyms("discuss");
        assertEquals(List.of("talk", "parley", "confab", "hash out"), s.stream().map(Synonym::text).toList());
        // log10 P -3 -> 10^-1; -6 -> 10^2 (x 0.5); -7 clipped to 10^2; unknown to the LM: the rarest, 10^2
        assertEquals(0.1, s.get(0).weight(), 1e-12);
        assertEquals(50.0, s.get(1).weight(), 1e-9);
        assertEquals(100.0, s.get(2).weight(), 1e-9);
        assertEquals(100.0, s.get(3).weight(), 1e-9);
    }

    @Test
    void aNegativeAlphaLeansTowardCommonerReplacements() {
        List<Synonym> s = rarer(-0.5).synonyms("discuss");
        assertEquals(Math.pow(10, 0.5), s.get(0).weight(), 1e-12);
        assertEquals(0.5 * 0.1, s.get(1).weight(), 1e-12);
        assertEquals(0.1, s.get(2).weight(), 1e-12);
    }

    @Test
    void theWrapperKeepsKeysAndSpinsWithTheNewWeights() {
        SpinThesaurus t = rarer(1.0);
        assertTrue(t.contains("discuss"));
        assertEquals(List.of(), t.synonyms("absent"));
        assertEquals(base().maxKeyWords(), t.maxKeyWords());
        // at rate 1 every eligible word is replaced; with alpha 1 "talk" (weight 0.1 of 250.1) is almost never picked
        int talk = 0;
        for (int seed = 1; seed <= 200; seed++) {
            String out = new Spinner(t, SpinOptions.of(1.0, seed).withInsertionRate(0)).spin("They discuss it.").spunText();
            talk += out.equals("They talk it.") ? 1 : 0;
        }
        int plainTalk = 0;
        for (int seed = 1; seed <= 200; seed++) {
            String out = new Spinner(base(), SpinOptions.of(1.0, seed).withInsertionRate(0)).spin("They discuss it.").spunText();
            plainTalk += out.equals("They talk it.") ? 1 : 0;
        }
        assertEquals(0, talk);
        assertEquals(58, plainTalk); // weight 1 of 3.5: about 57 expected
    }
}
