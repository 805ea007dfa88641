package org.despin.detect;

/**
 * The document spin score: a logistic model over {@link DocumentFeatures}, fitted on held-out
 * spun and clean documents (coefficients and the command that produced them: docs/detector.md).
 */
public final class DocumentScorer {
    /**
     * Logistic coefficients. Counts are capped at 3 so that one long document does not swamp the
     * score with names or variants alone.
     */
    public record Coefficients(double intercept, double spinRate, double confidencePer100, double artefactsPer100,
            double names, double variants) {
        /**
         * Fitted by DetectorEvaluation "fit" (docs/detector.md) on 200 held-out 100-150-word
         * passages, each clean and spun once (rates 0.05/0.1/0.2/0.3 in turn, MyThes spinner), with
         * the arc model ({@link ArcModel}, arcBias 0.7): logistic regression on the first half, L2
         * 1.0; AUROC 0.822 on the second half:
         * {@code java -cp $CP org.despin.detect.DetectorEvaluation /tmp/despin-dev/default.dspm fit 200}.
         */
        public static final Coefficients DEFAULTS = new Coefficients(-0.633, 0.304, 0.914, 0.749, 0.766, -0.610);

        double logit(DocumentFeatures f) {
            return intercept + spinRate * f.spinRate() + confidencePer100 * f.confidencePer100()
                    + artefactsPer100 * f.artefactsPer100() + names * Math.min(3, f.nameFindings())
                    + variants * Math.min(3, f.variantGroups());
        }
    }

    private final Coefficients coefficients;

    DocumentScorer(Coefficients coefficients) {
        this.coefficients = coefficients;
    }

    double score(DocumentFeatures f) {
        if (f.words() == 0) {
            return 0;
        }
        return 1 / (1 + Math.exp(-coefficients.logit(f)));
    }
}
