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
     * that fold, one in six clean and the others spun at 0.05/0.1/0.2/0.3/0.4 alternately with the
     * Moby spinner and a WordNet spinner with related words ({@code -DfitSpinner=moby+wordnet});
     * lexicon with related-word links, 150 originals per key, candidatePool 32; first half fitted
     * (65,955 arcs, 3,353 positive; L2 1.0), second half: arc AUROC 0.893.
     * {@code java -Xmx6g -cp $CP -DfoldLm=/tmp/arcs/fold-lm.dspm -DfitSpinner=moby+wordnet
     * org.despin.detect.DetectorEvaluation MODEL fitarcs 1200}
     */
    public static final ArcModel DEFAULTS = new ArcModel(new double[] {1.2814, 0.8700, -0.1577, 0.0511, 0.3009, -0.0288, -0.2167, -0.7091, 1.2328, -0.3179, 1.2043, -1.5974, -0.4562, 2.1556, -3.5440, 0.7037, 0.2976, -0.2045, -0.7928, 0.8087, -0.4671, 2.2955, 0.9372, 0}, 0.0506);

    /**
     * {@link #DEFAULTS} before branch {@code channel25}: the same weights with relatedLink 2.9660 and no relatedGeneric.
     * Since {@code channel25} DEFAULTS takes its own view of the lexicon's related-word penalties
     * ({@link org.despin.lexicon.ChannelWeights} similar -1, generic -2, which the channel feature carries): refitted on
     * the current pipeline and pools with every other weight held (DetectorEvaluation {@code -DfitOnTop=relatedLink,
     * relatedGeneric,lengthChange fitarcs 1200}, fold LM, training spinners; the weights in use as one column, scale
     * 0.974, kept at 1), relatedLink -0.671 (a similar-to / see-also link is trusted less) and relatedGeneric +0.937 (a
     * hypernym link more: net +0.27 over a similar-to one); the length penalty needs no change (lengthChange +0.017, 0).
     * Test half AUROC 0.8653 -> 0.8664; held out F1 +0.003 to +0.005 at fewer clean flags with {@link
     * FindingModel#SPUN_WITH_NAMES} at t 0.50 (docs/detector.md, "The related-word penalties refitted in the arc model").
     */
    public static final ArcModel STOP24 = new ArcModel(new double[] {1.2814, 0.8700, -0.1577, 0.0511, 0.3009, -0.0288, -0.2167, -0.7091, 1.2328, -0.3179, 1.2043, -1.5974, -0.4562, 2.1556, -3.5440, 0.7037, 0.2976, -0.2045, -0.7928, 0.8087, -0.4671, 2.9660, 0, 0}, 0.0506);

    /** Weights before branch `channel25` (no relatedGeneric, lengthChange): those two get weight 0. */
    static final int LEGACY_SIZE = ArcFeatures.SIZE - 1;

    public ArcModel {
        if (weights.length == LEGACY_SIZE) {
            weights = java.util.Arrays.copyOf(weights, ArcFeatures.SIZE + 1);
        }
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
