package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.despin.lm.Vocabulary;
import org.despin.model.Model;
import org.junit.jupiter.api.Test;

/**
 * The candidate caches keep at most their budget of candidates (branch fuzz24: without one they grew with every new word
 * of a long input, and a 10 MB text died at -Xmx256m); past it the lists are prepared again, the same lists.
 */
class CandidateTableBudgetTest {
    private static final List<String> OBSERVED = List.of("protection", "security", "truce", "peace", "common", "basic",
            "general", "lasting", "permanent", "advised", "told", "correspondents", "asked for", "requested",
            "individual", "person");

    @Test
    void theCachesKeepAtMostTheirBudgetAndGiveTheSameListsPastIt() {
        Model model = ToyModel.news();
        CandidateTable unbounded = new CandidateTable(model.lexicon(), model.lm(), ToyModel.SETTINGS);
        CandidateTable bounded = new CandidateTable(model.lexicon(), model.lm(), ToyModel.SETTINGS, null, 5);
        List<String> all = new ArrayList<>();
        List<String> few = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String o : OBSERVED) {
                all.add(o + " " + lists(unbounded, model, o));
                few.add(o + " " + lists(bounded, model, o));
            }
        }
        assertEquals(all, few);
        assertEquals(15, unbounded.cachedCandidates(), "every list cached");
        assertTrue(bounded.cachedCandidates() <= 5 && bounded.cachedCandidates() > 0, "cached " + bounded.cachedCandidates());
    }

    private static String lists(CandidateTable table, Model model, String observed) {
        int id = observed.indexOf(' ') < 0 ? model.lm().vocabulary().id(observed) : Vocabulary.UNKNOWN;
        PreparedCandidate[] c = id == Vocabulary.UNKNOWN ? table.candidates(observed) : table.candidates(observed, id);
        StringBuilder sb = new StringBuilder();
        for (PreparedCandidate p : c) {
            sb.append(p.candidate()).append(' ').append(p.prior()).append(' ').append(java.util.Arrays.toString(p.ids()));
        }
        return sb.toString();
    }
}
