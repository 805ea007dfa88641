package org.despin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.detect.Verdict;
import org.despin.spin.Edit;
import org.despin.spin.MapSpinThesaurus;
import org.despin.spin.PartOfSpeech;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.Spinner;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

class BenchTest {
    static final MapSpinThesaurus THESAURUS = MapSpinThesaurus.builder("bench-test")
            .add("council", PartOfSpeech.NOUN, "board")
            .add("meeting", PartOfSpeech.NOUN, "session")
            .add("request", PartOfSpeech.VERB, "ask for")
            .add("discuss", PartOfSpeech.VERB, "go over")
            .add("report", PartOfSpeech.NOUN, "account")
            .build();
    static final List<String> DOCS = List.of(
            "The council requested a meeting to discuss the report.",
            "A meeting of the council will discuss the report and the meeting after it.",
            "They requested the report before the council meeting.");
    static final Spinner SPINNER = new Spinner(THESAURUS, new SpinOptions(0.5, 0, 0, true, true));
    static final BenchOptions OPTIONS = new BenchOptions(List.of(0.5, 1.0), List.of(1L, 2L), List.of(0.0, 0.5));

    /** A detector that knows the answers: every spun text maps to findings equal to its gold edits. */
    static Function<String, Report> oracle() {
        Map<String, Report> answers = new HashMap<>();
        for (double rate : OPTIONS.rates()) {
            for (long seed : OPTIONS.seeds()) {
                for (int i = 0; i < DOCS.size(); i++) {
                    SpinResult r = SPINNER.withOptions(SPINNER.options().withRate(rate).withSeed(Bench.documentSeed(seed, i)))
                            .spin(DOCS.get(i));
                    List<Finding> findings = new ArrayList<>();
                    for (Edit e : r.edits()) {
                        findings.add(new Finding(e.start(), e.end(), e.spun(), e.original(), 1.0, List.of(), "oracle"));
                    }
                    answers.put(r.spunText(), new Report(Verdict.SPUN, 1.0, Document.parse(r.spunText()).wordCount(), findings, r.restore()));
                }
            }
        }
        return text -> answers.getOrDefault(text, new Report(Verdict.CLEAN, 0.0, Document.parse(text).wordCount(), List.of(), text));
    }

    @Test
    void anOracleScoresPerfectly() {
        BenchResult r = new Bench(oracle(), SPINNER, OPTIONS).run(DOCS);
        assertEquals("bench-test", r.spinThesaurus());
        assertEquals(new BenchResult.CleanFigures(3, 31, 0, 0.0, 0.0, 0.0), r.clean());
        assertEquals(2, r.rates().size());
        for (BenchResult.RateFigures f : r.rates()) {
            assertTrue(f.documents() > 0 && f.edits() > 0, f.toString());
            assertEquals(1.0, f.precision(), 0);
            assertEquals(1.0, f.recall(), 0);
            assertEquals(1.0, f.exactRestorations(), 0);
            assertEquals(0.0, f.cleanTokensChanged(), 0);
            assertEquals(1.0, f.auroc(), 0);
            assertEquals(1.0, f.verdictF1(), 0);
        }
        // rate 1 replaces every eligible word of every document, for both seeds
        BenchResult.RateFigures all = r.rates().get(1);
        assertEquals(6, all.documents());
        assertEquals(2 * (5 + 5 + 4), all.edits());
        assertEquals(new BenchResult.ThresholdFigures(0.5, 1.0, 1.0, 1.0, 1.0, 0.0), r.thresholds().get(1));
        assertTrue(r.toTable().contains("1.00       6     28  1.000  1.000  1.000    1.000   0.0000  1.000   1.000   100.0"),
                r.toTable());
    }

    @Test
    void aDetectorThatSeesNothingScoresChance() {
        Function<String, Report> blind = text -> new Report(Verdict.UNCERTAIN, 0.5, Document.parse(text).wordCount(), List.of(), text);
        BenchResult r = new Bench(blind, SPINNER, OPTIONS).run(DOCS);
        for (BenchResult.RateFigures f : r.rates()) {
            assertEquals(1.0, f.precision(), 0);
            assertEquals(0.0, f.recall(), 0);
            assertEquals(0.0, f.f1(), 0);
            assertEquals(0.0, f.exactRestorations(), 0);
            assertEquals(0.5, f.auroc(), 0);
            assertEquals(0.0, f.verdictF1(), 0);
        }
        assertEquals(new BenchResult.CleanFigures(3, 31, 0, 0.0, 0.0, 1.0), r.clean());
    }

    @Test
    void passagesAreWholeSentencesWithinTheWordRange() {
        String text = "One two three. Four five six seven. Eight nine. Ten eleven twelve thirteen fourteen fifteen. End.";
        assertEquals(List.of("One two three. Four five six seven.", "Eight nine.",
                "Ten eleven twelve thirteen fourteen fifteen. End."), Passages.split(text, 2, 7));
        assertEquals(List.of("One two three. Four five six seven. Eight nine.",
                "Ten eleven twelve thirteen fourteen fifteen. End."), Passages.split(text, 5, 10));
    }
}
