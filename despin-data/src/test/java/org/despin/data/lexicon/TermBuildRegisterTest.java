package org.despin.data.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.despin.lexicon.TermRegister;
import org.despin.lexicon.TermTable;
import org.junit.jupiter.api.Test;

/** The register TermBuild writes (branch tortured4): gated term ids, the prose's word rates. */
class TermBuildRegisterTest {
    @Test
    void theRegisterHoldsTheGatedTermsAndTheProsesWordRates() {
        TermTable table = TermTable.of(List.of("baby formula", "data mining", "linear algebra"));
        TreeSet<String> gated = new TreeSet<>(List.of("baby formula", "linear algebra"));
        List<List<String>> prose = List.of(List.of("Data mining finds data.", "The data set's 3 rows."),
                List.of("Mining it, again: data!"));
        TermRegister r = TermBuild.register(table, gated, prose);
        assertTrue(r.gated(0));
        assertFalse(r.gated(1));
        assertTrue(r.gated(2));
        // word tokens of letters only, lower-cased ("Data" and "data" count together; "3" is none)
        assertEquals(4, TermBuild.registerWords(prose).get("data"));
        int total = TermBuild.registerWords(prose).values().stream().mapToInt(Integer::intValue).sum();
        assertEquals((float) Math.log10(4.0 / total), r.technicalLog10("data"));
        assertEquals((float) Math.log10(2.0 / total), r.technicalLog10("mining"));
        assertEquals((float) Math.log10(0.5 / total), r.technicalLog10("senate"));
        assertFalse(TermBuild.registerWords(prose).containsKey("3"));
        assertTrue(new TermBuild.Limits(1.5, -6.0, -8.0).gates());
        assertFalse(new TermBuild.Limits(1.5, -6.0).gates());
        assertTrue(TermBuild.Limits.DEFAULT.gates());
        assertEquals(-8.0, TermBuild.Limits.DEFAULT.gatedMinJointLog10());
    }
}
