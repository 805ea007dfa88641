package org.despin.detect;

import java.util.List;

/**
 * What the widened decode of a document says, beyond the first pass the score is computed from (branch
 * {@code docscore25}): the detector widens a document scored in the uncertain band (at least {@code uncertainFloor},
 * under {@code spunThreshold}) and one called spun, so for those documents this is evidence at no extra decode.
 *
 * @param kind 0 not widened, 1 widened in the uncertain band, 2 widened and boosted (called spun)
 * @param wideTop the mean of the settings' finding model's (logistic part's) highest probabilities among the candidate
 *     findings of the widened decode, one per 40 words, read at the reference rate and a neutral spin score, as
 *     {@link DocumentFeatures#topFindingProbability} reads the first decode's
 * @param decisionTop the same over the deciding finding model's probabilities at the decode's own rate and score
 * @param findingsPer100 the findings reported (at the default minimum confidence) per 100 words
 * @param confidencePer100 the sum of their confidences per 100 words
 * @param rate the widened decode's re-estimated spin rate
 * @param variants originals that two or more distinct observed forms map to in the widened decode
 */
public record WidenedEvidence(int kind, double wideTop, double decisionTop, double findingsPer100,
        double confidencePer100, double rate, int variants) {
    /** A document that was not widened. */
    public static final WidenedEvidence NONE = new WidenedEvidence(0, 0, 0, 0, 0, 0, 0);

    /** Column names of {@link #vector}, for the evaluation's dumps. */
    public static final List<String> FEATURES = List.of("wKind", "wTop", "wDecisionTop", "wFindingsPer100",
            "wConfidencePer100", "wRate", "wVariants");

    /** The values in {@link #FEATURES} order (variants capped at 3, as the score caps them). */
    public double[] vector() {
        return new double[] {kind, wideTop, decisionTop, findingsPer100, confidencePer100, rate, Math.min(3, variants)};
    }
}
