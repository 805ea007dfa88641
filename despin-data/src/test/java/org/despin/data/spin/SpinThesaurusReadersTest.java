package org.despin.data.spin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.despin.data.DataPaths;
import org.despin.model.DataFormatException;
import org.despin.spin.PartOfSpeech;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Synonym;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SpinThesaurusReadersTest {
    static final String MYTHES = """
            UTF-8
            discuss|2
            (verb)|discourse|talk about|cover (generic term)
            (verb)|hash out|talk over|talk of (generic term)
            requested|1
            (adj)|unrequested (antonym)
            general|1
            (adj)|broad (similar term)|specific (antonym)|comprehensive (related term)
            marsh|2
            (noun)|marshland|fen|wetland (generic term)
            (noun)|Marsh|Reginald Marsh|painter (generic term)
            """;

    static SpinThesaurus mythes(String text) throws Exception {
        return MyThesThesaurus.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "th.dat", "test");
    }

    @Test
    void readsMyThesSensesWithWeightsAndWithoutAntonyms() throws Exception {
        SpinThesaurus t = mythes(MYTHES);
        assertEquals(List.of(
                new Synonym("discourse", PartOfSpeech.VERB, 1.0),
                new Synonym("talk about", PartOfSpeech.VERB, 1.0),
                new Synonym("cover", PartOfSpeech.VERB, 0.5),
                new Synonym("hash out", PartOfSpeech.VERB, 1.0),
                new Synonym("talk over", PartOfSpeech.VERB, 1.0),
                new Synonym("talk of", PartOfSpeech.VERB, 0.5)), t.synonyms("discuss"));
        assertEquals(List.of(), t.synonyms("requested"));
        assertEquals(List.of(new Synonym("broad", PartOfSpeech.ADJECTIVE, 1.0),
                new Synonym("comprehensive", PartOfSpeech.ADJECTIVE, 0.5)), t.synonyms("general"));
        assertEquals(1, t.maxKeyWords());
        assertEquals("test", t.name());
        // the painter's sense gives no synonyms but marks the word as a name
        assertEquals(List.of(new Synonym("marshland", PartOfSpeech.NOUN, 1.0), new Synonym("fen", PartOfSpeech.NOUN, 1.0),
                new Synonym("wetland", PartOfSpeech.NOUN, 0.5)), t.synonyms("marsh"));
        assertTrue(t.isName("marsh"));
        assertTrue(!t.isName("general"));
    }

    @Test
    void myThesErrorsNameFileAndLine() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> mythes("UTF-8\ndiscuss|2\n(verb)|talk\nnext|1\n"));
        assertEquals("th.dat:4: entry 'discuss' promises 2 senses, but line is 'next|1'", e.getMessage());
        e = assertThrows(DataFormatException.class, () -> mythes("UTF-8\nno count here\n"));
        assertEquals("th.dat:2: expected an entry 'word|count', got 'no count here'", e.getMessage());
        e = assertThrows(DataFormatException.class, () -> mythes("KOI8-R\n"));
        assertEquals("th.dat:1: unsupported encoding line 'KOI8-R' (expected UTF-8 or ISO8859-1)", e.getMessage());
    }

    @Test
    void readsMobyLines() throws Exception {
        SpinThesaurus t = MobySpinThesaurus.read(new BufferedReader(new StringReader(
                "discuss,go over,talk over,debate\nAbaddon,hell\n")), "words.txt", "moby");
        assertEquals(List.of(new Synonym("go over", PartOfSpeech.UNKNOWN, 1.0), new Synonym("talk over", PartOfSpeech.UNKNOWN, 1.0),
                new Synonym("debate", PartOfSpeech.UNKNOWN, 1.0)), t.synonyms("discuss"));
        assertEquals(List.of(new Synonym("hell", PartOfSpeech.UNKNOWN, 1.0)), t.synonyms("abaddon"));
        assertTrue(t.isName("abaddon"));
        assertTrue(!t.isName("discuss"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> MobySpinThesaurus.read(
                new BufferedReader(new StringReader("a,b\nlonely\n")), "words.txt", "moby"));
        assertEquals("words.txt:2: expected 'root,synonym,...', got 'lonely'", e.getMessage());
    }

    @Test
    void theFetchedMyThesHasPhrasesInBothDirections() throws Exception {
        Path dat = MyThesThesaurus.defaultFile(DataPaths.defaultCache());
        Assumptions.assumeTrue(Files.isRegularFile(dat), "run scripts/fetch-debian-data to test the real MyThes");
        SpinThesaurus t = MyThesThesaurus.load(DataPaths.defaultCache());
        assertTrue(t.synonyms("discuss").contains(new Synonym("talk over", PartOfSpeech.VERB, 1.0)));
        assertTrue(t.synonyms("request").contains(new Synonym("call for", PartOfSpeech.VERB, 1.0)));
        assertTrue(t.contains("ask for"));
        assertTrue(t.maxKeyWords() >= 3);
    }

    @Test
    void sotuYearsAreReadFromIds() {
        assertEquals(1901, BenchDocuments.yearOf("1901_McKinley_R.txt"));
        assertEquals(1790, BenchDocuments.yearOf("data/1790_Washington_F.txt"));
        assertEquals(0, BenchDocuments.yearOf("x.txt"));
    }
}
