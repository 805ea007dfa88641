package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.despin.lexicon.MapLexicon;
import org.despin.lexicon.TermRegister;
import org.despin.lexicon.TermTable;
import org.despin.lm.LmState;
import org.despin.lm.MapLanguageModel;
import org.despin.model.Model;
import org.despin.model.ModelInfo;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

/** Terms gated by the document's register (branch tortured4): read only where the document reads as technical. */
class TermRegisterGateTest {
    private static final MapLanguageModel LM = ToyModel.lm(3, List.of(
            "We study data mining in detail.",
            "Data mining finds patterns in data.",
            "The results show a clear pattern.",
            "We study the results in detail.",
            "The algorithm finds the data.",
            "The information was old.",
            "An excavation began."));
    private static final MapLexicon LEXICON = new MapLexicon.Builder()
            .add("information", "data", -2.0f)
            .add("excavation", "mining", -2.0f)
            .build();
    private static final TermTable TABLE = TermTable.of(List.of("artificial intelligence", "data mining"));
    private static final int DATA_MINING = TABLE.find(new int[] {TABLE.wordId("data"), TABLE.wordId("mining")}, 0, 2);
    private static final String SPUN = "We study information excavation in detail.";

    /** "data mining" gated; the prose: "algorithm", "data", "mining" frequent, the spinner's words as given. */
    private static TermTable gated(float information, float excavation) {
        return TABLE.withRegister(TermRegister.of(new int[] {DATA_MINING},
                new String[] {"algorithm", "data", "excavation", "information", "mining"},
                new float[] {-1.0f, -1.0f, excavation, information, -1.2f}, 1000));
    }

    private static LatticeBuilder.SentenceWords words(String text) {
        Document doc = Document.parse(text);
        return LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0));
    }

    /** The clipped ratio of one word, as {@link TermCandidates#register} sums it. */
    private static double ratio(TermRegister r, String word) {
        LmState a = LM.newState();
        LM.emptyContext(a);
        double x = r.technicalLog10(word) - LM.score(a, LM.vocabulary().id(word), a);
        return Math.max(-TermCandidates.REGISTER_CLIP, Math.min(TermCandidates.REGISTER_CLIP, (float) x));
    }

    @Test
    void theDocumentsRegisterIsItsContentWordsMeanRatio() {
        TermTable t = gated(-4f, -4f);
        TermCandidates terms = new TermCandidates(t, LEXICON, LM);
        // content words of letters only: "study", "information", "excavation", "detail" ("We", "in", "42" are not)
        double expected = (ratio(t.register(), "study") + ratio(t.register(), "information")
                + ratio(t.register(), "excavation") + ratio(t.register(), "detail")) / 4;
        assertEquals(expected, terms.register(Document.parse("We study information excavation in detail 42.").tokens()), 1e-6);
        assertEquals(ratio(t.register(), "algorithm"), terms.register(Document.parse("Algorithm.").tokens()), 1e-6);
        // a word the prose lacks and the LM knows: log10(0.5 / 1000) - its unigram, clipped at -1.5
        assertEquals(-TermCandidates.REGISTER_CLIP, ratio(t.register(), "pattern"), 1e-9);
        assertTrue(Double.isNaN(new TermCandidates(TABLE, LEXICON, LM).register(Document.parse(SPUN).tokens())));
        assertTrue(Double.isNaN(terms.register(Document.parse("We are in it.").tokens())));
    }

    @Test
    void aGatedTermIsMatchedOnlyInATechnicalDocument() {
        TermCandidates terms = new TermCandidates(gated(-4f, -4f), LEXICON, LM);
        LatticeBuilder.SentenceWords w = words(SPUN);
        assertEquals(List.of(), terms.matches(w, true, false));
        assertEquals(List.of(), terms.forDocument(false).matches(w, true, false));
        List<TermCandidates.Match> m = terms.forDocument(true).matches(w, true, true);
        assertEquals(1, m.size());
        assertEquals("data mining", m.get(0).candidate().original());
        assertTrue(m.get(0).term().gated());
        // the same table without a register matches it everywhere
        assertEquals(1, new TermCandidates(TABLE, LEXICON, LM).matches(w, true, false).size());
    }

    @Test
    void aGatedTermNeverStandsForWordsFarMoreTechnicalThanItsOwn() {
        // the spinner's words half the prose: the span reads as more technical than the
        // term by more than SPAN_REGISTER_MARGIN
        TermTable t = gated(-0.1f, -0.1f);
        double span = (ratio(t.register(), "information") + ratio(t.register(), "excavation")) / 2;
        double term = (ratio(t.register(), "data") + ratio(t.register(), "mining")) / 2;
        assertTrue(span >= term + TermCandidates.SPAN_REGISTER_MARGIN, span + " " + term);
        assertEquals(List.of(), new TermCandidates(t, LEXICON, LM).matches(words(SPUN), true, true));
        TermTable rare = gated(-4f, -4f);
        double rareSpan = (ratio(rare.register(), "information") + ratio(rare.register(), "excavation")) / 2;
        assertTrue(rareSpan < term + TermCandidates.SPAN_REGISTER_MARGIN);
    }

    @Test
    void theDetectorReadsGatedTermsWhereTheRegisterIsAtLeastTheSetting() {
        Model model = new Model(LM, LEXICON, new ModelInfo(1, Map.of("model", "toy")), gated(-4f, -4f));
        LatticeBuilder everywhere = new LatticeBuilder(LM, null, new TermCandidates(model.terms(), LEXICON, LM),
                ToyModel.SETTINGS.with().technicalRegister(-100).build());
        LatticeBuilder nowhere = new LatticeBuilder(LM, null, new TermCandidates(model.terms(), LEXICON, LM),
                ToyModel.SETTINGS.with().technicalRegister(Double.NaN).build());
        LatticeBuilder above = new LatticeBuilder(LM, null, new TermCandidates(model.terms(), LEXICON, LM),
                ToyModel.SETTINGS.with().technicalRegister(100).build());
        Document doc = Document.parse(SPUN);
        assertTrue(everywhere.technical(doc));
        assertFalse(nowhere.technical(doc));
        assertFalse(above.technical(doc));
        Report r = new Detector(model, ToyModel.SETTINGS.with().technicalRegister(-100).build()).check(SPUN, CheckOptions.DEFAULTS);
        Report n = new Detector(model, ToyModel.SETTINGS.with().technicalRegister(Double.NaN).build()).check(SPUN,
                CheckOptions.DEFAULTS);
        assertEquals("We study data mining in detail.", r.restored(), DetectorExamplesTest.describe(r));
        assertEquals(List.of(), n.findings().stream().filter(f -> f.evidence().contains("term")).toList(),
                DetectorExamplesTest.describe(n));
    }

    /** Branch docscore21: the document score reads how far the register lies above the gate, in technical documents only. */
    @Test
    void theScoreReadsTheRegisterAboveTheGateWhereTheDocumentReadsAsTechnical() {
        Model model = new Model(LM, LEXICON, new ModelInfo(1, Map.of("model", "toy")), gated(-1f, -1f));
        double register = new TermCandidates(model.terms(), LEXICON, LM).register(Document.parse(SPUN).tokens());
        assertEquals(REGISTER, register, 1e-12); // "study", "detail" not in the prose (-1.5), the spinner's words frequent there
        DetectorSettings technical = ToyModel.SETTINGS.with().technicalRegister(register - 0.5).build();
        DetectorSettings news = ToyModel.SETTINGS.with().technicalRegister(register + 0.5).build();
        DetectorSettings never = ToyModel.SETTINGS.with().technicalRegister(Double.NaN).build();
        DocumentFeatures t = new Detector(model, technical).analyse(SPUN, CheckOptions.DEFAULTS).features();
        DocumentFeatures n = new Detector(model, news).analyse(SPUN, CheckOptions.DEFAULTS).features();
        DocumentFeatures x = new Detector(model, never).analyse(SPUN, CheckOptions.DEFAULTS).features();
        assertEquals(register, t.register(), 1e-12);
        assertEquals(0.5, t.registerAboveGate(), 1e-12);
        assertEquals(register, n.register(), 1e-12); // read, below the gate: not technical
        assertEquals(0, n.registerAboveGate());
        assertTrue(Double.isNaN(x.register())); // the gate off: no register read
        assertEquals(0, x.registerAboveGate());
        // a table without gated terms reads no register either
        DocumentFeatures plain = new Detector(new Model(LM, LEXICON, new ModelInfo(1, Map.of("model", "toy")), TABLE),
                technical).analyse(SPUN, CheckOptions.DEFAULTS).features();
        assertTrue(Double.isNaN(plain.register()));
        assertEquals(0, plain.registerAboveGate());
        // the score's log-odds carry it with the feature's weight (the stop-21 score's 0.722), and nothing else does
        DocumentScorer.Coefficients c = DocumentScorer.Coefficients.WITH_DOC_COMMENTS;
        DocumentScorer.Coefficients without = new DocumentScorer.Coefficients(c.intercept(), c.spinRate(), c.confidencePer100(),
                c.artefactsPer100(), c.names(), c.variants(), c.positiveSpansPer100(), c.expectedRestorationsPer100(),
                c.topFindingProbability(), 0, 0);
        assertEquals(0.722 * 0.5, c.logit(t) - without.logit(t), 1e-12);
        assertEquals(0, c.logit(n) - without.logit(n), 0);
        // golden: the stop-21 default score of this sentence read as technical (evidence gate 1.0), and the score at the
        // defaults' gate 0.8 since branch gate23 (the lower gate admits more candidates into the toy lattices); the routing
        // score's, which the report gives without a verdict score (branch verdict26)
        Report r = new Detector(model, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.with().technicalRegister(register - 0.5)
                .evidenceGate(1.0).verdictScore(null).build()).check(SPUN, CheckOptions.DEFAULTS);
        assertEquals(GOLDEN_SCORE, r.spinScore(), 1e-12);
        Report gate08 = new Detector(model, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.with().technicalRegister(register - 0.5)
                .verdictScore(null).build()).check(SPUN, CheckOptions.DEFAULTS);
        assertEquals(GOLDEN_SCORE_GATE_08, gate08.spinScore(), 1e-12);
    }

    private static final double REGISTER = -0.433265745639801;
    private static final double GOLDEN_SCORE = 0.2213467453223181;
    private static final double GOLDEN_SCORE_GATE_08 = 0.4230037937928764;
}
