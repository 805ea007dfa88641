package org.despin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.despin.detect.Alternative;
import org.despin.detect.CheckOptions;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.detect.Verdict;
import org.despin.text.Document;
import org.despin.text.Token;

/**
 * A stand-in detector for command-line tests: flags every word found in a fixed table (spun
 * word -> original, confidence), calls a text spun when it has a finding. Context-free, so a
 * text checked in chunks must give exactly the findings of the text checked whole. A text holding
 * the word {@value #BUG} makes it throw, as a detector bug would.
 */
final class FakeChecker implements CliEnvironment.TextChecker {
    record Entry(String original, double confidence) {
    }

    static final Map<String, Entry> TABLE = Map.of(
            "Protection", new Entry("Security", 0.98),
            "advised", new Entry("told", 0.91),
            "counterfeit", new Entry("artificial", 0.62));

    static final CliEnvironment.CheckerFactory FACTORY = model -> new FakeChecker();

    /** The word that makes {@link #check} fail with an {@link IllegalStateException}. */
    static final String BUG = "KABOOM";

    @Override
    public Report check(String text, CheckOptions options) {
        Document doc = Document.parse(text);
        if (doc.tokens().stream().anyMatch(t -> t.text().equals(BUG))) {
            throw new IllegalStateException("fake detector bug");
        }
        List<Finding> findings = new ArrayList<>();
        StringBuilder restored = new StringBuilder();
        int at = 0;
        for (Token t : doc.tokens()) {
            Entry e = TABLE.get(t.text());
            if (e != null && e.confidence() >= options.minConfidence()) {
                findings.add(new Finding(t.start(), t.end(), t.text(), e.original(), e.confidence(),
                        List.of(new Alternative(t.text(), 1 - e.confidence())), "table: " + t.text() + " <- " + e.original()));
                restored.append(text, at, t.start()).append(e.original());
                at = t.end();
            }
        }
        restored.append(text, at, text.length());
        Verdict v = findings.isEmpty() ? Verdict.CLEAN : Verdict.SPUN;
        return new Report(v, findings.isEmpty() ? 0.05 : 0.95, doc.wordCount(), findings, restored.toString());
    }
}
