package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

class LmTextTest {
    @Test
    void wordsAndNumbersNormalisedPunctuationAndJoinersDropped() {
        List<String[]> s = LmText.sentenceWords(Document.parse(
                "The U.N. Secretary-General told reporters: \u201cWe\u2019ll meet 3,500 delegates.\u201d Then it ended."));
        assertEquals(2, s.size());
        assertArrayEquals(new String[] {"the", "u.n.", "secretary", "general", "told", "reporters", "we'll", "meet",
            "3,500", "delegates"}, s.get(0));
        assertArrayEquals(new String[] {"then", "it", "ended"}, s.get(1));
    }

    @Test
    void sentencesWithoutWordsAreLeftOut() {
        assertEquals(0, LmText.sentenceWords(Document.parse("... !!! ---")).size());
    }
}
