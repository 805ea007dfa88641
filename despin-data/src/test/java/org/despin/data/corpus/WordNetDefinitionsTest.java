package org.despin.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordNetDefinitionsTest {
    @Test
    void definitionsAreTheGlossWithoutItsExamplesOnePiecePerSemicolon() {
        String line = "00027712 00 s 03 accepted 0 recognized 0 recognised 0 001 & 00027360 a 0000 | generally approved"
                + " or compelling recognition; \"several accepted techniques for treating the condition\"; \"his recognized"
                + " superiority in this kind of work\"  ";
        assertEquals(List.of("generally approved or compelling recognition"), WordNetDefinitions.definitions(line));
        assertEquals(List.of("a person who sells goods", "someone who trades"), WordNetDefinitions.definitions(
                "01234567 18 n 01 x 0 000 | a person who sells goods; someone who trades; \"the trader left\""));
    }

    @Test
    void parenthesisedAsidesBecomePiecesOfTheirOwnAfterTheirPiece() {
        assertEquals(List.of("shaped like a cupule", "or supporting"), WordNetDefinitions.definitions(
                "02345678 00 s 01 cupulate 0 000 | shaped like (or supporting) a cupule  "));
        assertEquals(List.of("the god of the sea", "Greek mythology", "a second piece"), WordNetDefinitions.definitions(
                "09876543 18 n 01 poseidon 0 000 | (Greek mythology) the god of the sea; a second piece"));
        // nested parentheses stay in their aside; an unclosed one runs to the end of its piece
        assertEquals(List.of("a b", "c (d) e", "f g", "h"), WordNetDefinitions.definitions(
                "00000001 00 n 01 x 0 000 | a (c (d) e) b; f g (h"));
    }

    @Test
    void anExampleSeparatesTheWordsAroundItAndStrayOrUnclosedMarksAreHandled() {
        assertEquals(List.of("utter a sigh", "- Joyce"), WordNetDefinitions.definitions(
                "01234567 29 v 01 sigh 0 000 | utter a sigh; \"`I'll never finish,' she sighed\"- Joyce"));
        assertEquals(List.of("a gloss", "b"), WordNetDefinitions.definitions("00000001 00 n 01 x 0 000 | a gloss) ; b \"unclosed; c"));
        assertEquals(List.of(), WordNetDefinitions.definitions("  16 THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON  "));
        assertEquals(List.of(), WordNetDefinitions.definitions("00000001 00 n 01 x 0 000 | \"only an example\"  "));
    }

    @Test
    void realDataGroupsFiveHundredPiecesPerDocument() throws Exception {
        List<CorpusDocument> docs = new WordNetDefinitions().read();
        assertEquals("noun-000", docs.get(0).id());
        assertEquals("wordnet-definitions", docs.get(0).corpus());
        assertEquals(500, docs.get(0).text().split("\n\n").length);
        assertEquals(EXPECTED_DOCUMENTS, docs.size());
        assertEquals(new WordNetExamples().provenance(), new WordNetDefinitions().provenance());
    }

    private static final int EXPECTED_DOCUMENTS = 310;
}
