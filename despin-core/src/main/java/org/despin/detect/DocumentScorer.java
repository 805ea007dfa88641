package org.despin.detect;

import java.util.List;

/**
 * The document spin score: a logistic model over {@link DocumentFeatures}, fitted on spun and
 * clean documents (coefficients and the command that produced them: docs/detector.md).
 */
public final class DocumentScorer {
    /** The features the model reads, in the order of {@link #vector} and {@link Coefficients#of}. */
    public static final List<String> FEATURES = List.of("spinRate", "confidencePer100", "artefactsPer100", "names",
            "variants", "positiveSpansPer100", "expectedRestorationsPer100", "topFindingProbabilities");

    /**
     * Logistic coefficients, one per {@link #FEATURES} entry after the intercept. Counts are capped
     * at 3 so that one long document does not swamp the score with names or variants alone.
     */
    public record Coefficients(double intercept, double spinRate, double confidencePer100, double artefactsPer100,
            double names, double variants, double positiveSpansPer100, double expectedRestorationsPer100,
            double topFindingProbabilities) {
        /**
         * Fitted by DetectorEvaluation "fit" (docs/detector.md) on 400 100-150-word passages of the
         * arc model's fit fold of the TRAINING documents, read with the LM rebuilt without that fold,
         * each clean and spun once (rates 0.05/0.1/0.2/0.3 in turn, MyThes spinner), with the arc
         * model at arcBias 0.0 and spunBoost 1.5: logistic regression on the first half, L2 1.0;
         * AUROC 0.846 on the second half (0.785 at rate 0.1), 0.791 on 400 held-out passages spun at
         * 0.1. Refitted for the joint operating point of the term evidence gate and the span
         * decision (branch pool16; before: arcBias 0.4, (-1.814, 0.120, 0.144, 1.249, 0.536, 0.221,
         * 0.928, 1.288)): {@code java -cp $CP -Dd.arcBias=0.0 -Dd.spunBoost=1.5
         * -DfoldLm=/tmp/arcs/fold-lm.dspm org.despin.detect.DetectorEvaluation MODEL fit 400}.
         */
        public static final Coefficients DEFAULTS = new Coefficients(-1.828, 0.093, 0.263, 1.212, 0.887, 0.002,
                0.837, 1.331, 0);

        /** Coefficients from the intercept and one weight per {@link #FEATURES} entry, as the fit prints them. */
        public static Coefficients of(double[] w) {
            if (w.length != FEATURES.size() + 1) {
                throw new IllegalArgumentException("document score needs " + (FEATURES.size() + 1) + " weights, got " + w.length);
            }
            return new Coefficients(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8]);
        }

        double logit(DocumentFeatures f) {
            double[] x = vector(f);
            double[] w = {spinRate, confidencePer100, artefactsPer100, names, variants, positiveSpansPer100,
                expectedRestorationsPer100, topFindingProbabilities};
            double z = intercept;
            for (int i = 0; i < x.length; i++) {
                z += w[i] * x[i];
            }
            return z;
        }
    }

    private final Coefficients coefficients;

    DocumentScorer(Coefficients coefficients) {
        this.coefficients = coefficients;
    }

    /** The features of a document as the model reads them, in {@link #FEATURES} order (counts capped at 3). */
    public static double[] vector(DocumentFeatures f) {
        return new double[] {f.spinRate(), f.confidencePer100(), f.artefactsPer100(), Math.min(3, f.nameFindings()),
            Math.min(3, f.variantGroups()), f.positiveSpansPer100(), f.expectedRestorationsPer100(),
            f.topFindingProbabilities()};
    }

    double score(DocumentFeatures f) {
        if (f.words() == 0) {
            return 0;
        }
        return 1 / (1 + Math.exp(-coefficients.logit(f)));
    }
}
