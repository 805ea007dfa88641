package org.despin.detect;

/**
 * The document score the verdict reads, apart from the routing score the decode reads (branch {@code verdict26}).
 *
 * <p>A document is scored twice from the same {@link DocumentFeatures}. The <em>routing score</em> (the settings'
 * {@code score}, {@code spunThreshold}, {@code uncertainFloor}) steers the decode: the finding models read it as a
 * feature, a document at or above {@code spunThreshold} is decoded again with the spun boost and decided by the spun
 * finding model, one near it is widened; the finding models and those thresholds were fitted with it, so a change of
 * it moves findings. The <em>verdict score</em> (this record) is what the report says about the document as a whole:
 * its {@code spinScore} and its verdict. Nothing in the decode reads it, so it can be refitted for the document-level
 * call alone without a finding moving.
 *
 * @param coefficients the verdict score's logistic model over {@link DocumentScorer#FEATURES}
 * @param spunThreshold the verdict score at or above which a document of 100 words or more is called spun
 * @param cleanThreshold the verdict score below which a document is called clean (between the two: uncertain)
 * @param spunBands the spun threshold of shorter documents by length ({@link SpunBands}), or null: {@code spunThreshold}
 *     at every length
 */
public record VerdictScore(DocumentScorer.Coefficients coefficients, double spunThreshold, double cleanThreshold,
        SpunBands spunBands) {

    /**
     * The verdict score of the default model (the doc-comment LM): {@link DocumentScorer.Coefficients#WITH_DOC_COMMENTS}'
     * features and {@code topFindingProbabilityTrees} (the score's surest candidates read with the finding model's fitted
     * trees, branch {@code docscore25}), refitted on the rows {@code WITH_DOC_COMMENTS} was fitted on (the fit fold's
     * 4,432 passages of 100-150 words read with the fold LM and 896 technical passages, each clean and spun by the
     * training spinners at 0.05 / 0.1 / 0.2 / 0.3; logistic regression on all rows, L2 1.0; {@code java -Xmx5g -cp $CP
     * -DfoldLm=/tmp/refit19/fold-lm.dspm -DfitTechnical=900 org.despin.detect.DetectorEvaluation MODEL fit 4800}, the
     * "all rows" line). spunThreshold 0.90: the fit's clean 99 % quantile (0.897) rounded up; its 98 % quantile (0.814)
     * lies below every held-out set's (0.846-0.900), as it did for the routing score (0.835 against 0.89), and would
     * call 2.2-4.8 % of held-out clean passages spun. cleanThreshold 0.20: the fit's clean median (0.200). Bands of
     * shorter documents: the routing score's ({@link SpunBands#WITH_DOC_COMMENTS}; short clean texts called spun 1.5 %
     * with either score). Held out (MyThes at 0.1, six sets of 400 + 400): pooled AUROC 0.834 -> 0.841, clean called
     * spun 1.0-2.0 % per set (docs/detector.md "A verdict score apart from the routing score").
     */
    public static final VerdictScore WITH_TREE_TOP = new VerdictScore(new DocumentScorer.Coefficients(-3.011, 0.277,
            -0.008, 1.327, 0.825, 0.242, 0.496, 0.236, 1.279, 0.692, 8.835), 0.90, 0.20, SpunBands.WITH_DOC_COMMENTS);

    /**
     * {@link #WITH_TREE_TOP} refitted for {@link FindingModel#DEFAULTS_WITH_LINK_TREES} (branch {@code deftrees28}): the
     * verdict reads the trees of the settings' finding model, so with {@link FindingModel#defaultsLinkTrees()} deciding
     * {@code topFindingProbabilityTrees} is their top, and the coefficients and thresholds were fitted again exactly as
     * verdict26 fitted {@link #WITH_TREE_TOP}: the same rows ({@code java -Xmx5g -cp $CP -DfoldLm=/tmp/refit19/fold-lm.dspm
     * -DfitTechnical=900 -DfindingTrees=finding-trees-defaults-links.txt org.despin.detect.DetectorEvaluation MODEL fit
     * 4800}, the "all rows" line; fit-fold test AUROC 0.888 -> 0.893), spunThreshold 0.90 = the fit's clean 99 % quantile
     * (0.890) rounded up, cleanThreshold 0.19 = its clean median (0.194), the routing score's bands for shorter documents.
     * Held out (MyThes at 0.1, six sets of 400 + 400): pooled AUROC 0.841 -> 0.847 (paired bootstrap +0.005, 95 % [0.004,
     * 0.007]), clean called spun 0.5-1.5 % per set (docs/detector.md "DEFAULTS' trees refitted with the lexicon link's type").
     */
    public static final VerdictScore WITH_LINK_TREE_TOP = new VerdictScore(new DocumentScorer.Coefficients(-3.080, 0.049,
            -0.023, 1.373, 1.026, 0.166, 0.625, 0.106, -0.170, 0.731, 8.570), 0.90, 0.19, SpunBands.WITH_DOC_COMMENTS);

    public VerdictScore {
        if (coefficients == null) {
            throw new IllegalArgumentException("a verdict score needs its coefficients");
        }
        if (!(cleanThreshold >= 0 && cleanThreshold <= spunThreshold && spunThreshold <= 1)) {
            throw new IllegalArgumentException("verdict thresholds need 0 <= clean <= spun <= 1, got clean " + cleanThreshold
                    + ", spun " + spunThreshold);
        }
        if (spunBands != null && !(cleanThreshold <= spunBands.lowest())) {
            throw new IllegalArgumentException("every spunBands threshold must be >= the verdict's cleanThreshold");
        }
    }

    /**
     * The verdict score of a routing score and its thresholds: what the report said before branch {@code verdict26}
     * (the same score steered the decode and gave the verdict).
     */
    static VerdictScore sameAsRouting(DetectorSettings s) {
        return new VerdictScore(s.score(), s.spunThreshold(), s.cleanThreshold(), s.spunBands());
    }

    /** The verdict score at or above which a document of {@code words} words is called spun. */
    public double spunThresholdFor(int words) {
        return spunBands == null ? spunThreshold : spunBands.threshold(words, spunThreshold);
    }

    /** The verdict of a document of {@code words} words whose verdict score is {@code score}. */
    public Verdict verdict(double score, int words) {
        if (score >= spunThresholdFor(words)) {
            return Verdict.SPUN;
        }
        return score < cleanThreshold ? Verdict.CLEAN : Verdict.UNCERTAIN;
    }

    /** With other coefficients, the thresholds kept. */
    public VerdictScore withCoefficients(DocumentScorer.Coefficients c) {
        return new VerdictScore(c, spunThreshold, cleanThreshold, spunBands);
    }

    /** With other thresholds of documents of 100 words or more, the coefficients and bands kept. */
    public VerdictScore withThresholds(double spun, double clean) {
        return new VerdictScore(coefficients, spun, clean, spunBands);
    }
}
