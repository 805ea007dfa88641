package org.despin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    /** Tokens as "text/TYPE" with a "+" for compound parts. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : Document.parse(text).tokens()) {
            out.add(t.text() + "/" + t.type().name().charAt(0) + (t.compound() ? "+" : ""));
        }
        TokenizerContractTest.assertContract(text);
        return out;
    }

    /** Sentences as their exact text in the input. */
    private static List<String> sentences(String text) {
        Document doc = Document.parse(text);
        List<String> out = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            out.add(text.substring(doc.tokens().get(s.firstToken()).start(), doc.tokens().get(s.endToken() - 1).end()));
        }
        return out;
    }

    @Test
    void wordsNumbersPunctuation() {
        assertEquals(List.of("The/W", "U.N./W", "paid/W", "$/P", "1,200.50/N", "in/W", "the/W", "1990s/N", ",/P",
                "G7/N", "and/W", "3rd/N", "round/W", "./P"),
                tokens("The U.N. paid $1,200.50 in the 1990s, G7 and 3rd round."));
    }

    @Test
    void hyphenCompoundsSplitIntoMarkedParts() {
        assertEquals(List.of("Secretary/W+", "-/J", "General/W+", "met/W", "face/W+", "-/J", "to/W+", "-/J",
                "face/W+", "on/W", "COVID/W+", "-/J", "19/N+", "and/W", "U.S./W+", "-/J", "led/W+", "talks/W",
                "-/P", "-/P", "no/W", "-/P", "x/W"),
                tokens("Secretary-General met face-to-face on COVID-19 and U.S.-led talks -- no -x"));
    }

    @Test
    void apostrophesStraightAndCurly() {
        assertEquals(List.of("Don’t/W", "take/W", "the/W", "Council's/W", "or/W", "members/W", "’/P", "‘/P",
                "view/W", "’/P", "./P"),
                tokens("Don’t take the Council's or members’ ‘view’."));
    }

    @Test
    void combiningMarksAndSurrogatePairsStayInTheirToken() {
        assertEquals(List.of("nai\u0308ve/W", "\uD83D\uDE00/P", "\uD835\uDD18ber/W"), tokens("nai\u0308ve \uD83D\uDE00 \uD835\uDD18ber"));
    }

    @Test
    void invisibleCharactersSeparate() {
        assertEquals(List.of("a/W", "b/W", "c/W"), tokens("\uFEFFa\u200Bb\u0000c\r\n"));
        assertEquals(List.of(), tokens(""));
        assertEquals(List.of(), tokens(" \r\n\t"));
    }

    @Test
    void sentencesSurviveAbbreviationsInitialsAndDecimals() {
        assertEquals(List.of("The U.N. envoy met Dr. Ruiz and Mr. Lee at 3.5 p.m. on Friday.", "They agreed."),
                sentences("The U.N. envoy met Dr. Ruiz and Mr. Lee at 3.5 p.m. on Friday. They agreed."));
        assertEquals(List.of("J. R. R. Tolkien wrote it.", "It sold."), sentences("J. R. R. Tolkien wrote it. It sold."));
        assertEquals(List.of("Troops left the U.S.", "The talks ended."), sentences("Troops left the U.S. The talks ended."));
        assertEquals(List.of("Apples, pears etc.", "The rest spoiled."), sentences("Apples, pears etc. The rest spoiled."));
        assertEquals(List.of("Dr. The Hon. Jones spoke."), sentences("Dr. The Hon. Jones spoke."));
        assertEquals(List.of("Resolution No. 5 passed.", "The answer was no.", "The vote failed."),
                sentences("Resolution No. 5 passed. The answer was no. The vote failed."));
    }

    @Test
    void quotesAfterThePeriodStayWithTheirSentence() {
        assertEquals(List.of("He said: \"No.\"", "Then he left."), sentences("He said: \"No.\" Then he left."));
        assertEquals(List.of("“Enough,” she said.", "“We leave.”", "(They did.)"),
                sentences("“Enough,” she said. “We leave.” (They did.)"));
        assertEquals(List.of("Really?!", "Yes."), sentences("Really?! Yes."));
        assertEquals(List.of("Wait…", "Then go."), sentences("Wait… Then go."));
    }

    @Test
    void blankLinesEndSentencesAndLowerCaseContinues() {
        assertEquals(List.of("A heading", "Text starts here. and goes on."),
                sentences("A heading\r\n\r\nText starts here. and goes on."));
    }

    @Test
    void theDocumentJavadocExampleHolds() {
        Document doc = Document.parse("The U.N. met. It agreed.");
        assertEquals(2, doc.sentences().size());
        assertEquals("U.N.", doc.tokens().get(1).text());
    }

    @Test
    void wordCountCountsWordsAndNumbers() {
        assertEquals(8, Document.parse("In 2019, the U.N. met face-to-face.").wordCount());
        assertTrue(Document.parse("").sentences().isEmpty());
    }
}
