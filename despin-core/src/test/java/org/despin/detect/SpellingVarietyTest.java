package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

class SpellingVarietyTest {
    /** A lexicon that lists each word's other spelling (both ways) and nothing else. */
    private static final Set<String> PAIRS = Set.of("colour|color", "color|colour", "organisations|organizations",
            "organizations|organisations", "defence|defense", "defense|defence", "honourably|honorably",
            "honorably|honourably", "programme|program", "program|programme");
    private static final BiPredicate<String, String> LEXICON = (o, r) -> PAIRS.contains(o + "|" + r);

    @Test
    void britishFormsInvertTheAmericanRules() {
        assertEquals(List.of("colour"), SpellingVariety.britishForms("color"));
        assertEquals(List.of("organisations"), SpellingVariety.britishForms("organizations"));
        assertEquals(List.of("defence"), SpellingVariety.britishForms("defense"));
        assertEquals(List.of("programme"), SpellingVariety.britishForms("program"));
        assertEquals(List.of("travelled"), SpellingVariety.britishForms("traveled"));
        assertEquals(List.of(), SpellingVariety.britishForms("table"));
    }

    @Test
    void aReadingInAVarietyNoOtherWordHasIsUnsupported() {
        SpellingVariety alone = SpellingVariety.of(Document.parse("The role of regional organisations was discussed."),
                LEXICON);
        assertTrue(alone.unsupported("organisations", "organizations"));
        // an American word elsewhere supports the American reading
        SpellingVariety mixed = SpellingVariety.of(
                Document.parse("The defense budget and the role of regional organisations."), LEXICON);
        assertFalse(mixed.unsupported("organisations", "organizations"));
        // the British words of a British text do not support an American reading, but do support a British one
        SpellingVariety british = SpellingVariety.of(Document.parse("The programme's colour."), LEXICON);
        assertTrue(british.unsupported("organisations", "organizations"));
        assertFalse(british.unsupported("honorably", "honourably"));
    }

    @Test
    void theObservedWordIsNoEvidenceForItselfAndCaseOrSpacesHaveNoVariety() {
        SpellingVariety v = SpellingVariety.of(Document.parse("Colour, color and the colour again."), LEXICON);
        assertFalse(v.unsupported("colour", "color"));   // "color" stands elsewhere
        SpellingVariety one = SpellingVariety.of(Document.parse("The colour of the sky."), LEXICON);
        assertTrue(one.unsupported("colour", "color"));
        assertFalse(one.unsupported("goodwill", "good will"));
    }
}
