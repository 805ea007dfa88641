package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.despin.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Texts that once broke the detector with the full default model ({@code -Ddespin.model}, as {@code ./run-tests}
 * gives it; skipped without one unless {@code -Ddespin.requireModel=true}).
 */
class DefaultModelFindingsTest {
    private static Detector detector;

    @BeforeAll
    static void load() throws Exception {
        Model m = DefaultModel.loadOrSkip();
        detector = new Detector(m, DetectorSettings.defaultsFor(m));
    }

    /**
     * A passage of statsmodels' documentation (BSD-3-Clause, Debian's python-statsmodels-doc) spun by a training
     * spinner at 0.3. "unobserved components and thermal timing relays" holds a term finding ("unobserved components"
     * -> "secret ingredients") and a second term whose words were read on their own, where "thermal timing relays" was
     * read as a synonym inserted after "components and". Both claimed "components", and building the findings threw
     * IndexOutOfBoundsException (stop 23). Findings must stay in order, apart, and name the text they cover. Checked
     * with SPUN's logistic model, as at stop 23: the defaults' link trees (stop 28) read "unobserved" on its own and
     * no longer make the overlap.
     */
    @Test
    void aTermAndAnInsertionOverTheSameWordMakeFindingsThatDoNotOverlap() throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("overlapping-term-and-insertion.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Detector logistic = new Detector(detector.model(),
                detector.settings().with().spunFindingModel(FindingModel.SPUN_WITH_NAMES).build());
        Report report = logistic.check(text, CheckOptions.DEFAULTS);
        List<Finding> findings = report.findings();
        int end = 0;
        for (Finding f : findings) {
            assertTrue(f.start() >= end, "findings overlap or go back at " + f);
            assertEquals(text.substring(f.start(), f.end()), f.text());
            end = f.end();
        }
        assertTrue(findings.stream().anyMatch(f -> f.text().equals("unobserved components")), findings.toString());
    }

    /**
     * A held-out Europarl passage spun by MyThes, its words then joined by hyphens at random (the fuzz harness's
     * {@code hyphen-chain}, branch {@code fuzz24}). "a-markedly-notable-element-in-big end-to-lend wings to": the
     * reading "big end" -> "helping" reaches from the first compound into the second, and "lend wings to" -> "promote"
     * starts in the second. The compounds' parts were grouped by the first part's compound only, so the second part
     * made a finding of its own over "end-to-lend", and restoring threw IndexOutOfBoundsException. A group now ends at
     * the last compound any of its parts reaches: one finding over both.
     */
    @Test
    void aReadingAcrossTwoHyphenCompoundsJoinsTheirFindings() throws Exception {
        String text = read("hyphen-chains-across-a-space.txt");
        Report report = detector.check(text, CheckOptions.DEFAULTS);
        List<Finding> findings = report.findings();
        int end = 0;
        StringBuilder restored = new StringBuilder();
        for (Finding f : findings) {
            assertTrue(f.start() >= end, "findings overlap or go back at " + f);
            assertEquals(text.substring(f.start(), f.end()), f.text());
            restored.append(text, end, f.start()).append(f.suggestion());
            end = f.end();
        }
        assertEquals(restored.append(text.substring(end)).toString(), report.restored());
        assertTrue(findings.stream().anyMatch(f -> f.start() == 227 && f.end() == 281
                && f.text().equals("a-markedly-notable-element-in-big end-to-lend wings to")
                && f.suggestion().equals("a-particularly-important-element-in-helping-to-promote")), findings.toString());
    }

    /**
     * A held-out State of the Union passage (1910s, public domain) spun by MyThes at 0.3, seed 10. Checked at a minimum
     * confidence of 0.7 it gave "separate prescript" -> "free text" (0.83), which the default call never reports (it
     * flags the word reading "prescript" -> "legislation", 0.69, and prefers it to the term arc over it), and in other
     * passages the same span at another confidence: the minimum fed back into the decision (branch fuzz24). A minimum
     * above the default's now filters the default's findings.
     */
    @Test
    void aHigherMinimumConfidenceFiltersTheDefaultFindings() throws Exception {
        String text = read("min-confidence-sotu.txt");
        Report all = detector.check(text, CheckOptions.DEFAULTS);
        Report sure = detector.check(text, CheckOptions.DEFAULTS.withMinConfidence(0.7));
        assertEquals(all.findings().stream().filter(f -> f.confidence() >= 0.7).toList(), sure.findings());
        // the readings of "formalized" and "detect" are the reading trees' (branch choice26; before: "created", "find")
        // "legislation" and "convention" since SPUN's trees with the link's type (stop 28), "soon" since its near trees
        // (stop 29)
        assertEquals(List.of("85-107 means", "122-131 legislation", "148-158 observed", "341-348 powers",
                "405-417 supplementary", "493-502 gratifying", "506-512 observe", "618-625 convention",
                "707-718 soon", "834-840 invested", "902-912 pursuant", "935-945 adopted"),
                sure.findings().stream().map(f -> f.start() + "-" + f.end() + " " + f.suggestion()).toList());
        assertEquals(all.verdict(), sure.verdict());
        assertEquals(all.spinScore(), sure.spinScore());
        StringBuilder restored = new StringBuilder();
        int end = 0;
        for (Finding f : sure.findings()) {
            restored.append(text, end, f.start()).append(f.suggestion());
            end = f.end();
        }
        assertEquals(restored.append(text.substring(end)).toString(), sure.restored());
    }

    private String read(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
