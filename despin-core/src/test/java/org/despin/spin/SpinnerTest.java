package org.despin.spin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpinnerTest {
    private static final SpinOptions ALWAYS = new SpinOptions(1.0, 7L, 0.0, true, true);

    private static String spin(String text) {
        return new Spinner(SpinFixtures.tiny(), ALWAYS).spin(text).spunText();
    }

    @Test
    void spinsWordsPhrasesNamesAndCompoundsReinflectingEach() {
        String in = "The Security Council requested a meeting. Secretary-General Ann Lee told reporters"
                + " they would discuss the plans face-to-face.";
        // "Ann" is listed as a name, so it stays; "Secretary" starts the sentence
        assertEquals("The Protection Board asked for a session. Clerk-Common Ann Lee advised reporters"
                + " they would go over the plans confront-to-confront.", spin(in));
    }

    @Test
    void phraseKeysAreReplacedByWordsWithTheirInflection() {
        assertEquals("They requested help.", spin("They asked for help."));
        assertEquals("She is requesting help.", spin("She is asking for help."));
    }

    @Test
    void inflectionsCarryOver() {
        assertEquals("The boards advise us.", spin("The councils tell us."));
        assertEquals("He has handed over the facts.", spin("He has given the information."));
        assertEquals("He handed over it.", spin("He gave it."));
        assertEquals("A faster, more significant discussion.", spin("A quicker, more important talk."));
        assertEquals("The fellows' topics.", spin("The members' issues."));
        assertEquals("It publishes facts.", spin("It issues information."));
    }

    @Test
    void participleOrPastFollowsTheWordBefore() {
        assertEquals("It was handed over.", spin("It was given."));
        assertEquals("They handed over.", spin("They gave."));
    }

    @Test
    void possessivesAndSentenceStartsKeepTheirShape() {
        assertEquals("The Protection Board's session.", spin("The Security Council's meeting."));
        assertEquals("The Council's session.", spin("The Council's meeting."));
        assertEquals("Facts arrived.", spin("Information arrived."));
        assertEquals("Go over it.", spin("Discuss it."));
    }

    @Test
    void namesAcronymsNumbersAndFunctionWordsAreLeftAlone() {
        // a lone capitalised word is a name; all capitals is an acronym
        assertEquals("We sold it to China in 2020.", spin("We sold it to China in 2020."));
        assertEquals("COUNCIL and UN.", spin("COUNCIL and UN."));
        // next to a word the thesaurus lists as a name, a capitalised word is part of a person's name
        assertEquals("They met Ann Council there.", spin("They met Ann Council there."));
        assertEquals("It was not for them.", spin("It was not for them."));
    }

    @Test
    void articleErrorsAreLeftInPlace() {
        // "a" stays before the vowel-initial replacement, as with real spinners
        String out = new Spinner(MapSpinThesaurus.builder("t").add("meeting", PartOfSpeech.NOUN, "assembly").build(), ALWAYS)
                .spin("It was a meeting.").spunText();
        assertEquals("It was a assembly.", out);
    }

    @Test
    void insertionsWriteOriginalAndSynonym() {
        SpinResult r = new Spinner(SpinFixtures.tiny(), ALWAYS.withInsertionRate(1.0)).spin("Some information.");
        assertEquals("Some information and facts.", r.spunText());
        assertEquals(List.of(new Edit(5, 26, "information and facts", "information")), r.edits());
    }

    @Test
    void editsPointIntoTheSpunTextAndRestoreTheInput() {
        String in = "The Security Council requested a meeting.";
        SpinResult r = new Spinner(SpinFixtures.tiny(), ALWAYS).spin(in);
        assertEquals(List.of(
                new Edit(4, 14, "Protection", "Security"),
                new Edit(15, 20, "Board", "Council"),
                new Edit(21, 30, "asked for", "requested"),
                new Edit(33, 40, "session", "meeting")), r.edits());
        assertEquals(in, r.restore());
    }

    @Test
    void theJavadocExampleHolds() {
        Spinner spinner = new Spinner(SpinFixtures.tiny(), SpinOptions.of(0.3, 42));
        SpinResult r = spinner.spin("The council requested a meeting.");
        assertEquals("The council requested a meeting.", r.restore());
    }

    @Test
    void rateZeroChangesNothingAndTheSeedDecides() {
        String in = "The council will discuss the information at the meeting and tell the members.";
        assertEquals(in, new Spinner(SpinFixtures.tiny(), SpinOptions.of(0.0, 1)).spin(in).spunText());
        Spinner half = new Spinner(SpinFixtures.tiny(), SpinOptions.of(0.5, 3));
        assertEquals(half.spin(in), half.spin(in));
        boolean differs = false;
        for (long seed = 0; seed < 20 && !differs; seed++) {
            differs = !half.withOptions(SpinOptions.of(0.5, seed)).spin(in).equals(half.spin(in));
        }
        assertTrue(differs, "some seed gives another spin");
    }

    @Test
    void eligibleWordsCountsWhatTheThesaurusCanReplace() {
        // council, discuss, information, meeting, tell, members; not "the", "will", "at", "and"
        assertEquals(6, new Spinner(SpinFixtures.tiny(), SpinOptions.of(0.3, 1))
                .eligibleWords("The council will discuss the information at the meeting and tell the members."));
    }

    @Test
    void theRateIsRoughlyTheShareOfEligibleWordsReplaced() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            sb.append("The council will discuss the information. ");
        }
        SpinResult r = new Spinner(SpinFixtures.tiny(), new SpinOptions(0.3, 11, 0, true, true)).spin(sb.toString());
        double share = r.edits().size() / 1200.0;
        assertTrue(share > 0.25 && share < 0.35, "share " + share);
        assertNotEquals(sb.toString(), r.spunText());
    }
}
