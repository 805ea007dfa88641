package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.despin.lm.ForwardingLanguageModel;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;
import org.despin.model.Model;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

/**
 * The span screen of branch speed6 ({@link LatticeBuilder#SPAN_SCREEN}): a span whose observed words form a
 * bigram PMI of at least 2 (log10) with their neighbours, and whose commonest candidates form no bigram PMI
 * within 1 of it ({@link LatticeBuilder#SCREEN_PROBE}, one-word contexts), gets no evidence test: no LM call
 * scores a candidate there after two or more words of context; a span below the screen is tested as before.
 * On the toy news model (a small corpus: its PMIs are large): "sought protection from" (PMI 3.96, the only
 * candidate "security" forms no stored bigram there) and "the protection of" (PMI 1.60).
 */
class SpanScreenTest {
    private static final Model MODEL = ToyModel.news();

    /** Counts the calls that score {@code word} after two or more words of context (the evidence test's; not the probe's). */
    private static final class Counting extends ForwardingLanguageModel {
        final int word;
        int calls;

        Counting(LanguageModel lm, int word) {
            super(lm);
            this.word = word;
        }

        @Override
        public float score(LmState in, int w, LmState out) {
            if (w == word && in.length() >= 2) {
                calls++;
            }
            return super.score(in, w, out);
        }
    }

    /** The screen's measure, from the LM alone: [log10 P(w | left context) - log10 P(w)] + [log10 P(right | .. w) - log10 P(right)]. */
    private static double observedPmi(String sentence, int at) {
        LanguageModel lm = MODEL.lm();
        Vocabulary v = lm.vocabulary();
        String[] words = sentence.toLowerCase(java.util.Locale.ROOT).replace(".", "").split(" ");
        LmState s = lm.newState();
        LmState e = lm.newState();
        lm.beginSentence(s);
        for (int i = 0; i < at; i++) {
            lm.score(s, v.id(words[i]), s);
        }
        lm.emptyContext(e);
        double pmi = lm.score(s, v.id(words[at]), s) - lm.score(e, v.id(words[at]), lm.newState());
        lm.emptyContext(e);
        return pmi + lm.score(s, v.id(words[at + 1]), s) - lm.score(e, v.id(words[at + 1]), lm.newState());
    }

    private static int candidateCalls(String text) {
        Counting lm = new Counting(MODEL.lm(), MODEL.lm().vocabulary().id("security"));
        CandidateTable table = new CandidateTable(MODEL.lexicon(), lm, ToyModel.SETTINGS);
        LatticeBuilder builder = new LatticeBuilder(lm, table, ToyModel.SETTINGS);
        lm.calls = 0;
        builder.build(Document.parse(text));
        return lm.calls;
    }

    @Test
    void aStoredCollocationIsNotTested() {
        String text = "They sought protection from the storm.";
        assertEquals(3.963, observedPmi(text, 2), 1e-3);
        assertEquals(0, candidateCalls(text));
    }

    @Test
    void aSpanBelowTheScreenIsTested() {
        String text = "The protection of children is a duty.";
        assertEquals(1.601, observedPmi(text, 1), 1e-3);
        assertTrue(candidateCalls(text) > 0);
    }

    @Test
    void aSpunSpanBesideItsCollocationIsStillRestored() {
        // "the protection council": the observed word's PMI is below the screen, "security council" is stored
        Document doc = Document.parse("The protection council met on Monday to discuss the war.");
        LatticeBuilder builder = new LatticeBuilder(MODEL.lm(), new CandidateTable(MODEL.lexicon(), MODEL.lm(),
                ToyModel.SETTINGS), ToyModel.SETTINGS);
        List<String> subs = new ArrayList<>();
        for (Arc a : builder.build(doc).lattices().get(0).arcs) {
            if (!a.isKeep()) {
                subs.add(a.from() + "-" + a.to() + " " + a.candidate().original());
            }
        }
        assertEquals(List.of("1-2 security"), subs);
    }
}
