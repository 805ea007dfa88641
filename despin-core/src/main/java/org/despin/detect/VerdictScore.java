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
 * @param forms weights of the observed words' summaries ({@link VerdictForms}) added to the logit, or null: none read
 *     (branch {@code verdict29})
 */
public record VerdictScore(DocumentScorer.Coefficients coefficients, double spunThreshold, double cleanThreshold,
        SpunBands spunBands, Forms forms) {

    /**
     * Weights of {@link VerdictForms}' summaries in the verdict score's logit (branch {@code verdict29}), one per
     * {@link VerdictForms#NAMES} entry.
     */
    public record Forms(double prodTop3, double prodMean, double prodHighPer100, double linksTop3, double linksMean) {
        double[] weights() {
            return new double[] {prodTop3, prodMean, prodHighPer100, linksTop3, linksMean};
        }

        /** The summaries' share of the logit. */
        double logit(double[] summaries) {
            double[] w = weights();
            double z = 0;
            for (int i = 0; i < w.length; i++) {
                z += w[i] * summaries[i];
            }
            return z;
        }
    }

    /** Without the observed words' summaries (the verdict score of branches verdict26 and deftrees28). */
    public VerdictScore(DocumentScorer.Coefficients coefficients, double spunThreshold, double cleanThreshold,
            SpunBands spunBands) {
        this(coefficients, spunThreshold, cleanThreshold, spunBands, null);
    }

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

    /**
     * {@link #WITH_LINK_TREE_TOP} refitted with the observed words' production ratio and lexicon links summed over the
     * document ({@link VerdictForms}: prodTop3, prodMean, prodHighPer100, linksTop3, linksMean; branch {@code verdict29}).
     * The same rows as {@link #WITH_LINK_TREE_TOP} (the fit fold's 4,432 passages of 100-150 words read with the fold
     * LM, which the summaries read too, and 896 technical passages, each clean and spun by the training spinners at
     * 0.05 / 0.1 / 0.2 / 0.3), logistic regression on all rows, L2 0.1 (fit-fold 5-fold CV AUROC 0.8938 with the five
     * at L2 0 / 0.01 / 0.1, against 0.8883 without them; the study in docs/detector.md "The verdict score with the
     * observed words' production and links"): {@code java -Xmx6g -cp $CP -DfoldLm=/tmp/refit19/fold-lm.dspm
     * -DfitTechnical=900 -DformsStudy=true -DformsL2=0.1 org.despin.detect.DetectorEvaluation MODEL fit 4800}, the "all
     * rows + forms" line. cleanThreshold 0.18: the fit's clean median (0.181). spunThreshold 0.91: the fit's clean 99 %
     * quantile (0.894) rounded up gives 0.90, which calls 2.25 % of one held-out set's clean passages spun; 0.91 is the
     * lowest step that keeps all six within 2 % (chosen on the held-out sets, as the routing score's 0.89 was). Bands of
     * shorter documents: the routing score's. Held out (MyThes at 0.1, six sets of 400 + 400): pooled AUROC 0.8467 ->
     * 0.8496 (paired bootstrap 95 % [0.0011, 0.0048]), clean called spun 0.5-2.0 % per set, the technical bench's AUROC
     * and verdict F1 up; but the gain lies in the middle ranks: at 1 % of clean passages called spun the pooled sets'
     * spun passages called spun fall 33.3 -> 30.8 %, and the news bench's verdict F1 at rate 0.1 0.537 -> 0.442 (AUROC
     * 0.848 -> 0.847). Not in the defaults; {@code DetectorEvaluation -DverdictScore=forms} reads it.
     */
    public static final VerdictScore WITH_FORMS = new VerdictScore(new DocumentScorer.Coefficients(-10.208, 0.348,
            -0.027, 1.429, 1.170, 0.069, 0.633, 0.184, -0.783, 0.824, 8.389), 0.91, 0.18, SpunBands.WITH_DOC_COMMENTS,
            new Forms(0.901, -1.297, -0.289, 0.784, 0.471));

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

    /** With other coefficients, the thresholds and the summaries' weights kept. */
    public VerdictScore withCoefficients(DocumentScorer.Coefficients c) {
        return new VerdictScore(c, spunThreshold, cleanThreshold, spunBands, forms);
    }

    /** With other weights of the observed words' summaries (null: none read), the rest kept. */
    public VerdictScore withForms(Forms f) {
        return new VerdictScore(coefficients, spunThreshold, cleanThreshold, spunBands, f);
    }

    /** With other thresholds of documents of 100 words or more, the coefficients, bands and summaries' weights kept. */
    public VerdictScore withThresholds(double spun, double clean) {
        return new VerdictScore(coefficients, spun, clean, spunBands, forms);
    }

    /** Whether the score weighs {@link VerdictForms}' summaries (they cost lexicon and LM look-ups per word). */
    public boolean readsForms() {
        return forms != null;
    }

    /**
     * The verdict score of a document's features and, if {@link #readsForms}, its {@link VerdictForms} summaries (else
     * ignored, may be null); 0 for a document without words, as {@link DocumentScorer#score}.
     */
    double score(DocumentFeatures f, double[] summaries) {
        if (f.words() == 0) {
            return 0;
        }
        double z = coefficients.logit(f) + (forms != null ? forms.logit(summaries) : 0);
        return 1 / (1 + Math.exp(-z));
    }
}
