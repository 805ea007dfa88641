package org.despin.detect;

import java.util.Arrays;

/**
 * The calibrated per-arc substitution model: logistic regression over {@link ArcFeatures}, fitted
 * on our own spun training text (DetectorEvaluation {@code fitarcs}, see docs/detector.md). Its
 * log-odds that an arc is a true restoration replace the hand-set channel terms of a
 * substitution; the decoder adds the LM, so the arc's fixed weight is the log-odds minus the LM
 * context ratio the decode will add back, minus the training prior log-odds (the spin rate
 * re-estimated per document is put back by the decoder's ln r and ln(1 - r) terms).
 *
 * @param weights intercept, then one weight per {@link ArcFeatures#NAMES} entry
 * @param trainingRate the share of eligible words the spinner edited in the training data: the
 *     prior the fitted intercept absorbed
 */
public record ArcModel(double[] weights, double trainingRate) {
    /**
     * Fitted by DetectorEvaluation {@code fitarcs} (docs/detector.md): 1200 passages of 200-300
     * words from the fit fold of the TRAINING documents, read with the default LM rebuilt without
     * that fold, one in six clean and the others spun with the Moby spinner at 0.05/0.1/0.2/0.3/0.4;
     * first half fitted (41,864 arcs, 3,113 positive; L2 1.0), second half: arc AUROC 0.880.
     * {@code java -Xmx6g -cp $CP -DfoldLm=/tmp/arcs/fold-lm.dspm org.despin.detect.DetectorEvaluation
     * /tmp/despin-dev/default.dspm fitarcs 1200}
     */
    public static final ArcModel DEFAULTS = new ArcModel(new double[] {-1.3770, 1.0475, -0.3536, 0.0675, 0.2978, -0.0319, -0.2513, -0.6928, 1.0069, -0.2904, 0.6744, -2.0744, -0.6075, 1.9535, -2.4139, 0.7484, 0.0716, 0.1365, -0.7681, 0.9586, -0.5912, 0, 0, 0, 0}, 0.0470);

    public ArcModel {
        if (weights.length != ArcFeatures.SIZE + 1) {
            throw new IllegalArgumentException("an arc model needs " + (ArcFeatures.SIZE + 1) + " weights, got "
                    + weights.length);
        }
        if (!(trainingRate > 0 && trainingRate < 1)) {
            throw new IllegalArgumentException("trainingRate must be in (0, 1), got " + trainingRate);
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Log-odds (nats) that the arc with these features is a true restoration, at the training prior. */
    double logOdds(double[] features) {
        double z = weights[0];
        for (int i = 0; i < features.length; i++) {
            z += weights[i + 1] * features[i];
        }
        return z;
    }

    /** ln(r / (1 - r)) of the training prior. */
    double trainingPriorLogOdds() {
        return Math.log(trainingRate / (1 - trainingRate));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArcModel m && Arrays.equals(weights, m.weights) && trainingRate == m.trainingRate;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Double.hashCode(trainingRate);
    }

    @Override
    public String toString() {
        return "ArcModel" + Arrays.toString(weights) + " rate " + trainingRate;
    }
}
