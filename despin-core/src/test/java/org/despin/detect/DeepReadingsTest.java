package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.despin.lexicon.MapLexicon;
import org.despin.model.Model;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

/**
 * The readings of a flagged span among more candidates ({@link Detector#DEEP_READINGS}, {@link LatticeBuilder#deepen}):
 * a lattice deepened at given spans only, every arc of the first lattice kept (the same objects). On the toy corpus
 * "The general problem is money." reads "general" -> "basic" with gain 3.4420 and "general" -> "common" with gain
 * 0.8976 (below the gate 1, above 0.5).
 */
class DeepReadingsTest {
    private static final String TEXT = "The general problem is money." + " Then the storm hit the town at night.".repeat(12);

    @Test
    void aLatticeIsDeepenedAtTheGivenSpansOnly() {
        MapLexicon lexicon = new MapLexicon.Builder().add("general", "basic", -1.0f).add("general", "common", -1.0f)
                .add("problem", "trouble", -1.0f).build();
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon);
        DetectorSettings settings = ToyModel.SETTINGS;
        CandidateTable table = new CandidateTable(model.lexicon(), model.lm(), settings);
        Document doc = Document.parse(TEXT);
        Lattice first = new LatticeBuilder(model.lm(), table, settings).build(doc, false).lattices().get(0);
        assertEquals(List.of("general -> basic 3.4420"), arcs(first));
        LatticeBuilder deeper = new LatticeBuilder(model.lm(), table, settings.with().evidenceGate(0.5).contextPool(4).build());
        // at "general" (positions 1-2) the reading below the first gate enters beside the first one
        Lattice deep = deeper.deepen(first, null, Set.of((1L << 32) | 2), false);
        assertEquals(List.of("general -> common 0.8976", "general -> basic 3.4420"), arcs(deep));
        Arc basic = null;
        for (Arc a : first.arcs) {
            basic = a.isKeep() ? basic : a;
        }
        boolean same = false;
        for (Arc a : deep.arcs) {
            same |= a == basic;
        }
        assertEquals(true, same);
        assertEquals(first.size(), deep.size());
        // at another span (no candidate passes there) nothing is added: the first lattice itself
        assertSame(first, deeper.deepen(first, null, Set.of((2L << 32) | 3), false));
        assertSame(first, deeper.deepen(first, null, Set.of(), false));
        // a whole widening at the same gate adds the same reading (the deepening is a widening of the spans given)
        List<int[]> observed = new ArrayList<>();
        observed.add(null);
        assertEquals(arcs(deep), arcs(deeper.widen(doc, new LatticeBuilder.Result(List.of(first), 0, false, Double.NaN), observed)
                .lattices().get(0)));
    }

    @Test
    void aDeepeningWithLongerCandidateListsReadsItsOwnListsNotTheFirstPassCache() {
        MapLexicon lexicon = new MapLexicon.Builder().add("general", "basic", -1.0f).add("general", "common", -1.0f).build();
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon);
        // the first pass lists one candidate per span (the first by prior), at a gate both readings pass
        DetectorSettings first = ToyModel.SETTINGS.with().candidatePool(1).contextPool(1).contextReach(1).spunContextPool(1).evidenceGate(0.5).build();
        CandidateTable short1 = new CandidateTable(model.lexicon(), model.lm(), first);
        Document doc = Document.parse(TEXT);
        Lattice lattice = new LatticeBuilder(model.lm(), short1, first).build(doc, false).lattices().get(0);
        assertEquals(List.of("general -> basic 3.4420"), arcs(lattice));
        // a deepening with lists of two, over the same sentence words (which cached the first table's lists)
        DetectorSettings deep = first.with().contextPool(2).contextReach(2).build();
        CandidateTable longer = new CandidateTable(model.lexicon(), model.lm(), deep);
        Lattice deeper = new LatticeBuilder(model.lm(), longer, deep).deepen(lattice, null, Set.of((1L << 32) | 2), false);
        assertEquals(List.of("general -> common 0.8976", "general -> basic 3.4420"), arcs(deeper));
        // and the first table's lists stay cached for its own passes
        assertEquals(1, lattice.words.candidates(1, 2, short1).length);
        assertEquals(2, lattice.words.candidates(1, 2, longer).length);
    }

    @Test
    void theDeepLatticesGiveTheSameFindingsWhereTheyAreTheFirstOnes() {
        MapLexicon lexicon = new MapLexicon.Builder().add("general", "basic", -1.0f).add("general", "common", -1.0f).build();
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon);
        DetectorSettings settings = ToyModel.SETTINGS.with().cleanThreshold(0).spunThreshold(0).build();
        Detector.Trace t = new Detector(model, settings).trace(TEXT, CheckOptions.DEFAULTS);
        FindingBuilder b = new FindingBuilder(t.doc(), t.estimate(), settings.spunFindingModel(), t.report().spinScore());
        List<Finding> plain = b.findings(t.lattices(), 0.5);
        assertEquals(plain, b.findings(t.lattices(), 0.5, t.lattices(), t.estimate().decodings()));
        assertEquals(plain, b.findings(t.lattices(), 0.5, null, null));
    }

    @Test
    void theDetectorsDeepGateAdmitsAReadingSomewhatWorseThanTheObservedWords() {
        // branch choice27: the deepening reads at Detector.DEEP_GATE (-1) in every document; a reading whose gain is
        // below 0 (the spun document's gate before) but above -1 enters beside the first lattice's at a flagged span
        assertEquals(-1.0, Detector.DEEP_GATE);
        MapLexicon lexicon = new MapLexicon.Builder().add("general", "basic", -1.0f).add("general", "common", -1.0f)
                .add("general", "storm", -1.0f).build();
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon);
        DetectorSettings settings = ToyModel.SETTINGS;
        CandidateTable table = new CandidateTable(model.lexicon(), model.lm(), settings);
        Lattice first = new LatticeBuilder(model.lm(), table, settings).build(Document.parse(TEXT), false).lattices().get(0);
        assertEquals(List.of("general -> basic 3.4420"), arcs(first));
        Set<Long> general = Set.of((1L << 32) | 2);
        DetectorSettings deep = settings.with().contextPool(8).maxCandidatesPerSpan(Detector.DEEP_PER_SPAN).build();
        List<String> atZero = arcs(new LatticeBuilder(model.lm(), table, deep.with().evidenceGate(0).build()).deepen(first, null, general, false));
        List<String> atDeepGate = arcs(new LatticeBuilder(model.lm(), table, deep.with().evidenceGate(Detector.DEEP_GATE).build())
                .deepen(first, null, general, false));
        assertEquals(List.of("general -> common 0.8976", "general -> basic 3.4420"), atZero);
        assertEquals(List.of("general -> common 0.8976", "general -> storm -0.6423", "general -> basic 3.4420"), atDeepGate);
    }

    private static List<String> arcs(Lattice lattice) {
        List<String> out = new ArrayList<>();
        for (Arc a : lattice.arcs) {
            if (!a.isKeep()) {
                out.add(String.format(Locale.ROOT, "%s -> %s %.4f", lattice.observed(a.from(), a.to()), a.candidate().original(),
                        a.evidence().gainLog10()));
            }
        }
        return out;
    }
}
