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

    /**
     * The words with another decode's restorations ({@link DocumentWords#withRestorations}, what the deepened lattices'
     * reading choice reads; branch deep22) read as the words counted again from the start with that decode: every
     * word's count elsewhere, every original's restorations, the thesaurus shares; and the first decode's words are
     * left as they were.
     */
    @Test
    void otherRestorationsReadAsTheWordsCountedAgain() {
        org.despin.lexicon.MapLexicon lexicon = new org.despin.lexicon.MapLexicon.Builder()
                .add("general", new org.despin.lexicon.Candidate("basic", -1.0f, 1, "wordnet")).add("general", new org.despin.lexicon.Candidate("common", -1.0f, 1, "moby"))
                .add("storm", new org.despin.lexicon.Candidate("wind", -1.0f, 1, "moby")).add("town", new org.despin.lexicon.Candidate("city", -1.0f, 1, "wordnet")).build();
        org.despin.model.Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon);
        Document doc = Document.parse("The general problem is money. Then the storm hit the town at night. The general storm.");
        DetectorSettings settings = ToyModel.SETTINGS.with().evidenceGate(-99).build();
        List<Lattice> lattices = new LatticeBuilder(model.lm(), new CandidateTable(model.lexicon(), model.lm(), settings),
                settings).build(doc, false).lattices();
        Decoder decoder = new Decoder(model.lm(), 8, 1.0);
        List<Decoder.Decoded> keepAll = new java.util.ArrayList<>();
        List<Decoder.Decoded> substitute = new java.util.ArrayList<>();
        for (Lattice l : lattices) {
            double[] keep = new double[l.arcs.length];
            double[] sub = new double[l.arcs.length];
            for (int a = 0; a < l.arcs.length; a++) {
                keep[a] = l.arcs[a].isKeep() ? 0 : -50;
                sub[a] = l.arcs[a].isKeep() ? -50 : 0;
            }
            keepAll.add(decoder.decode(l, keep));
            substitute.add(decoder.decode(l, sub));
        }
        DocumentWords first = DocumentWords.of(doc, lattices, keepAll);
        DocumentWords again = first.withRestorations(lattices, substitute);
        DocumentWords fresh = DocumentWords.of(doc, lattices, substitute);
        String[] span = {"the", "general", "problem", "is", "money"};
        int restored = 0;
        for (String w : List.of("general", "basic", "common", "storm", "wind", "town", "city", "problem", "money", "night")) {
            assertEquals(fresh.elsewhere(w, span, 1, 2), again.elsewhere(w, span, 1, 2), w);
            for (boolean onBest : new boolean[] {false, true}) {
                assertEquals(fresh.restoredElsewhere(w, onBest), again.restoredElsewhere(w, onBest), w);
                assertEquals(0, first.restoredElsewhere(w, false), w);
            }
            restored += again.restoredElsewhere(w, false) > 0 ? 1 : 0;
        }
        assertEquals(fresh.wordNetShare(), again.wordNetShare());
        assertEquals(fresh.mobyShare(), again.mobyShare());
        assertEquals(0.5, first.wordNetShare());
        org.junit.jupiter.api.Assertions.assertTrue(restored >= 1 && fresh.wordNetShare() != 0.5,
                "restorations " + restored + ", shares " + fresh.wordNetShare() + " " + fresh.mobyShare());
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
