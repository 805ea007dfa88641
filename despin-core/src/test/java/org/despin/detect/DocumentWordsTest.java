package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

/** The document's own words as the finding model reads them: counts outside the candidate's span. */
class DocumentWordsTest {
    private static final Document DOC = Document.parse(
            "The Security Council met. The Protection Council said the councils met again.");
    /** The second sentence as the lattice holds it. */
    private static final String[] SECOND = {"the", "protection", "council", "said", "the", "councils", "met", "again"};

    @Test
    void theOriginalStandingElsewhereInTheDocument() {
        DocumentWords w = DocumentWords.of(DOC, List.of(), List.of());
        // "protection" -> "security": "security" once elsewhere, "protection" only in the span
        assertEquals(Math.log(2), w.elsewhere("security", SECOND, 1, 2), 1e-15);
        assertEquals(0, w.elsewhere("protection", SECOND, 1, 2), 1e-15);
        // "protection council" -> "security council": "council" three times, once in the span itself
        assertEquals((Math.log(2) + Math.log(3)) / 2, w.elsewhere("security council", SECOND, 1, 3), 1e-15);
        assertEquals(Math.log(3) / 2, w.elsewhere("protection council", SECOND, 1, 3), 1e-15);
        // function words do not count, a phrase of them has no value
        assertEquals(Math.log(2), w.elsewhere("the security", SECOND, 1, 2), 1e-15);
        assertEquals(0, w.elsewhere("of the", SECOND, 1, 2), 1e-15);
        // nothing restored on a best path
        assertEquals(0, w.restoredElsewhere("security", false), 1e-15);
    }

    @Test
    void countsAreCapped() {
        List<String> words = new java.util.ArrayList<>(Collections.nCopies(9, "council"));
        words.add("board");
        DocumentWords w = DocumentWords.of(words);
        assertEquals(Math.log(6), w.elsewhere("councils", new String[] {"board"}, 0, 1), 1e-15);
        assertEquals(Math.log(6), w.elsewhere("council", new String[] {"council"}, 0, 1), 1e-15); // 8 elsewhere
        assertEquals(0, w.elsewhere("board", new String[] {"board"}, 0, 1), 1e-15);
    }

    @Test
    void theStemJoinsRegularForms() {
        assertEquals("council", DocumentWords.stem("councils"));
        assertEquals("requir", DocumentWords.stem("requires"));
        assertEquals("requir", DocumentWords.stem("required"));
        assertEquals("requir", DocumentWords.stem("requiring"));
        assertEquals("requir", DocumentWords.stem("require"));
        assertEquals("policy", DocumentWords.stem("policies"));
        assertEquals("class", DocumentWords.stem("class"));
        assertEquals("met", DocumentWords.stem("met"));
    }

    @Test
    void anotherKeyJoinsWhatTheStemKeepsApart() {
        // "met" and "meet" stay apart under the stem; a key that maps "met" to "meet" joins them
        Document doc = Document.parse("They met in May. They meet again in June.");
        String[] first = {"they", "met", "in", "may"};
        DocumentWords stems = DocumentWords.of(doc, List.of(), List.of());
        assertEquals(0, stems.elsewhere("met", first, 1, 2), 1e-15); // only in the span itself
        assertEquals(Math.log(2), stems.elsewhere("meet", first, 1, 2), 1e-15);
        DocumentWords lemmas = DocumentWords.of(doc, List.of(), List.of(), w -> w.equals("met") ? "meet" : DocumentWords.stem(w));
        assertEquals(Math.log(2), lemmas.elsewhere("met", first, 1, 2), 1e-15); // the other "meet"
        assertEquals(Math.log(2), lemmas.elsewhere("meet", first, 1, 2), 1e-15); // the span's "met" is not elsewhere
    }
}
