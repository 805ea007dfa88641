package org.despin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.detect.Verdict;
import org.despin.spin.Edit;
import org.junit.jupiter.api.Test;

class MetricsTest {
    // The(0-3) Protection(4-14) Board(15-20) asked(21-26) for(27-30) a(31-32) session(33-40) .(40)
    static final String SPUN = "The Protection Board asked for a session.";
    static final List<Edit> GOLD = List.of(
            new Edit(4, 14, "Protection", "Security"),
            new Edit(15, 20, "Board", "Council"),
            new Edit(21, 30, "asked for", "requested"),
            new Edit(33, 40, "session", "meeting"));

    static Finding finding(int start, int end, String suggestion, double confidence) {
        return new Finding(start, end, SPUN.substring(start, end), suggestion, confidence, List.of(), "test");
    }

    static final List<Finding> FINDINGS = List.of(
            finding(4, 20, "Security Council", 0.9),   // two edits, both restored
            finding(21, 26, "requested", 0.6),         // half of "asked for": flagged, not restored
            finding(0, 3, "A", 0.3));                  // a false flag

    @Test
    void spanCountsAreTokenOverlaps() {
        SpanCounts c = Metrics.spanCounts(SPUN, GOLD, FINDINGS);
        assertEquals(new SpanCounts(3, 1, 2, 1), c);
        assertEquals(0.75, c.precision(), 1e-12);
        assertEquals(0.6, c.recall(), 1e-12);
        assertEquals(2 * 0.75 * 0.6 / 1.35, c.f1(), 1e-12);
        assertEquals(0.5, c.cleanTokensFlagged(), 1e-12);
    }

    @Test
    void thresholdsDropLowConfidenceFindings() {
        Report report = new Report(Verdict.SPUN, 0.9, 7, FINDINGS, "");
        SpanCounts c = Metrics.spanCounts(SPUN, GOLD, Metrics.atLeast(report, 0.5));
        assertEquals(new SpanCounts(3, 0, 2, 2), c);
        assertEquals(1.0, c.precision(), 0);
        assertEquals(0.6, c.recall(), 1e-12);
    }

    @Test
    void emptySetsHaveVacuousPrecisionAndRecall() {
        SpanCounts none = Metrics.spanCounts(SPUN, List.of(), List.of());
        assertEquals(new SpanCounts(0, 0, 0, 7), none);
        assertEquals(1.0, none.precision(), 0);
        assertEquals(1.0, none.recall(), 0);
        assertEquals(0.0, Metrics.spanCounts(SPUN, GOLD, List.of()).f1(), 0);
    }

    @Test
    void exactRestorationsCompareRegionsIgnoringCase() {
        assertEquals(2, Metrics.exactRestorations(SPUN, GOLD, FINDINGS));
        List<Finding> lower = List.of(finding(4, 20, "security council", 0.9), finding(21, 30, "Requested", 0.9),
                finding(33, 40, "gathering", 0.9));
        assertEquals(3, Metrics.exactRestorations(SPUN, GOLD, lower));
        // one finding per word: each restores its own edit
        List<Finding> perWord = List.of(finding(4, 14, "Security", 0.9), finding(15, 20, "Council", 0.9));
        assertEquals(2, Metrics.exactRestorations(SPUN, GOLD, perWord));
        // a finding over a spun and an unchanged word must leave the unchanged one alone
        List<Finding> wide = List.of(finding(31, 40, "a meeting", 0.9));
        assertEquals(1, Metrics.exactRestorations(SPUN, GOLD, wide));
        List<Finding> wrongWide = List.of(finding(31, 40, "the meeting", 0.9));
        assertEquals(0, Metrics.exactRestorations(SPUN, GOLD, wrongWide));
        assertEquals(0, Metrics.exactRestorations(SPUN, GOLD, List.of()));
    }

    @Test
    void aurocIsExactMannWhitneyWithTies() {
        assertEquals(0.75, Metrics.auroc(new double[] {0.9, 0.8}, new double[] {0.1, 0.85}), 1e-12);
        assertEquals(0.5, Metrics.auroc(new double[] {0.5}, new double[] {0.5}), 1e-12);
        assertEquals(1.0, Metrics.auroc(new double[] {1, 1}, new double[] {0, 0}), 1e-12);
        assertEquals(0.0, Metrics.auroc(new double[] {0}, new double[] {1, 2}), 1e-12);
        assertEquals(5.0 / 6, Metrics.auroc(new double[] {0.3, 0.3, 0.7}, new double[] {0.3, 0.1}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Metrics.auroc(new double[0], new double[] {1}));
    }

    @Test
    void verdictF1CountsOnlySpunVerdictsAsPositive() {
        List<Verdict> spun = List.of(Verdict.SPUN, Verdict.SPUN, Verdict.UNCERTAIN, Verdict.CLEAN);
        List<Verdict> clean = List.of(Verdict.SPUN, Verdict.CLEAN, Verdict.CLEAN);
        assertEquals(4.0 / 7, Metrics.verdictF1(spun, clean), 1e-12);
        assertEquals(0.5, Metrics.calledSpun(spun), 1e-12);
        assertEquals(1.0 / 3, Metrics.calledSpun(clean), 1e-12);
    }

    @Test
    void falseFlagsPer100Words() {
        assertEquals(0.5, Metrics.per100Words(2, 400), 1e-12);
        assertEquals(0.0, Metrics.per100Words(0, 0), 0);
    }
}
