package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.despin.lexicon.MapLexicon;
import org.despin.lexicon.TermTable;
import org.despin.lexicon.WordClass;
import org.despin.lm.MapLanguageModel;
import org.despin.model.Model;
import org.despin.model.ModelInfo;
import org.junit.jupiter.api.Test;

/** Tortured phrases: a term rewritten word by word is restored as one span; clean carriers stay clean. */
class TermCandidatesTest {
    private static final List<String> CORPUS = List.of(
            "Artificial intelligence is a field of study.",
            "Research on artificial intelligence has grown.",
            "We study artificial intelligence and data mining.",
            "Data mining finds patterns in data.",
            "The signal to noise ratio was low.",
            "A counterfeit coin was found.",
            "He lost consciousness after the fall.",
            "The noise was loud.",
            "We study the results in detail.",
            "A decision tree splits the data.",
            "The results show a clear pattern.");
    private static final MapLanguageModel LM = ToyModel.lm(3, CORPUS);
    private static final MapLexicon LEXICON = new MapLexicon.Builder()
            .add("counterfeit", "artificial", -2.0f)
            .add("consciousness", "intelligence", -2.0f)
            .add("flag", "signal", -2.0f)
            .add("clamor", "noise", -2.0f)
            .add("information", "data", -2.0f)
            .add("excavation", "mining", -2.0f)
            .add("artificial", "counterfeit", -2.0f)
            .add("intelligence", "consciousness", -2.0f)
            .build();
    private static final TermTable TERMS = TermTable.of(List.of("artificial intelligence", "signal to noise", "data mining"));
    private static final Detector WITH_TERMS = new Detector(
            new Model(LM, LEXICON, new ModelInfo(1, Map.of("model", "toy")), TERMS), ToyModel.SETTINGS);
    private static final Detector WITHOUT_TERMS = new Detector(
            new Model(LM, LEXICON, new ModelInfo(1, Map.of("model", "toy"))), ToyModel.SETTINGS);

    @Test
    void aTermRewrittenWordByWordIsRestoredAsOneFinding() {
        String text = "We study counterfeit consciousness in detail.";
        Report r = WITH_TERMS.check(text, CheckOptions.DEFAULTS);
        assertEquals("We study artificial intelligence in detail.", r.restored(), DetectorExamplesTest.describe(r));
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals("counterfeit consciousness", f.text());
        assertEquals(text.indexOf("counterfeit"), f.start());
        assertEquals(text.indexOf(" in detail"), f.end());
        assertTrue(f.evidence().contains("; term synonym"), f.evidence());
    }

    @Test
    void withoutTheTermTableTheSameWordsAreKept() {
        Report r = WITHOUT_TERMS.check("We study counterfeit consciousness in detail.", CheckOptions.DEFAULTS);
        assertEquals("We study counterfeit consciousness in detail.", r.restored(), DetectorExamplesTest.describe(r));
    }

    @Test
    void aFunctionWordOfTheTermStandsAsItIs() {
        Report r = WITH_TERMS.check("The flag to clamor ratio was low.", CheckOptions.DEFAULTS);
        assertEquals("The signal to noise ratio was low.", r.restored(), DetectorExamplesTest.describe(r));
    }

    @Test
    void cleanCarriersHoldingTheTermGetNoFinding() {
        for (String clean : List.of("We study artificial intelligence in detail.", "Data mining finds patterns in data.",
                "The signal to noise ratio was low.")) {
            Report r = WITH_TERMS.check(clean, CheckOptions.DEFAULTS);
            assertEquals(List.of(), r.findings(), DetectorExamplesTest.describe(r));
        }
    }

    /** "woody plant" is not in the lexicon: only the term table's links (a broader word) reach "tree". */
    private static final TermTable LINKED_TERMS = TermTable.of(
            List.of("artificial intelligence", "signal to noise", "data mining", "decision tree"),
            new org.despin.lexicon.TermLinks(Map.of(
                    "woody plant", Map.of("tree", TermTable.RELATED),
                    "determination", Map.of("decision", TermTable.SYNONYM),
                    "determinations", Map.of("decision", TermTable.SYNONYM),
                    "consciousness", Map.of("intelligence", TermTable.SYNONYM)),
                    Map.of("tree", 20, "decision", 1, "intelligence", 1)));

    private static List<TermCandidates.Match> matches(TermTable table, String text) {
        org.despin.text.Document doc = org.despin.text.Document.parse(text);
        return new TermCandidates(table, LEXICON, LM).matches(
                LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0)));
    }

    @Test
    void theTermTablesLinksReachWordsTheLexiconDoesNot() {
        List<TermCandidates.Match> m = matches(LINKED_TERMS, "We study determination woody plant in detail.");
        assertEquals(1, m.size());
        assertEquals(2, m.get(0).from());
        assertEquals(5, m.get(0).to());
        assertEquals("decision tree", m.get(0).candidate().original());
        // decision: synonym of fan-out 1 (0); tree: broader word (-1) of fan-out 20 (-0.35 ln 20) in two words (-0.5)
        assertEquals((float) (-1.0 - 0.35 * Math.log(20) - 0.5), m.get(0).candidate().candidate().logChannel(), 1e-5);
        assertEquals(List.of(), matches(TERMS, "We study determination woody plant in detail."));
        assertEquals(List.of(), matches(LINKED_TERMS, "We study decision woody plant in detail."));
    }

    /**
     * One-word segments are looked up by LM id (an array slot) once known, words the LM does not know by their text:
     * an unknown word that reaches nothing must not stand for the next unknown word that reaches a term (both have
     * the LM's unknown id), and a known word's second lookup reads the same reach as its first.
     */
    @Test
    void aWordsReachIsKeptByItsIdOnlyWhenTheLmKnowsIt() {
        TermCandidates terms = new TermCandidates(LINKED_TERMS, LEXICON, LM);
        assertEquals(org.despin.lm.Vocabulary.UNKNOWN, LM.vocabulary().id("zyzzyva"));
        assertEquals(org.despin.lm.Vocabulary.UNKNOWN, LM.vocabulary().id("determination"));
        assertEquals(List.of(), terms.matches(sentence("We study zyzzyva woody plant in detail.")));
        for (int round = 0; round < 2; round++) {
            List<TermCandidates.Match> m = terms.matches(sentence("We study determination woody plant in detail."));
            assertEquals(1, m.size());
            assertEquals("decision tree", m.get(0).candidate().original());
            List<TermCandidates.Match> known = terms.matches(sentence("We study counterfeit consciousness in detail."));
            assertEquals(1, known.size());
            assertEquals("artificial intelligence", known.get(0).candidate().original());
            assertEquals(2, known.get(0).from());
            assertEquals(4, known.get(0).to());
        }
    }

    /**
     * A segment of several words the LM knows is looked up by its words' packed ids: "lost consciousness" (a lexicon
     * phrase for "intelligence") reaches the term's second word, "lost the" (same first word) and "lost consciousness
     * after" (a longer key) reach nothing, asked in either order.
     */
    @Test
    void aSegmentOfKnownWordsIsKeptByAllItsIds() {
        MapLexicon lexicon = new MapLexicon.Builder()
                .add("counterfeit", "artificial", -2.0f)
                .add("lost consciousness", "intelligence", -2.0f)
                .build();
        for (boolean phraseFirst : new boolean[] {true, false}) {
            TermCandidates terms = new TermCandidates(TERMS, lexicon, LM);
            if (!phraseFirst) {
                assertEquals(List.of(), terms.matches(sentence("We study counterfeit lost the data.")));
                assertEquals(List.of(), terms.matches(sentence("We study counterfeit lost consciousness after the fall.")
                        ).stream().filter(m -> m.to() != 5).toList());
            }
            List<TermCandidates.Match> m = terms.matches(sentence("We study counterfeit lost consciousness in detail."));
            assertEquals(1, m.size());
            assertEquals("artificial intelligence", m.get(0).candidate().original());
            assertEquals(2, m.get(0).from());
            assertEquals(5, m.get(0).to());
            assertEquals(List.of(), terms.matches(sentence("We study counterfeit lost the data.")));
        }
    }

    private static LatticeBuilder.SentenceWords sentence(String text) {
        org.despin.text.Document doc = org.despin.text.Document.parse(text);
        return LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0));
    }

    @Test
    void aLinkAndALexiconCandidateOfTheSameWordKeepTheBetterChannel() {
        // "consciousness": lexicon -2.0, link 0 (a synonym of fan-out 1); "counterfeit": lexicon only
        List<TermCandidates.Match> m = matches(LINKED_TERMS, "We study counterfeit consciousness in detail.");
        assertEquals(1, m.size());
        assertEquals("artificial intelligence", m.get(0).candidate().original());
        assertEquals(-2.0f, m.get(0).candidate().candidate().logChannel());
    }

    @Test
    void aSpanWithOnlyOneWordRewrittenIsNoTermCandidate() {
        TermCandidates terms = new TermCandidates(TERMS, LEXICON, LM);
        String text = "We study artificial consciousness in detail.";
        org.despin.text.Document doc = org.despin.text.Document.parse(text);
        LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0));
        assertEquals(List.of(), terms.matches(w));
        org.despin.text.Document spun = org.despin.text.Document.parse("We study counterfeit consciousness in detail.");
        List<TermCandidates.Match> m = terms.matches(
                LatticeBuilder.SentenceWords.of(spun.tokens(), spun.sentences().get(0)));
        assertEquals(1, m.size());
        assertEquals(2, m.get(0).from());
        assertEquals(4, m.get(0).to());
        assertEquals("artificial intelligence", m.get(0).candidate().original());
        assertEquals(-4.0f, m.get(0).candidate().candidate().logChannel());
    }

    /**
     * The matcher joins two segments from whichever side asks fewer terms: the terms the first
     * word starts, or those the second word continues. Both sides must find the same terms: here
     * "common" reaches "public", which starts 40 terms, and "scheme" reaches "system", which
     * continues 40; each spun span must reach exactly its one term, with the summed channel.
     */
    @Test
    void termsAreFoundFromEitherSideOfTheJoin() {
        List<String> table = new java.util.ArrayList<>(List.of("public health", "signal system"));
        for (int k = 0; k < 40; k++) {
            String filler = "w" + (char) ('a' + k / 26) + (char) ('a' + k % 26);
            table.add("public " + filler);
            table.add(filler + " system");
        }
        MapLexicon lexicon = new MapLexicon.Builder()
                .add("common", "public", -1.0f)
                .add("wellness", "health", -2.0f)
                .add("flag", "signal", -1.5f)
                .add("scheme", "system", -0.5f)
                .build();
        List<String> corpus = new java.util.ArrayList<>(CORPUS);
        corpus.addAll(List.of("Public health matters.", "The signal system failed."));
        TermCandidates terms = new TermCandidates(TermTable.of(table), lexicon, ToyModel.lm(3, corpus));
        for (String[] c : new String[][] {{"They said common wellness was low.", "public health", "-3.0"},
                {"They said flag scheme was low.", "signal system", "-2.0"}}) {
            org.despin.text.Document doc = org.despin.text.Document.parse(c[0]);
            List<TermCandidates.Match> m = terms.matches(LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0)));
            assertEquals(1, m.size(), c[0] + ": " + m);
            assertEquals(2, m.get(0).from());
            assertEquals(4, m.get(0).to());
            assertEquals(c[1], m.get(0).candidate().original());
            assertEquals(Float.parseFloat(c[2]), m.get(0).candidate().candidate().logChannel());
            assertEquals(1, m.get(0).rivals());
        }
    }

    /** One word for a whole term: "lyceum" -> "high school" (a thesaurus lists narrower and related words). */
    private static final MapLexicon ONE_WORD_LEXICON = new MapLexicon.Builder()
            .add("lyceum", "high school", -2.5f)
            .add("lyceum", "dance hall", -2.0f)
            .add("lyceum", "academy", -1.0f)
            .add("rate", "interest rate", -2.5f)
            .add("rates", "interest rate", -2.5f)
            .add("in", "air lock", -1.0f)
            .build();
    private static final TermTable ONE_WORD_TERMS = TermTable.of(List.of("high school", "dance hall", "interest rate", "air lock"));
    private static final MapLanguageModel ONE_WORD_LM = ToyModel.lm(3, List.of(
            "We study high school in detail.", "The high school was new.", "She went to high school.",
            "Her high school was far.", "His high school was near.", "They left high school early.",
            "The dance hall was old.", "A dance hall was open.", "The dance hall was full.", "Our dance hall was big.",
            "The rate was low.", "We study the rate in detail.", "A lyceum was built."));

    private static LatticeBuilder.SentenceWords words(String text) {
        org.despin.text.Document doc = org.despin.text.Document.parse(text);
        return LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0));
    }

    @Test
    void oneWordWhoseCandidateIsAWholeTermMatchesIt() {
        TermCandidates terms = new TermCandidates(ONE_WORD_TERMS, ONE_WORD_LEXICON, ONE_WORD_LM);
        List<TermCandidates.Match> m = terms.matches(words("We study lyceum at the rate in detail."));
        // "academy" is one word (no term); "rate" -> "interest rate" keeps the observed word (no rewrite);
        // "in" is a function word
        assertEquals(2, m.size(), m.toString());
        assertEquals("dance hall", m.get(0).candidate().original());
        assertEquals("high school", m.get(1).candidate().original());
        for (TermCandidates.Match x : m) {
            assertEquals(2, x.from());
            assertEquals(3, x.to());
            assertEquals(2, x.rivals());
        }
        assertEquals(-2.0f, m.get(0).candidate().candidate().logChannel());
        assertEquals(-2.5f, m.get(1).candidate().candidate().logChannel());
        assertEquals(List.of(), terms.matches(words("We study the rates in detail.")));
    }

    /**
     * Word classes as the tagger dictionary gives them (broad: "drains", "takes" noun and verb, "away" a noun too);
     * "lyceum" and "school" unknown to it.
     */
    private static final MapLexicon CLASS_LEXICON = new MapLexicon.Builder()
            .add("drains", "takes away", -1.5f)
            .add("drains", "waste pipes", -0.2f)
            .add("prevailing", "taking place", -1.0f)
            .add("lyceum", "high school", -2.5f)
            .knownWord("drains", java.util.EnumSet.of(WordClass.NOUN, WordClass.VERB))
            .knownWord("takes", java.util.EnumSet.of(WordClass.NOUN, WordClass.VERB))
            .knownWord("away", java.util.EnumSet.of(WordClass.NOUN, WordClass.ADJECTIVE, WordClass.ADVERB,
                    WordClass.FUNCTION_WORD))
            .knownWord("waste", java.util.EnumSet.of(WordClass.NOUN, WordClass.VERB, WordClass.ADJECTIVE))
            .knownWord("pipes", java.util.EnumSet.of(WordClass.NOUN, WordClass.VERB))
            .knownWord("prevailing", java.util.EnumSet.of(WordClass.VERB, WordClass.ADJECTIVE))
            .knownWord("taking", java.util.EnumSet.of(WordClass.NOUN, WordClass.VERB))
            .knownWord("place", java.util.EnumSet.of(WordClass.NOUN, WordClass.VERB))
            .knownWord("beyond", java.util.EnumSet.of(WordClass.ADJECTIVE, WordClass.FUNCTION_WORD))
            .knownWord("well", java.util.EnumSet.of(WordClass.NOUN, WordClass.VERB, WordClass.ADVERB))
            .build();
    private static final TermTable CLASS_TERMS = TermTable.of(List.of("takes away", "waste pipes", "taking place",
            "high school"));
    private static final MapLanguageModel CLASS_LM = ToyModel.lm(3, List.of("The lake drains it.", "The waste pipes were old.",
            "The view is prevailing now.", "We study lyceum here.", "The high school was new.", "It takes away the rest.",
            "It was taking place."));

    @Test
    void aWholeTermIsANounPhraseForAWordThatCanBeANoun() {
        TermCandidates terms = new TermCandidates(CLASS_TERMS, CLASS_LEXICON, CLASS_LM);
        // "takes away" ends in a particle (a verb phrase, though "away" can be a noun): only "waste pipes"
        List<TermCandidates.Match> m = terms.matches(words("The lake drains it."));
        assertEquals(1, m.size(), m.toString());
        assertEquals("waste pipes", m.get(0).candidate().original());
        assertEquals(2, m.get(0).from());
        assertEquals(1, m.get(0).rivals());
        // "prevailing" cannot be a noun: no noun term for it
        assertEquals(List.of(), terms.matches(words("The view is prevailing now.")));
        // a word the dictionary does not know passes
        assertEquals("high school", terms.matches(words("We study lyceum here.")).get(0).candidate().original());

        assertEquals(false, terms.nounPhrase("takes away"));
        assertEquals(false, terms.nounPhrase("goes beyond")); // "beyond" cannot be a noun
        assertEquals(false, terms.nounPhrase("set aside")); // a particle the lexicon does not know
        assertEquals(true, terms.nounPhrase("oil well")); // "well" can be an adverb, but a noun too
        assertEquals(true, terms.nounPhrase("high school"));
        assertEquals(true, terms.nounPhrase("taking place")); // (the observed word decides that one)
    }

    /** The arcs addArcs makes of the sentence's term matches under {@code settings}. */
    private static List<Arc> oneWordArcs(String text, DetectorSettings settings) {
        return arcs(ONE_WORD_TERMS, ONE_WORD_LEXICON, ONE_WORD_LM, text, settings);
    }

    @Test
    void oneWordTermArcsNeedPositiveEvidenceAndCanBeTurnedOff() {
        String text = "We study lyceum in detail.";
        assertEquals(List.of(), oneWordArcs(text, ToyModel.SETTINGS.with().oneWordTermGate(Double.NaN).build()));
        // gate far below: both terms enter and share the bonus (-ln 2 each, against the arc alone)
        List<Arc> both = oneWordArcs(text, ToyModel.SETTINGS.with().oneWordTermGate(-100).build());
        assertEquals(2, both.size());
        // gate at 0: only "high school", which the context prefers to "lyceum", keeps its arc, the bonus whole
        List<Arc> one = oneWordArcs(text, ToyModel.SETTINGS.with().oneWordTermGate(0).build());
        assertEquals(1, one.size());
        Arc highSchool = both.get(0).candidate().original().equals("high school") ? both.get(0) : both.get(1);
        assertEquals("high school", one.get(0).candidate().original());
        assertEquals(one.get(0).fixedWeight() - Math.log(2), highSchool.fixedWeight(), 1e-9);
        assertTrue(one.get(0).evidence().contextLog10() > 0, one.get(0).evidence().toString());
        // a gate above the term's evidence: no arc
        double context = one.get(0).evidence().contextLog10();
        assertEquals(List.of(), oneWordArcs(text, ToyModel.SETTINGS.with().oneWordTermGate(context + 0.01).build()));
    }

    /** A term for another term: "vital sign" (a table term) for "blood pressure" (a thesaurus lists related terms). */
    private static final MapLexicon TERM_LEXICON = new MapLexicon.Builder()
            .add("vital sign", "blood pressure", -2.0f)
            .add("vital sign", "sign language", -2.0f) // shares "sign": no rewrite
            .build();
    private static final TermTable TERM_TERMS = TermTable.of(List.of("vital sign", "blood pressure", "sign language"));
    private static final MapLanguageModel TERM_LM = ToyModel.lm(3, List.of(
            "We study blood pressure in detail.", "The blood pressure was high.", "His blood pressure was low.",
            "Her blood pressure fell.", "A vital sign was taken.", "The sign language was new."));

    private static List<Arc> arcs(TermTable table, MapLexicon lexicon, MapLanguageModel lm, String text,
            DetectorSettings settings) {
        TermCandidates terms = new TermCandidates(table, lexicon, lm);
        LatticeBuilder.SentenceWords w = words(text);
        int[] ids = w.ids(lm.vocabulary());
        Evidence evidence = new Evidence(lm);
        evidence.sentence(ids, ids);
        List<Arc> out = new java.util.ArrayList<>();
        terms.addArcs(terms.matches(w), w, evidence, settings, out, new boolean[w.size()]);
        return out;
    }

    @Test
    void aTermWhoseCandidateIsAnotherTermMatchesItWhole() {
        TermCandidates terms = new TermCandidates(TERM_TERMS, TERM_LEXICON, TERM_LM);
        List<TermCandidates.Match> m = terms.matches(words("We study vital sign in detail."));
        assertEquals(1, m.size(), m.toString());
        assertEquals("blood pressure", m.get(0).candidate().original());
        assertEquals(2, m.get(0).from());
        assertEquals(4, m.get(0).to());
        assertTrue(m.get(0).whole());
        assertEquals(-2.0f, m.get(0).candidate().candidate().logChannel());
        // the same words capitalised are a name, no candidate
        assertEquals(List.of(), terms.matches(words("We study Vital Sign in detail.")));
    }

    @Test
    void termToTermArcsNeedTheGateAndCanBeTurnedOff() {
        String text = "We study vital sign in detail.";
        assertEquals(List.of(), arcs(TERM_TERMS, TERM_LEXICON, TERM_LM, text,
                ToyModel.SETTINGS.with().termToTermGate(Double.NaN).build()));
        List<Arc> a = arcs(TERM_TERMS, TERM_LEXICON, TERM_LM, text, ToyModel.SETTINGS.with().termToTermGate(0).build());
        assertEquals(1, a.size());
        Arc arc = a.get(0);
        assertEquals("blood pressure", arc.candidate().original());
        assertEquals(2, arc.from());
        assertEquals(4, arc.to());
        double context = arc.evidence().contextLog10();
        assertTrue(context > 0, arc.evidence().toString());
        // the one-word bonus in place of termBonus: the weight moves with it one for one
        List<Arc> more = arcs(TERM_TERMS, TERM_LEXICON, TERM_LM, text,
                ToyModel.SETTINGS.with().termToTermGate(0).oneWordTermBonus(ToyModel.SETTINGS.oneWordTermBonus() + 1).build());
        assertEquals(arc.fixedWeight() + 1, more.get(0).fixedWeight(), 1e-9);
        assertEquals(List.of(), arcs(TERM_TERMS, TERM_LEXICON, TERM_LM, text,
                ToyModel.SETTINGS.with().termToTermGate(context + 0.01).build()));
        // the clean term in the same place is never read as the rarer one (no candidate that way)
        assertEquals(List.of(), arcs(TERM_TERMS, TERM_LEXICON, TERM_LM, "We study blood pressure in detail.",
                ToyModel.SETTINGS.with().termToTermGate(-100).build()));
    }

    /** A term rewritten word by word into rare words ("artful ascertaining" for "deep learning"). */
    private static final MapLexicon RARE_LEXICON = new MapLexicon.Builder()
            .add("artful", "deep", -2.0f)
            .add("ascertaining", "learning", -2.0f)
            .add("study", "deep", -2.0f)
            .build();
    private static final TermTable RARE_TERMS = TermTable.of(List.of("deep learning"));
    /** "deep", "learning" and "study" some 20 times as frequent as "artful" and "ascertaining" (once each). */
    private static final MapLanguageModel RARE_LM = ToyModel.lm(3, rareCorpus());

    private static List<String> rareCorpus() {
        List<String> corpus = new java.util.ArrayList<>(List.of("An artful man.", "Ascertaining it.",
                "We study the learning in detail."));
        for (int k = 0; k < 20; k++) {
            corpus.add("We study deep learning in detail.");
        }
        return corpus;
    }

    @Test
    void aSpanOfWordsAllRarerThanTheTermsGetsItsArcPastTheEvidenceGateWithRareSpanTermGate() {
        String text = "We artful ascertaining in detail.";
        // the evidence gate set out of reach: no arc, unless every observed word is rarer than the term's words
        DetectorSettings closed = ToyModel.SETTINGS.with().termGate(100).rareSpanTermGate(Double.NaN).build();
        assertEquals(List.of(), arcs(RARE_TERMS, RARE_LEXICON, RARE_LM, text, closed));
        List<Arc> a = arcs(RARE_TERMS, RARE_LEXICON, RARE_LM, text, closed.with().rareSpanTermGate(-100).build());
        assertEquals(1, a.size());
        assertEquals("deep learning", a.get(0).candidate().original());
        assertEquals(1, a.get(0).from());
        assertEquals(3, a.get(0).to());
        double context = a.get(0).evidence().contextLog10();
        assertEquals(List.of(), arcs(RARE_TERMS, RARE_LEXICON, RARE_LM, text,
                closed.with().rareSpanTermGate(context + 0.01).build()));
        // "study learning": "study" is as common as "deep", so not the spinner's rare synonyms
        assertEquals(List.of(), arcs(RARE_TERMS, RARE_LEXICON, RARE_LM, "We study ascertaining in detail.",
                closed.with().rareSpanTermGate(-100).build()));
    }

    /**
     * A thesaurus writes a phrase for one term word ("musical notation" for "interval"): a collocation of its own,
     * which made the whole span ("trust musical notation") read as the writer's collocation and no term candidate.
     */
    private static final MapLexicon SEGMENT_LEXICON = new MapLexicon.Builder()
            .add("trust", "confidence", -2.0f)
            .add("musical notation", "interval", -2.0f)
            .build();
    private static final TermTable SEGMENT_TERMS = TermTable.of(List.of("confidence interval"));

    private static List<String> segmentCorpus(int wholeSpans) {
        List<String> corpus = new java.util.ArrayList<>(List.of("We trust them.", "The confidence interval was wide.",
                "We study the notes in detail.", "A musical piece.", "The notation was old."));
        for (int k = 0; k < 20; k++) {
            corpus.add("They read musical notation well.");
        }
        for (int k = 0; k < wholeSpans; k++) {
            corpus.add("They trust musical notation well.");
        }
        for (int k = 0; k < 200; k++) {
            corpus.add("Some other words make up line " + (char) ('a' + k % 26) + (char) ('a' + k / 26) + " here.");
        }
        return corpus;
    }

    @Test
    void aSpanIsReadAsACollocationOnlyBeyondTheCohesionInsideItsSegments() {
        String text = "We study trust musical notation in detail.";
        TermCandidates terms = new TermCandidates(SEGMENT_TERMS, SEGMENT_LEXICON, ToyModel.lm(3, segmentCorpus(0)));
        List<TermCandidates.Match> m = terms.matches(words(text));
        assertEquals(1, m.size(), m.toString());
        assertEquals(2, m.get(0).from());
        assertEquals(5, m.get(0).to());
        assertEquals("confidence interval", m.get(0).candidate().original());
        assertEquals(-4.0f, m.get(0).candidate().candidate().logChannel());
        // the span's whole cohesion is a collocation's (the test of before would refuse it): the segment holds it
        assertTrue(TermCandidates.ArcFacts.NAMES.contains("observedCohesion"));
        assertTrue(terms.facts(m.get(0), words(text)).get("observedCohesion") >= TermCandidates.COLLOCATION_LOG10,
                terms.facts(m.get(0), words(text)).toString());
        // a writer who uses the whole span as a phrase of its own: no term candidate
        TermCandidates stored = new TermCandidates(SEGMENT_TERMS, SEGMENT_LEXICON, ToyModel.lm(3, segmentCorpus(20)));
        assertEquals(List.of(), stored.matches(words(text)));
    }

    @Test
    void theRarityMarginIsHowMuchRarerTheCommonestContentWordIsThanTheRarestTermWordClipped() {
        assertEquals(1.4, TermCandidates.rarityMargin(-4.0, -5.4), 1e-12);
        assertEquals(-0.5, TermCandidates.rarityMargin(-4.0, -3.5), 1e-12);
        assertEquals(4.0, TermCandidates.rarityMargin(-3.0, -9.0), 0);
        assertEquals(-4.0, TermCandidates.rarityMargin(-9.0, -1.0), 0);
    }

    @Test
    void theRarityMarginFactOfAMatchReadsTheContentWordsOnly() {
        String text = "We artful ascertaining in detail.";
        TermCandidates terms = new TermCandidates(RARE_TERMS, RARE_LEXICON, RARE_LM);
        List<TermCandidates.Match> m = terms.matches(words(text));
        assertEquals(1, m.size());
        Evidence e = new Evidence(RARE_LM);
        int[] ids = words(text).ids(RARE_LM.vocabulary());
        e.sentence(ids, ids);
        double termRarest = Math.min(e.unigram(RARE_LM.vocabulary().id("deep")), e.unigram(RARE_LM.vocabulary().id("learning")));
        double commonest = Math.max(e.unigram(ids[1]), e.unigram(ids[2]));
        assertEquals(termRarest - commonest, terms.facts(m.get(0), words(text)).get("rarityMargin"), 1e-9);
        assertTrue(termRarest - commonest > TermCandidates.RARE_SPAN_MARGIN, termRarest + " " + commonest);
    }
}
