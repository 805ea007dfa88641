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
