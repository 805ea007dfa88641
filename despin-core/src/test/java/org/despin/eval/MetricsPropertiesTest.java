package org.despin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.despin.detect.Finding;
import org.despin.spin.Edit;
import org.despin.spin.MapSpinThesaurus;
import org.despin.spin.PartOfSpeech;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.Spinner;

class MetricsPropertiesTest {
    private static final MapSpinThesaurus THESAURUS = MapSpinThesaurus.builder("p")
            .add("council", PartOfSpeech.NOUN, "board", "assembly")
            .add("meeting", PartOfSpeech.NOUN, "session")
            .add("request", PartOfSpeech.VERB, "ask for")
            .add("discuss", PartOfSpeech.VERB, "go over", "talk over")
            .add("report", PartOfSpeech.NOUN, "account")
            .build();
    private static final String TEXT = "The council requested a meeting to discuss the report. The council meeting"
            + " discussed the reports, and the councils requested more meetings.";

    @Property(tries = 300)
    void aurocEqualsThePairwiseCount(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 5) Integer> pos,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 5) Integer> neg) {
        double wins = 0;
        for (int p : pos) {
            for (int n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        double[] ps = pos.stream().mapToDouble(x -> x / 5.0).toArray();
        double[] ns = neg.stream().mapToDouble(x -> x / 5.0).toArray();
        assertEquals(wins / (pos.size() * neg.size()), Metrics.auroc(ps, ns), 1e-12);
    }

    @Property(tries = 200)
    void findingsEqualToTheGoldScorePerfectly(@ForAll long seed, @ForAll @DoubleRange(min = 0.1, max = 1) double rate) {
        SpinResult r = new Spinner(THESAURUS, new SpinOptions(rate, seed, 0.2, true, true)).spin(TEXT);
        List<Finding> findings = new ArrayList<>();
        for (Edit e : r.edits()) {
            findings.add(new Finding(e.start(), e.end(), e.spun(), e.original().toUpperCase(java.util.Locale.ROOT), 0.9, List.of(), ""));
        }
        SpanCounts c = Metrics.spanCounts(r.spunText(), r.edits(), findings);
        assertEquals(0, c.falsePositives() + c.falseNegatives());
        assertEquals(r.edits().size(), Metrics.exactRestorations(r.spunText(), r.edits(), findings));
        // one merged finding over the whole text restores every edit too
        Finding all = new Finding(0, r.spunText().length(), r.spunText(), TEXT, 0.9, List.of(), "");
        assertEquals(r.edits().size(), Metrics.exactRestorations(r.spunText(), r.edits(), List.of(all)));
    }
}
