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
 * @param top null, or the two-piece form (branch {@code verdict29}): a score without the summaries by these coefficients
 *     that decides alone where it reaches the spun threshold for the document's length (it is then the document's
 *     score, so the spun calls are its own); below, the score with the summaries, capped just under that threshold,
 *     ranks the documents not called spun and decides clean or uncertain
 */
public record VerdictScore(DocumentScorer.Coefficients coefficients, double spunThreshold, double cleanThreshold,
        SpunBands spunBands, Forms forms, DocumentScorer.Coefficients top) {

    /**
     * Weights of {@link VerdictForms}' summaries in the verdict score's logit (branch {@code verdict29}), one per
     * {@link VerdictForms#NAMES} entry, and of the decode's {@link DocumentFeatures#rarePer100}.
     */
    public record Forms(double prodTop3, double prodMean, double prodHighPer100, double linksTop3, double linksMean,
            double rarePer100) {
        double[] weights() {
            return new double[] {prodTop3, prodMean, prodHighPer100, linksTop3, linksMean};
        }

        /** The summaries' (and rarePer100's) share of the logit. */
        double logit(double[] summaries, DocumentFeatures f) {
            double[] w = weights();
            double z = rarePer100 * f.rarePer100();
            for (int i = 0; i < w.length; i++) {
                z += w[i] * summaries[i];
            }
            return z;
        }
    }

    /** Without the observed words' summaries (the verdict score of branches verdict26 and deftrees28). */
    public VerdictScore(DocumentScorer.Coefficients coefficients, double spunThreshold, double cleanThreshold,
            SpunBands spunBands) {
        this(coefficients, spunThreshold, cleanThreshold, spunBands, null, null);
    }

    /** One piece: the summaries' weights added to the logit everywhere. */
    public VerdictScore(DocumentScorer.Coefficients coefficients, double spunThreshold, double cleanThreshold,
            SpunBands spunBands, Forms forms) {
        this(coefficients, spunThreshold, cleanThreshold, spunBands, forms, null);
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
            new Forms(0.901, -1.297, -0.289, 0.784, 0.471, 0));

    /**
     * The two-piece form (branch {@code verdict29}): {@link #WITH_LINK_TREE_TOP} calls a document spun exactly as it
     * does (its score where it reaches its spun threshold, 0.90 or a short document's band), and below it the document
     * is ranked, and called clean or uncertain, by the five summaries and the decode's {@code rarePer100} with the eleven
     * features, refitted on the same rows (fit fold, fold LM, L2 0.1; {@code rarePer100} the third pick of a greedy
     * forward selection by fit-fold CV over every dumped column), capped just under that threshold. cleanThreshold 0.18:
     * the refit's clean median (0.181). Held out: pooled AUROC 0.8467 -> 0.8507 (paired bootstrap 95 % [0.0020, 0.0058]),
     * every spun call as main's (clean called spun, verdict F1 unchanged), the technical bench's AUROC 0.853 -> 0.864 /
     * 0.982 -> 0.986, the news bench's 0.848 -> 0.848 at rate 0.1 but 0.997 -> 0.996 at 0.3 (docs/detector.md "The
     * verdict score with the observed words' production and links"). Not in the defaults ({@code -DverdictScore=twopiece}).
     */
    public static final VerdictScore TWO_PIECE = new VerdictScore(new DocumentScorer.Coefficients(-9.537, 0.864, -0.016,
            1.424, 1.114, 0.073, 0.584, 0.256, -0.931, 0.789, 8.645), 0.90, 0.18, SpunBands.WITH_DOC_COMMENTS,
            new Forms(0.927, -1.009, -0.229, 0.836, 0.198, -0.133), WITH_LINK_TREE_TOP.coefficients());

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
        return new VerdictScore(c, spunThreshold, cleanThreshold, spunBands, forms, top);
    }

    /** With other weights of the observed words' summaries (null: none read), the rest kept. */
    public VerdictScore withForms(Forms f) {
        return new VerdictScore(coefficients, spunThreshold, cleanThreshold, spunBands, f, top);
    }

    /** With other thresholds of documents of 100 words or more, the coefficients, bands and summaries' weights kept. */
    public VerdictScore withThresholds(double spun, double clean) {
        return new VerdictScore(coefficients, spun, clean, spunBands, forms, top);
    }

    /** Whether the score weighs {@link VerdictForms}' summaries (they cost lexicon and LM look-ups per word). */
    public boolean readsForms() {
        return forms != null;
    }

    /**
     * The verdict score of a document of {@code words} words, its features and, if {@link #readsForms}, its
     * {@link VerdictForms} summaries (else ignored, may be null); 0 for a document without words, as
     * {@link DocumentScorer#score}. In the two-piece form ({@code top}) the top score where it reaches the spun threshold
     * for the length, else the score with the summaries capped just under that threshold.
     */
    double score(DocumentFeatures f, double[] summaries, int words) {
        if (f.words() == 0) {
            return 0;
        }
        double z = coefficients.logit(f) + (forms != null ? forms.logit(summaries, f) : 0);
        double s = 1 / (1 + Math.exp(-z));
        if (top == null) {
            return s;
        }
        double threshold = spunThresholdFor(words);
        double t = 1 / (1 + Math.exp(-top.logit(f)));
        return t >= threshold ? t : Math.min(s, Math.nextDown(threshold));
    }
}
