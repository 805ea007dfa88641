package org.despin.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.despin.model.DataFormatException;
import org.junit.jupiter.api.Test;

class EuroparlCorpusTest {
    private static final String FIXTURE = "org/despin/data/corpus/europarl-fixture.txt";

    @Test
    void keepsOnlyEnglishLinesTrimmedToWholeSentences() throws Exception {
        List<CorpusDocument> docs = new EuroparlCorpus(new PackagedResource("test", FIXTURE)).read();
        assertEquals(List.of(
                new CorpusDocument("europarl", "line-00001", "Mr President, the report which we have before us is a"
                        + " balanced one and I would like to thank the rapporteur for it."),
                new CorpusDocument("europarl", "line-00006", "In view of the delays in recruitment procedures, we"
                        + " consider that a decision can only be taken at the first reading of the budget.\n\nAs regards"
                        + " the car service, we need to re-evaluate it.")), docs);
    }

    @Test
    void badLineIsReportedWithItsNumber() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> new EuroparlCorpus(new PackagedResource("test", "org/despin/data/corpus/brown-fixture")).read());
        assertEquals("org/despin/data/corpus/brown-fixture", e.file());
        assertEquals(1, e.line());
    }

    @Test
    void realSampleHasAboutSevenPercentEnglish() throws Exception {
        List<CorpusDocument> docs = new EuroparlCorpus().read();
        // 17,597 lines in 21 languages; about 7 % are English, and a few of those hold no whole sentence
        assertEquals(1255, docs.size());
        assertEquals("line-00009", docs.get(0).id());
    }
}
