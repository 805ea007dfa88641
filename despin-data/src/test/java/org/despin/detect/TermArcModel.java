package org.despin.detect;

import java.util.Arrays;
import java.util.List;

/**
 * A calibrated model of a term arc ({@link TermCandidates}), for development (TermFitting,
 * docs/detector.md "Terms"): logistic regression over the features of a span that reaches a known
 * term word by word, fitted on our own spinner's tortured terms in TRAINING sentences. Tried in
 * place of the hand-set term bonus (arc weight = log-odds minus the LM context ratio the decode
 * adds back, plus an operating point) and NOT adopted: at the clean-text budget it flagged fewer
 * tortured phrases than termBonus - ln(rivals) (docs/detector.md).
 *
 * <p>Features ({@link #NAMES}; log10 from the LM, channel in nats):
 * <ul>
 * <li>channel: summed channel weight of the term words' links; channelPerWord: the same per term word;</li>
 * <li>lnRivals: ln(terms the same span reaches): broad words reach many terms by chance;</li>
 * <li>observedCohesion: log10 P(span) minus its words' log10 P: a tortured phrase is a pair of
 *     words nobody writes together, a writer's phrase is stored;</li>
 * <li>termCohesion: the same for the term: a real term is a strong collocation;</li>
 * <li>frequency: log10 P(term) - log10 P(span), without context;</li>
 * <li>context: log10 P(term right | left) - log10 P(span right | left);</li>
 * <li>observedRarest: log10 P of the span's rarest word (clipped at -8): tortured phrases pick odd words;</li>
 * <li>extraWords: span words minus term words; threeWords: a three-word term;</li>
 * <li>unknownObserved: a span word the LM does not know.</li>
 * </ul>
 *
 * @param weights intercept, then one weight per {@link #NAMES} entry
 */
record TermArcModel(double[] weights) {
    /** Feature names, in order. */
    static final List<String> NAMES = List.of("channel", "channelPerWord", "lnRivals", "observedCohesion",
            "termCohesion", "frequency", "context", "observedRarest", "extraWords", "threeWords", "unknownObserved");
    static final int SIZE = NAMES.size();

    /** As fitted by TermFitting on Moby-spun terms (docs/detector.md "Terms"). */
    static final TermArcModel MOBY_FIT = new TermArcModel(new double[] {-2.7471, 0.8718, -0.1739, -1.0061,
        -0.2406, 0.1741, -0.3978, 0.9333, -0.1860, -0.1957, 0.0353, 0.1350});

    public TermArcModel {
        if (weights.length != SIZE + 1) {
            throw new IllegalArgumentException("a term arc model needs " + (SIZE + 1) + " weights, got " + weights.length);
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Log-odds (nats) that a term arc with these features is a true restoration. */
    double logOdds(double[] features) {
        double z = weights[0];
        for (int i = 0; i < features.length; i++) {
            z += weights[i + 1] * features[i];
        }
        return z;
    }

    /** The feature vector (see the class comment). */
    static double[] features(double channel, int termWords, int rivals, double observedCohesion, double termCohesion,
            double frequency, double context, double observedRarest, int observedWords, boolean unknownObserved) {
        return new double[] {channel, channel / termWords, Math.log(rivals), observedCohesion, termCohesion, frequency,
            context, Math.max(-8, observedRarest), observedWords - termWords, termWords == 3 ? 1 : 0,
            unknownObserved ? 1 : 0};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermArcModel m && Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "TermArcModel" + Arrays.toString(weights);
    }
}
