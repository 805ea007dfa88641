package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.despin.lexicon.MapLexicon;
import org.despin.model.Model;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

/**
 * The boosted decode of a document called spun reads lattices widened with {@code spunEvidenceGate}
 * ({@link LatticeBuilder#widen}): a candidate whose context gain is below the evidence gate but reaches
 * the spun gate enters there and only there, in a document of at least 100 words (where the spun finding
 * model decides). On the toy corpus, "The general problem is money." reads "general" -> "common" with gain
 * 0.8976 ("a common problem", "The basic problem is money" are stored); the sentences after it have no
 * candidate and make the document 101 words long.
 */
class SpunWideningTest {
    private static final String SENTENCE = "The general problem is money.";
    private static final String TEXT = SENTENCE + " Then the storm hit the town at night.".repeat(12);
    /** Every document called spun (the spin score, a probability, always reaches 0), no widening. */
    private static final DetectorSettings SPUN = ToyModel.SETTINGS.with().cleanThreshold(0).spunThreshold(0)
            .spunEvidenceGate(Double.NaN).build();

    @Test
    void aCandidateBelowTheGateEntersOnlyTheWidenedLatticeOfADocumentCalledSpun() {
        Model model = ToyModel.news();
        assertEquals(List.of(), arcs(model, SPUN));
        assertEquals(List.of(), arcs(model, SPUN.with().spunEvidenceGate(0.9).build()));
        assertEquals(List.of("general -> common gain 0.8976 behind 0.0000 admitted 1"),
                arcs(model, SPUN.with().spunEvidenceGate(0.5).build()));
        // the default gate 0
        assertEquals(List.of("general -> common gain 0.8976 behind 0.0000 admitted 1"),
                arcs(model, ToyModel.SETTINGS.with().cleanThreshold(0).spunThreshold(0).build()));
        // not called spun (no boosted decode): the lattice of the evidence gate
        assertEquals(List.of(), arcs(model, SPUN.with().spunEvidenceGate(0.5).spunBoost(0).build()));
        // called spun but under 100 words, where the decode's posteriors decide: not widened either
        assertEquals(List.of(), arcs(model, SPUN.with().spunEvidenceGate(0.5).build(), SENTENCE));
    }

    @Test
    void aDocumentNotCalledSpunIsWidenedOnlyWithTheUnspunGate() {
        Model model = ToyModel.news();
        // never called spun (no boost) nor clean (cleanThreshold 0): the spun gate widens nothing, the unspun one does
        DetectorSettings unspun = ToyModel.SETTINGS.with().spunBoost(0).cleanThreshold(0).build();
        assertEquals(List.of(), arcs(model, unspun));
        assertEquals(List.of("general -> common gain 0.8976 behind 0.0000 admitted 1"),
                arcs(model, unspun.with().unspunEvidenceGate(0.5).build()));
        assertEquals(List.of(), arcs(model, unspun.with().unspunEvidenceGate(0.9).build()));
        // under 100 words, where the decode's posteriors decide: not widened
        assertEquals(List.of(), arcs(model, unspun.with().unspunEvidenceGate(0.5).build(), SENTENCE));
        // without a finding model the posteriors decide everywhere: not widened either
        assertEquals(List.of(), arcs(model, unspun.with().unspunEvidenceGate(0.5).findingModel(null).build()));
        // a document called clean (every score below cleanThreshold 1): not widened
        assertEquals(List.of(), arcs(model, unspun.with().unspunEvidenceGate(0.5).cleanThreshold(1).spunThreshold(1).build()));
        // a document called spun keeps the spun gate (NaN: no widening) whatever the unspun one
        assertEquals(List.of(), arcs(model, SPUN.with().unspunEvidenceGate(0.5).build()));
    }

    /**
     * Branches {@code widen21} / {@code widen22}: {@link DetectorSettings#withUncertainWidening} widens a document of at
     * least 100 words not called spun whose score reaches 0.65 ({@code unspunEvidenceGate} 0, {@code uncertainFloor})
     * and decides there by DEFAULTS' weights at t 0.41 ({@code uncertainFindingModel}); since stop 23
     * {@link DetectorSettings#DEFAULTS_WITH_DOC_COMMENTS} does, the other defaults do not; elsewhere the settings' models
     * decide as before.
     */
    @Test
    void anUncertainDocumentWidenedIsDecidedByTheUncertainModel() {
        for (DetectorSettings x : List.of(DetectorSettings.DEFAULTS, DetectorSettings.DEFAULTS_WITH_NAMES)) {
            assertTrue(Double.isNaN(x.unspunEvidenceGate()));
            assertNull(x.uncertainFindingModel());
            assertTrue(Double.isNaN(x.uncertainFloor()));
        }
        DetectorSettings d = DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS;
        // (since branch trees25 the default's finding models carry boosted trees: the widening's logistic model replaced;
        // since deftrees28 the trees with the lexicon link's type)
        // since stop 28 its gate -0.6 instead of 0
        assertEquals(d, d.withUncertainWidening().with().uncertainFindingModel(FindingModel.UNCERTAIN_WITH_LINK_TREES)
                .unspunEvidenceGate(-0.6).build());
        assertEquals(FindingModel.UNCERTAIN_WITH_DOC_COMMENTS, d.withUncertainWidening().uncertainFindingModel());
        assertEquals(DetectorSettings.DEFAULTS_WITH_NAMES.with().findingModel(FindingModel.DEFAULTS_WITH_DOC_COMMENTS)
                .score(DocumentScorer.Coefficients.WITH_DOC_COMMENTS).spunThreshold(0.89).cleanThreshold(0.25)
                .spunBands(SpunBands.WITH_DOC_COMMENTS).evidenceGate(0.8).spunContextPool(8).build(),
                d.with().findingModel(FindingModel.DEFAULTS_WITH_DOC_COMMENTS).unspunEvidenceGate(Double.NaN)
                .uncertainFindingModel(null).uncertainFloor(Double.NaN).verdictScore(null).maxCandidatesPerSpan(4).variantFilter(0)
                .spunFindingModel(FindingModel.SPUN_WITH_NAMES).spunEvidenceGate(0)
                .compoundWholeLogOdds(DetectorSettings.COMPOUND_OFF).compoundWholeGate(Double.NaN).build());
        assertEquals(-0.6, d.unspunEvidenceGate());
        assertEquals(0.0, d.withUncertainWidening().unspunEvidenceGate());
        assertEquals(0.0, d.uncertainBoost());
        assertEquals(0.65, d.uncertainFloor());
        assertEquals(FindingModel.UNCERTAIN_WITH_LINK_TREES, d.uncertainFindingModel());
        assertArrayEquals(FindingModel.DEFAULTS.weights(), d.uncertainFindingModel().weights());
        assertEquals(0.5322, d.uncertainFindingModel().bias());
        assertEquals(0.37, 1 / (1 + Math.exp(d.uncertainFindingModel().bias())), 1e-4);
        assertEquals(0.5322, FindingModel.UNCERTAIN_WITH_TREES.bias());
        assertEquals(0.3640, FindingModel.UNCERTAIN_WITH_DOC_COMMENTS.bias());
        assertFalse(d.widensUncertain(0.6499));
        assertTrue(d.widensUncertain(0.65));
        Model model = ToyModel.news();
        // the toy settings with the default build's widening, never boosted nor called clean: widened
        DetectorSettings uncertain = ToyModel.SETTINGS.with().spunBoost(0).cleanThreshold(0)
                .unspunEvidenceGate(d.unspunEvidenceGate()).uncertainFindingModel(d.uncertainFindingModel()).build();
        assertEquals(List.of("general -> common gain 0.8976 behind 0.0000 admitted 1"), arcs(model, uncertain));
        // the uncertain model decides in that document: one that takes every candidate flags what the findingModel does
        // not, one that takes none flags nothing
        FindingModel all = new FindingModel(FindingModel.DEFAULTS.weights(), 50);
        FindingModel none = new FindingModel(FindingModel.DEFAULTS.weights(), -50);
        List<Finding> byAll = findings(model, uncertain.with().uncertainFindingModel(all).build());
        assertFalse(byAll.isEmpty());
        assertNotEquals(findings(model, uncertain), byAll);
        assertEquals(List.of(), findings(model, uncertain.with().uncertainFindingModel(none).build()));
        // not widened (the gate NaN), or called clean: the findingModel decides whatever the uncertain model
        DetectorSettings unwidened = uncertain.with().unspunEvidenceGate(Double.NaN).build();
        assertEquals(findings(model, unwidened), findings(model, unwidened.with().uncertainFindingModel(all).build()));
        DetectorSettings clean = uncertain.with().cleanThreshold(1).spunThreshold(1).build();
        assertEquals(findings(model, clean), findings(model, clean.with().uncertainFindingModel(all).build()));
    }

    /**
     * {@code uncertainFloor} (branch {@code widen22}): a document not called spun is widened as uncertain only where its
     * score reaches the floor (NaN: {@code cleanThreshold}); below it the findingModel decides over the narrow lattices.
     */
    @Test
    void theUncertainFloorLimitsTheWideningToDocumentsScoredAtLeastThatHigh() {
        assertTrue(Double.isNaN(DetectorSettings.DEFAULTS.uncertainFloor()));
        DetectorSettings d = DetectorSettings.DEFAULTS.with().cleanThreshold(0.25).build();
        assertFalse(d.widensUncertain(0.2499));
        assertTrue(d.widensUncertain(0.25));
        assertFalse(d.with().uncertainFloor(0.6).build().widensUncertain(0.59));
        assertTrue(d.with().uncertainFloor(0.6).build().widensUncertain(0.6));
        Model model = ToyModel.news();
        FindingModel all = new FindingModel(FindingModel.DEFAULTS.weights(), 50);
        DetectorSettings uncertain = ToyModel.SETTINGS.with().spunBoost(0).cleanThreshold(0)
                .unspunEvidenceGate(0).uncertainFindingModel(all).build();
        // the toy document's score is below 1 and above 0: widened at floor 0 (the widened arc, the uncertain model's
        // findings), not at floor 1 (the narrow lattices, the findingModel's findings)
        assertEquals(List.of("general -> common gain 0.8976 behind 0.0000 admitted 1"),
                arcs(model, uncertain.with().uncertainFloor(0).build()));
        assertEquals(findings(model, uncertain), findings(model, uncertain.with().uncertainFloor(0).build()));
        assertEquals(findings(model, uncertain.with().unspunEvidenceGate(Double.NaN).uncertainFindingModel(null).build()),
                findings(model, uncertain.with().uncertainFloor(1).build()));
        assertNotEquals(findings(model, uncertain), findings(model, uncertain.with().uncertainFloor(1).build()));
        assertEquals(arcs(model, uncertain.with().unspunEvidenceGate(Double.NaN).build()),
                arcs(model, uncertain.with().uncertainFloor(1).build()));
    }

    private static List<Finding> findings(Model model, DetectorSettings settings) {
        return new Detector(model, settings).check(TEXT, CheckOptions.DEFAULTS).findings();
    }

    @Test
    void aWidenedArcIsScoredAlongsideTheArcsOfItsSpan() {
        // "general" may be "basic" too, with a gain above the gate: the added "common" is behind it
        MapLexicon lexicon = new MapLexicon.Builder().add("general", "basic", -1.0f).add("general", "common", -1.0f).build();
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon);
        assertEquals(List.of("general -> basic gain 3.4420 behind 0.0000 admitted 1"), arcs(model, SPUN));
        // (the added arc first: the lattice keeps the arcs of a position in the order they were made)
        assertEquals(List.of("general -> common gain 0.8976 behind -2.5444 admitted 2",
                "general -> basic gain 3.4420 behind 0.0000 admitted 1"),
                arcs(model, SPUN.with().spunEvidenceGate(0.5).build()));
    }

    @Test
    void theWideningReadsTheFirstPassesNearMissesWhereTheContextIsTheObservedOne() {
        MapLexicon lexicon = new MapLexicon.Builder().add("general", "basic", -1.0f).add("general", "common", -1.0f).build();
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon);
        DetectorSettings settings = SPUN.with().spunEvidenceGate(0.5).build();
        CandidateTable table = new CandidateTable(model.lexicon(), model.lm(), settings);
        Document doc = Document.parse(TEXT);
        // the first pass keeps "common", below the gate 1 and above the widening's 0.5, beside the lattice
        LatticeBuilder.Result kept = new LatticeBuilder(model.lm(), table, settings).build(doc, true);
        NearMisses near = kept.lattices().get(0).nearMisses;
        assertEquals(List.of("common 0.8976"), describe(near.misses(near.slot(1, 2))));
        assertNull(near.misses(near.slot(2, 3)));
        LatticeBuilder.Result notKept = new LatticeBuilder(model.lm(), table, settings).build(doc, false);
        // without a widening in view only the candidates the limit per span cut are kept (none here)
        NearMisses cut = notKept.lattices().get(0).nearMisses;
        assertNull(cut.misses(cut.slot(1, 2)));
        // the widening as Detector makes it: read from the kept near misses, or tested again, the same lattice
        LatticeBuilder widening = new LatticeBuilder(model.lm(), table, settings.with().evidenceGate(0.5).contextPool(4).build());
        List<int[]> observed = new ArrayList<>();
        observed.add(null);
        List<String> expected = List.of("general -> common gain 0.8976 behind -2.5444 admitted 2",
                "general -> basic gain 3.4420 behind 0.0000 admitted 1");
        assertEquals(expected, arcs(widening.widen(doc, kept, observed).lattices()));
        assertEquals(expected, arcs(widening.widen(doc, notKept, observed).lattices()));
        // a widening with a gate below the kept ones' tests again: "common" is there at 0.5 as before
        LatticeBuilder lower = new LatticeBuilder(model.lm(), table, settings.with().evidenceGate(0.2).contextPool(4).build());
        assertEquals(expected, arcs(lower.widen(doc, kept, observed).lattices()));
    }

    /**
     * Since branch {@code speed8} the widening of a document called spun reads the observed words, not the ones the
     * decode restored ({@link Detector#WIDEN_IN_RESTORED_CONTEXT}): here the decode restores "general" -> "basic",
     * so the restored context differs from the observed one, and still the widening is given none.
     */
    @Test
    void theWideningReadsTheObservedContextEvenWhereTheDecodeRestoredWords() {
        MapLexicon lexicon = new MapLexicon.Builder().add("general", "basic", -1.0f).add("general", "common", -1.0f).build();
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon);
        Detector.Trace t = new Detector(model, SPUN.with().spunEvidenceGate(0.5).build()).trace(TEXT, CheckOptions.DEFAULTS);
        assertEquals(1, t.lattices().size());
        int[] restored = t.lattices().get(0).restoredContext(t.estimate().decodings().get(0).best());
        assertEquals("basic", model.lm().vocabulary().word(restored[1]));
        List<int[]> contexts = Detector.widenContexts(t.lattices(), t.estimate());
        assertEquals(1, contexts.size());
        assertNull(contexts.get(0));
    }

    @Test
    void aCandidateTheLimitPerSpanCutIsReadFromTheFirstPassAsIfTestedAgain() {
        MapLexicon lexicon = new MapLexicon.Builder().add("general", "basic", -1.0f).add("general", "common", -1.0f).build();
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon);
        // gate 0.5 admits both readings of "general", the limit 1 keeps "basic" and cuts "common"
        DetectorSettings settings = SPUN.with().evidenceGate(0.5).maxCandidatesPerSpan(1).build();
        CandidateTable table = new CandidateTable(model.lexicon(), model.lm(), settings);
        LatticeBuilder builder = new LatticeBuilder(model.lm(), table, settings);
        Document doc = Document.parse(TEXT);
        Lattice first = builder.build(doc, false).lattices().get(0);
        assertEquals(List.of("general -> basic gain 3.4420 behind 0.0000 admitted 2"), arcs(List.of(first)));
        NearMisses near = first.nearMisses;
        assertEquals(List.of("common 0.8976"), describe(near.misses(near.slot(1, 2))));
        Lattice stripped = new Lattice(first.words, first.ids, first.eligibleWords, java.util.Arrays.asList(first.arcs));
        int[] observed = first.ids.clone();
        int[] restored = first.ids.clone();
        restored[2] = model.lm().vocabulary().id("money"); // the window of "general" changed: tested again
        // the second look admits the cut reading again (scored among the readings it adds)
        List<String> again = List.of("general -> common gain 0.8976 behind 0.0000 admitted 1",
                "general -> basic gain 3.4420 behind 0.0000 admitted 2");
        assertEquals(again, arcs(List.of(builder.refine(first, observed))));
        assertEquals(again, arcs(List.of(builder.refine(stripped, observed))));
        assertEquals(arcs(List.of(builder.refine(stripped, restored))), arcs(List.of(builder.refine(first, restored))));
    }

    private static List<String> describe(NearMisses.Kept[] misses) {
        List<String> out = new ArrayList<>();
        for (NearMisses.Kept a : misses) {
            out.add(String.format(Locale.ROOT, "%s %.4f", a.candidate().original(), a.gain()));
        }
        return out;
    }

    /** The substitution arcs of the lattices the report came from, with their gain and span features. */
    private static List<String> arcs(Model model, DetectorSettings settings) {
        return arcs(model, settings, TEXT);
    }

    private static List<String> arcs(Model model, DetectorSettings settings, String text) {
        return arcs(new Detector(model, settings).trace(text, CheckOptions.DEFAULTS).lattices());
    }

    private static List<String> arcs(List<Lattice> lattices) {
        List<String> out = new ArrayList<>();
        for (Lattice l : lattices) {
            for (Arc a : l.arcs) {
                if (!a.isKeep()) {
                    double[] f = a.features();
                    out.add(String.format(Locale.ROOT, "%s -> %s gain %.4f behind %.4f admitted %.0f", l.observed(a.from(), a.to()),
                            a.candidate().original(), a.evidence().gainLog10(),
                            f[ArcFeatures.NAMES.indexOf("behindBestGain")], Math.exp(f[ArcFeatures.NAMES.indexOf("lnAdmitted")])));
                }
            }
        }
        return out;
    }
}
