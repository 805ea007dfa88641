package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.despin.model.Model;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

/**
 * The second look ({@link LatticeBuilder#refine}) must give the same lattice whichever objects the
 * candidate cache hands out. Two threads that prepare the same span at once each use their own
 * (equal) candidates on the first look, and the copy that won the cache on the second; a full
 * cache gives fresh ones every time. Once the second look compared candidates by identity, it took
 * the first look's arcs for new ones and added them twice, so a document's figures depended on
 * which thread won a race (despin scan on 2 threads: one copy of a text out of 120 differed).
 */
class LatticeRefineTest {
    private static final Model MODEL = ToyModel.news();

    @Test
    void theSecondLookKeepsEachFirstArcOnceWhateverObjectsTheCacheGives() {
        Document doc = Document.parse("He advised correspondents that the council would meet.");
        LatticeBuilder builder = builder(table());
        Lattice first = builder.build(doc).lattices().get(0);
        assertEquals(List.of("2-3 reporters"), substitutions(first));
        int[] restored = first.ids.clone();
        restored[2] = MODEL.lm().vocabulary().id("reporters");

        Lattice sameObjects = builder.refine(first, restored);
        // another table prepares equal candidates in other objects, as another thread would
        Lattice otherObjects = builder(table()).refine(first, restored);

        List<String> expected = List.of("1-2 told", "2-3 reporters");
        assertEquals(expected, substitutions(sameObjects));
        assertEquals(expected, substitutions(otherObjects));
    }

    /**
     * Where the context a later pass reads is the observed one around a span, it reads what the first pass
     * kept ({@link NearMisses}) instead of testing again: the lattices must be those of testing again, arc
     * by arc with gains and features, with or without a limit per span that cuts admitted candidates.
     */
    @Test
    void laterPassesReadTheFirstPassesKeptCandidatesAsIfTheyTestedAgain() {
        Document doc = Document.parse("He advised correspondents that the council would meet.");
        for (int limit : new int[] {8, 1}) {
            DetectorSettings settings = ToyModel.SETTINGS.with().maxCandidatesPerSpan(limit).build();
            CandidateTable table = new CandidateTable(MODEL.lexicon(), MODEL.lm(), settings);
            LatticeBuilder builder = new LatticeBuilder(MODEL.lm(), table, settings);
            Lattice first = builder.build(doc, true).lattices().get(0);
            Lattice stripped = new Lattice(first.words, first.ids, first.eligibleWords, java.util.Arrays.asList(first.arcs));
            int[] restored = first.ids.clone();
            restored[2] = MODEL.lm().vocabulary().id("reporters");
            for (int[] context : java.util.Arrays.asList(restored, first.ids.clone())) {
                assertEquals(arcs(builder.refine(stripped, context)), arcs(builder.refine(first, context)));
                LatticeBuilder widening = new LatticeBuilder(MODEL.lm(), table,
                        settings.with().evidenceGate(0).contextPool(4).build());
                List<int[]> contexts = new ArrayList<>();
                contexts.add(context);
                assertEquals(arcs(widening.widen(doc, new LatticeBuilder.Result(List.of(stripped), 0), contexts).lattices().get(0)),
                        arcs(widening.widen(doc, new LatticeBuilder.Result(List.of(first), 0), contexts).lattices().get(0)));
            }
        }
        assertEquals(List.of("2-3 reporters gain 1.7941 features 0.0000 0.0000"),
                arcs(builder(table()).build(doc, true).lattices().get(0)));
    }

    /** Every substitution arc with its gain and span features (behindBestGain, lnAdmitted). */
    private static List<String> arcs(Lattice lattice) {
        List<String> out = new ArrayList<>();
        for (Arc a : lattice.arcs) {
            if (!a.isKeep()) {
                double[] f = a.features();
                out.add(String.format(java.util.Locale.ROOT, "%d-%d %s gain %.4f features %.4f %.4f", a.from(), a.to(),
                        a.candidate().original(), a.evidence().gainLog10(),
                        f == null ? 0 : f[ArcFeatures.NAMES.indexOf("behindBestGain")],
                        f == null ? 0 : f[ArcFeatures.NAMES.indexOf("lnAdmitted")]));
            }
        }
        return out;
    }

    private static CandidateTable table() {
        return new CandidateTable(MODEL.lexicon(), MODEL.lm(), ToyModel.SETTINGS);
    }

    private static LatticeBuilder builder(CandidateTable table) {
        return new LatticeBuilder(MODEL.lm(), table, ToyModel.SETTINGS);
    }

    /** "from-to original" of every substitution arc, in lattice order. */
    private static List<String> substitutions(Lattice lattice) {
        List<String> out = new ArrayList<>();
        for (Arc a : lattice.arcs) {
            if (!a.isKeep()) {
                out.add(a.from() + "-" + a.to() + " " + a.candidate().original());
            }
        }
        return out;
    }
}
