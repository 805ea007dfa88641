package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.despin.lexicon.MapLexicon;
import org.despin.model.Model;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of the deepening (branches {@code cheap21} and {@code deep22}) change no lattice: on random sentences over the toy
 * corpus's words, with a random lexicon of many candidates per word, a lattice deepened with the first pass's tests
 * reused ({@link LatticeBuilder#deepen}, the default) equals, arc by arc (span, reading, weight, evidence, features,
 * the keep arcs' eligibility), the one deepened testing every candidate again, in the observed context and in
 * random restored ones (words changed in the span, beside it, or elsewhere), at the first pass's gate and at a
 * lower one; and a span's eligibility read in the first table's cached lists is the deep table's. Branch
 * {@code deep22}'s shortcuts are in the same comparison: the pool reading the first pass's PMIs of the first
 * candidates where the neighbours are the observed ones, and the words' eligibility taken from the first pass.
 */
class DeepReuseTest {
    @Test
    void listsRankedByAnotherPriorAreNotInTheSameOrder() {
        MapLexicon.Builder lexicon = new MapLexicon.Builder();
        lexicon.add("talks", "negotiations", -1.0f);
        Model model = ToyModel.model(ToyModel.lm(3, ToyModel.NEWS), lexicon.build());
        DetectorSettings fitted = ToyModel.SETTINGS.with().poolPrior(PoolPrior.FITTED).build();
        CandidateTable first = new CandidateTable(model.lexicon(), model.lm(), fitted);
        CandidateTable longer = new CandidateTable(model.lexicon(), model.lm(), fitted.with().contextReach(64).build(), first);
        CandidateTable legacy = new CandidateTable(model.lexicon(), model.lm(), fitted.with().poolPrior(null).build());
        assertTrue(first.sameOrder(longer));
        assertTrue(longer.sameOrder(first));
        assertFalse(first.sameOrder(legacy)); // the first pass's PMIs, by prior index, would be another list's
        assertFalse(legacy.sameOrder(first));
    }

    @Test
    void aDeepenedLatticeIsTheSameWithTheFirstPassTestsReused() {
        Random random = new Random(21);
        List<String> vocabulary = new ArrayList<>(new TreeSet<>(words()));
        MapLexicon.Builder lexicon = new MapLexicon.Builder();
        for (String w : vocabulary) {
            // many candidates a word: the first pool (2 of 4) tests a few, the deep one (4 of 8) more
            for (int k = 0; k < 10; k++) {
                String o = vocabulary.get(random.nextInt(vocabulary.size()));
                if (!o.equals(w)) {
                    lexicon.add(w, o, -0.5f - random.nextInt(8) * 0.25f);
                }
            }
        }
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon.build());
        // a first pass that cuts admitted readings (one a span) and keeps near misses down to 0 (a widening's gate)
        DetectorSettings first = ToyModel.SETTINGS.with().candidatePool(6).contextPool(3).contextReach(6).spunContextPool(3)
                .evidenceGate(0.5).spunEvidenceGate(0.0).maxCandidatesPerSpan(1).build();
        CandidateTable firstTable = new CandidateTable(model.lexicon(), model.lm(), first);
        int reusedArcs = 0;
        int eligibilityKnown = 0;
        int pmisKnown = 0;
        int arcsAdded = 0;
        int compared = 0;
        for (double gate : new double[] {1.0, 0.5, 0.25, 0.0}) {
            DetectorSettings deep = first.with().contextPool(6).contextReach(12).maxCandidatesPerSpan(4).evidenceGate(gate).build();
            CandidateTable deepTable = new CandidateTable(model.lexicon(), model.lm(), deep);
            for (int doc = 0; doc < 60; doc++) {
                StringBuilder text = new StringBuilder();
                for (int s = 0; s < 4; s++) {
                    int n = 5 + random.nextInt(8);
                    List<String> sentence = new ArrayList<>();
                    for (int k = 0; k < n; k++) {
                        sentence.add(vocabulary.get(random.nextInt(vocabulary.size())));
                    }
                    if (random.nextBoolean()) {
                        // a corpus sentence with a word or two replaced: contexts the LM knows
                        String[] c = ToyModel.NEWS.get(random.nextInt(ToyModel.NEWS.size())).replace(".", "").split(" ");
                        sentence = new ArrayList<>(List.of(c));
                        for (int r = 0; r < 2; r++) {
                            sentence.set(random.nextInt(sentence.size()), vocabulary.get(random.nextInt(vocabulary.size())));
                        }
                    }
                    text.append(String.join(" ", sentence)).append(". ");
                }
                boolean keepNearMisses = random.nextBoolean();
                List<Lattice> lattices = new LatticeBuilder(model.lm(), firstTable, first)
                        .build(Document.parse(text.toString()), keepNearMisses).lattices();
                for (Lattice lattice : lattices) {
                    int n = lattice.size();
                    for (int i = 0; i < n; i++) {
                        assertEquals(lattice.words.candidates(i, i + 1, deepTable).length > 0,
                                lattice.words.hasCandidates(i, i + 1, deepTable), "eligibility at " + i);
                    }
                    for (int trial = 0; trial < 6; trial++) {
                        Set<Long> spans = new HashSet<>();
                        int from = random.nextInt(n);
                        int to = Math.min(n, from + 1 + (random.nextInt(4) == 0 ? 1 : 0));
                        spans.add(((long) from << 32) | to);
                        if (random.nextBoolean()) {
                            int f2 = random.nextInt(n);
                            spans.add(((long) f2 << 32) | (f2 + 1));
                        }
                        int[] context = null;
                        int kind = trial % 4;
                        if (kind > 0) {
                            context = lattice.ids.clone();
                            int at = kind == 1 ? from : kind == 2 ? Math.max(0, from - 1 - random.nextInt(3)) : random.nextInt(n);
                            context[Math.min(n - 1, at)] = model.lm().vocabulary().id(vocabulary.get(random.nextInt(vocabulary.size())));
                        }
                        LatticeBuilder reuse = new LatticeBuilder(model.lm(), deepTable, deep);
                        LatticeBuilder again = new LatticeBuilder(model.lm(), deepTable, deep).reuseFirstTests(false);
                        Lattice a = reuse.deepen(lattice, context, spans, false);
                        Lattice b = again.deepen(lattice, context, spans, false);
                        assertEquals(describe(b), describe(a), "deepened at " + spans + " in " + text);
                        compared++;
                        eligibilityKnown += lattice.words.lexiconEligible != null ? 1 : 0;
                        pmisKnown += firstPmis(lattice, context, spans, deepTable, 6);
                        arcsAdded += a.arcs.length - lattice.arcs.length;
                        reusedArcs += firstTested(lattice, a);
                    }
                }
            }
        }
        // the comparisons reach lattices with readings added, where the first pass's tests were there to reuse
        assertTrue(compared > 1000, "compared " + compared);
        assertTrue(arcsAdded > 100, "arcs added " + arcsAdded);
        assertTrue(reusedArcs > 100, "readings added that the first pass tested " + reusedArcs);
        // and where the first pass's eligibility and PMIs stood in for the deep pass's own (branch deep22)
        assertTrue(eligibilityKnown > 1000, "deepenings with the first pass's eligibility " + eligibilityKnown);
        assertTrue(pmisKnown > 500, "deepened spans whose pool read the first pass's PMIs " + pmisKnown);
    }

    /**
     * How many of the deepened spans have a ranked deep pool (more than {@code deepPool} candidates) that reads the
     * first pass's PMIs: the neighbours observed, the first pass's pool ranked.
     */
    private static int firstPmis(Lattice first, int[] context, Set<Long> spans, CandidateTable deepTable, int deepPool) {
        int count = 0;
        int n = first.size();
        for (long span : spans) {
            int from = (int) (span >>> 32);
            int to = (int) span;
            boolean observed = context == null
                    || (from == 0 || context[from - 1] == first.ids[from - 1]) && (to == n || context[to] == first.ids[to]);
            if (observed && first.nearMisses != null && first.words.candidates(from, to, deepTable).length > deepPool
                    && first.nearMisses.firstPmis(first.nearMisses.slot(from, to), deepTable) != null) {
                count++;
            }
        }
        return count;
    }

    /**
     * A deep table sharing the first table's originals (branch deep22) lists what one of its own lists: the same
     * originals, LM ids, intrinsic scores and priors, for every word of the toy corpus, asked after the first table
     * (its originals cached) and before it.
     */
    @Test
    void aDeepTableSharingTheOriginalsListsWhatItsOwnLists() {
        Random random = new Random(22);
        List<String> vocabulary = new ArrayList<>(new TreeSet<>(words()));
        MapLexicon.Builder lexicon = new MapLexicon.Builder();
        for (String w : vocabulary) {
            for (int k = 0; k < 10; k++) {
                String o = vocabulary.get(random.nextInt(vocabulary.size()));
                String o2 = random.nextInt(4) == 0 ? " " + vocabulary.get(random.nextInt(vocabulary.size())) : "";
                if (!o.equals(w)) {
                    lexicon.add(w, o + o2, -0.5f - random.nextInt(8) * 0.25f);
                }
            }
        }
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon.build());
        DetectorSettings first = ToyModel.SETTINGS.with().candidatePool(3).contextPool(2).contextReach(3).spunContextPool(2).build();
        DetectorSettings deep = first.with().contextPool(6).contextReach(12).build();
        CandidateTable firstTable = new CandidateTable(model.lexicon(), model.lm(), first);
        CandidateTable shared = new CandidateTable(model.lexicon(), model.lm(), deep, firstTable);
        CandidateTable own = new CandidateTable(model.lexicon(), model.lm(), deep);
        int listed = 0;
        for (int k = 0; k < vocabulary.size(); k++) {
            String w = vocabulary.get(k);
            if (k % 2 == 0) {
                firstTable.candidates(w); // the first table's originals first (cached), or the deep table's
            }
            PreparedCandidate[] a = shared.candidates(w);
            PreparedCandidate[] b = own.candidates(w);
            assertEquals(b.length, a.length, w);
            for (int c = 0; c < a.length; c++) {
                assertEquals(b[c].candidate(), a[c].candidate(), w);
                assertEquals(java.util.Arrays.toString(b[c].ids()), java.util.Arrays.toString(a[c].ids()), w);
                assertEquals(Float.floatToIntBits(b[c].intrinsicLog10()), Float.floatToIntBits(a[c].intrinsicLog10()), w);
                assertEquals(Double.doubleToLongBits(b[c].prior()), Double.doubleToLongBits(a[c].prior()), w);
                listed++;
            }
        }
        assertTrue(listed > 300, "candidates compared " + listed);
    }

    /** How many arcs {@code deep} has beside {@code first}'s whose candidate the first pass tested (its pool). */
    private static int firstTested(Lattice first, Lattice deep) {
        int count = 0;
        for (Arc a : deep.arcs) {
            if (a.isKeep() || first.hasArc(a.from(), a.to(), a.candidate()) || first.nearMisses == null) {
                continue;
            }
            PreparedCandidate[] pool = first.nearMisses.firstPool(first.nearMisses.slot(a.from(), a.to()));
            for (PreparedCandidate p : pool == null ? new PreparedCandidate[0] : pool) {
                count += p.candidate().equals(a.candidate().candidate()) ? 1 : 0;
            }
        }
        return count;
    }

    /** Every arc of the lattice: span, output, weight, eligibility, candidate, evidence and features, exactly. */
    private static List<String> describe(Lattice lattice) {
        List<String> out = new ArrayList<>();
        for (Arc a : lattice.arcs) {
            out.add(String.format(Locale.ROOT, "%d-%d %s w=%s e=%d %s %s %s", a.from(), a.to(), java.util.Arrays.toString(a.out()),
                    Double.toString(a.fixedWeight()), a.eligibleWords(), a.candidate() == null ? "keep" : a.candidate().candidate(),
                    a.evidence() == null ? "-" : a.evidence().gainLog10() + "/" + a.evidence().contextLog10(),
                    a.features() == null ? "-" : java.util.Arrays.toString(a.features())));
        }
        return out;
    }

    private static Set<String> words() {
        Set<String> out = new HashSet<>();
        for (String s : ToyModel.NEWS) {
            for (String w : s.toLowerCase(Locale.ROOT).replace(".", "").split(" ")) {
                if (w.matches("[a-z]+")) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
