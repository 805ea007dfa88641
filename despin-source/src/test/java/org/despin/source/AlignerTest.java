package org.despin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.despin.detect.Finding;
import org.junit.jupiter.api.Test;

class AlignerTest {
    static final String SOURCE = "The Security Council met on Tuesday in New York to discuss the crisis.";
    static final String SPUN = "The Protection Council met on Tuesday in New York to talk about the crisis.";

    private static Slot match(String q, String qw, String s, String sw) {
        return new Slot(q.indexOf(qw), q.indexOf(qw) + qw.length(), s.indexOf(sw), s.indexOf(sw) + sw.length(), true);
    }

    @Test
    void tilesThenStepsOverSubstitutedSlots() {
        List<Passage> passages = new Aligner(Aligner.Settings.DEFAULT)
                .align(TextProfile.of(SPUN, Restorer.IDENTITY), TextProfile.of(SOURCE, Restorer.IDENTITY));
        assertEquals(1, passages.size());
        Passage p = passages.get(0);
        assertEquals(0, p.queryStart());
        assertEquals(SPUN.length() - 1, p.queryEnd());
        assertEquals(0, p.sourceStart());
        assertEquals(SOURCE.length() - 1, p.sourceEnd());
        assertEquals(11, p.matchedTokens());
        assertEquals(14, p.queryTokens());
        List<Slot> slots = p.slots();
        assertEquals(13, slots.size());
        assertEquals(new Slot(0, 3, 0, 3, true), slots.get(0));
        assertEquals(new Slot(4, 14, 4, 12, false), slots.get(1));
        assertEquals(match(SPUN, "Council", SOURCE, "Council"), slots.get(2));
        assertEquals(new Slot(SPUN.indexOf("talk"), SPUN.indexOf("about") + 5, SOURCE.indexOf("discuss"),
                SOURCE.indexOf("discuss") + 7, false), slots.get(10));
        assertEquals(match(SPUN, "crisis", SOURCE, "crisis"), slots.get(12));
    }

    @Test
    void aLongerGapBetweenTilesIsAlignedWordByWord() {
        String source = "The committee approved the budget for the coming year after a long and heated debate in the"
                + " chamber on Monday.";
        String spun = "The committee approved the budget for the coming year after a lengthy and heated argument in"
                + " the chamber on Monday.";
        List<Passage> passages = new Aligner(Aligner.Settings.DEFAULT)
                .align(TextProfile.of(spun, Restorer.IDENTITY), TextProfile.of(source, Restorer.IDENTITY));
        assertEquals(1, passages.size());
        assertEquals(18, passages.get(0).matchedTokens());
        assertEquals(20, passages.get(0).queryTokens());
        SourceMatch m = new SourceMatch("c.txt", 1, 0, 0, 0, passages, new StoredSource("c.txt", source, List.of()));
        List<Finding> findings = SourceGuidedRestorer.restore(spun, m);
        assertEquals(List.of("lengthy", "argument"), findings.stream().map(Finding::text).toList());
        assertEquals(List.of("long", "debate"), findings.stream().map(Finding::suggestion).toList());
        assertEquals("source c.txt at " + source.indexOf("debate"), findings.get(1).evidence());
        assertEquals(source, SourceGuidedRestorer.apply(spun, findings));
    }

    @Test
    void unrelatedTextsDoNotAlign() {
        List<Passage> passages = new Aligner(Aligner.Settings.DEFAULT).align(
                TextProfile.of("Rain fell on the hills all night long.", Restorer.IDENTITY),
                TextProfile.of(SOURCE, Restorer.IDENTITY));
        assertEquals(List.of(), passages);
    }

    @Test
    void twoPassagesInSwappedOrderAreBothFound() {
        String source = "Prices rose sharply in the first quarter of the year. The central bank kept its rates on hold for now.";
        String query = "The central bank kept its rates on hold for now. Prices rose sharply in the first quarter of the year.";
        List<Passage> passages = new Aligner(Aligner.Settings.DEFAULT)
                .align(TextProfile.of(query, Restorer.IDENTITY), TextProfile.of(source, Restorer.IDENTITY));
        assertEquals(2, passages.size());
        int split = query.indexOf("Prices");
        assertEquals(List.of(0, split - 2, source.indexOf("The central"), source.length() - 1),
                List.of(passages.get(0).queryStart(), passages.get(0).queryEnd(), passages.get(0).sourceStart(),
                        passages.get(0).sourceEnd()));
        assertEquals(List.of(split, query.length() - 1, 0, source.indexOf("The central") - 2),
                List.of(passages.get(1).queryStart(), passages.get(1).queryEnd(), passages.get(1).sourceStart(),
                        passages.get(1).sourceEnd()));
    }

    @Test
    void restorerSuggestionsAreAlignedButTheSourceWordIsTheRestoration() {
        // a restorer that put "Security" back: the keys match, the surface still differs
        Restorer fixesCouncil = new MapRestorer(java.util.Map.of("Protection", "Security"));
        TextProfile q = TextProfile.of(SPUN, fixesCouncil);
        TextProfile s = TextProfile.of(SOURCE, fixesCouncil);
        List<Passage> passages = new Aligner(Aligner.Settings.DEFAULT).align(q, s);
        assertEquals(12, passages.get(0).matchedTokens());
        SourceMatch m = new SourceMatch("un/council.txt", 1, 0, 0, 0, passages,
                new StoredSource("un/council.txt", SOURCE, List.of()));
        List<Finding> findings = SourceGuidedRestorer.restore(SPUN, m);
        assertEquals(2, findings.size());
        assertEquals(new Finding(4, 14, "Protection", "Security", 12.0 / 14, List.of(), "source un/council.txt at 4"),
                findings.get(0));
        Finding talk = findings.get(1);
        assertEquals("talk about", talk.text());
        assertEquals("discuss", talk.suggestion());
        assertEquals("source un/council.txt at " + SOURCE.indexOf("discuss"), talk.evidence());
        assertEquals(SOURCE, SourceGuidedRestorer.apply(SPUN, findings));
    }
}
