package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LanguageTool-style examples: each spun sentence must be restored exactly, each clean sentence
 * must give no finding. The toy model is in {@link ToyModel}.
 */
class DetectorExamplesTest {
    private static final Detector DETECTOR = new Detector(ToyModel.news());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "The Protection Council met on Tuesday.|The Security Council met on Tuesday.",
        "Members of the Protection Council agreed on a statement.|Members of the Security Council agreed on a statement.",
        "The protection council met on Monday to discuss the war.|The security council met on Monday to discuss the war.",
        "The Secretary-Common told reporters that the talks had failed.|The Secretary-General told reporters that the talks had failed.",
        "The Secretary-General advised reporters that the talks had failed.|The Secretary-General told reporters that the talks had failed.",
        "The Lasting Mission of France issued a statement.|The Permanent Mission of France issued a statement.",
        "The minister asked for to speak to the council.|The minister requested to speak to the council.",
    })
    void restoresSpunSentence(String spun, String original) {
        Report r = DETECTOR.check(spun, CheckOptions.DEFAULTS);
        assertEquals(original, r.restored(), () -> describe(r));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "The Security Council met on Tuesday.",
        "The Secretary-General told reporters that the talks had failed.",
        "The Permanent Mission of Japan said it would vote.",
        "The two sides agreed to a truce.",
        "A truce was agreed on Monday.",
        "John Smith said the talks had failed.",
        "The minister requested to speak to the council.",
        "Protection of civilians is the main concern.",
        "The lasting effects of the war are clear.",
        "He advised the minister to leave.",
    })
    void leavesCleanSentenceAlone(String clean) {
        Report r = DETECTOR.check(clean, CheckOptions.DEFAULTS);
        assertEquals(0, r.findings().size(), () -> describe(r));
        assertEquals(clean, r.restored());
    }

    static String describe(Report r) {
        return r.findings().stream().map(f -> f.text() + "->" + f.suggestion() + " " + f.confidence() + " "
                + f.evidence()).collect(Collectors.joining("\n")) + "\nrestored: " + r.restored();
    }
}
