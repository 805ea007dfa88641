package org.despin.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordNetExamplesTest {
    @Test
    void examplesAreTheQuotedStringsOfTheGloss() {
        String line = "00027712 00 s 03 accepted 0 recognized 0 recognised 0 001 & 00027360 a 0000 | generally approved"
                + " or compelling recognition; \"several accepted techniques for treating the condition\"; \"his recognized"
                + " superiority in this kind of work\"  ";
        assertEquals(List.of("several accepted techniques for treating the condition",
                "his recognized superiority in this kind of work"), WordNetExamples.examples(line));
    }

    @Test
    void attributionAfterTheQuoteIsDropped() {
        String line = "01234567 29 v 01 sigh 0 000 | utter a sigh; \"`I'll never finish,' she sighed\"- Joyce; \"he sighed\"";
        assertEquals(List.of("`I'll never finish,' she sighed", "he sighed"), WordNetExamples.examples(line));
    }

    @Test
    void licenceLinesGlossesWithoutExamplesAndUnclosedQuotesGiveNothing() {
        assertEquals(List.of(), WordNetExamples.examples("  16 THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON  "));
        assertEquals(List.of(), WordNetExamples.examples("00002573 29 v 01 respire 2 003 | breathe easily again, as after exertion"));
        assertEquals(List.of("one"), WordNetExamples.examples("00000001 00 n 01 x 0 000 | a gloss; \"one\"; \"unclosed"));
    }

    @Test
    void realDataGroupsFiveHundredExamplesPerDocument() throws Exception {
        List<CorpusDocument> docs = new WordNetExamples().read();
        assertEquals("noun-000", docs.get(0).id());
        assertEquals(500, docs.get(0).text().split("\n\n").length);
        assertEquals(EXPECTED_DOCUMENTS, docs.size());
    }

    private static final int EXPECTED_DOCUMENTS = 100;
}
