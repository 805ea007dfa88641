package org.despin.eval;

/**
 * Token-level confusion counts of span detection (see {@link Metrics#spanCounts}).
 *
 * @param truePositives substituted tokens that are flagged
 * @param falsePositives unchanged tokens that are flagged
 * @param falseNegatives substituted tokens that are not flagged
 * @param trueNegatives unchanged tokens that are not flagged
 */
public record SpanCounts(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
    public static final SpanCounts ZERO = new SpanCounts(0, 0, 0, 0);

    public SpanCounts plus(SpanCounts o) {
        return new SpanCounts(truePositives + o.truePositives, falsePositives + o.falsePositives,
                falseNegatives + o.falseNegatives, trueNegatives + o.trueNegatives);
    }

    /** TP / (TP + FP); 1 when nothing is flagged (no flag is a false one). */
    public double precision() {
        long flagged = truePositives + falsePositives;
        return flagged == 0 ? 1.0 : (double) truePositives / flagged;
    }

    /** TP / (TP + FN); 1 when nothing was substituted. */
    public double recall() {
        long gold = truePositives + falseNegatives;
        return gold == 0 ? 1.0 : (double) truePositives / gold;
    }

    /** Harmonic mean of precision and recall; 0 when both are 0. */
    public double f1() {
        return Metrics.f1(precision(), recall());
    }

    /** FP / (FP + TN): the share of unchanged tokens the detector flags; 0 when there are none. */
    public double cleanTokensFlagged() {
        long clean = falsePositives + trueNegatives;
        return clean == 0 ? 0.0 : (double) falsePositives / clean;
    }
}
