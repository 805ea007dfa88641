package org.despin.detect;

import java.util.Arrays;
import java.util.List;

/**
 * The evidence gate of term arcs ({@link TermCandidates}): a linear score over what the language
 * model and the term table say about a span that reaches a known term word by word, and a term
 * arc enters the lattice only when the score reaches {@link DetectorSettings#termGate()}. It tells
 * a florid but real phrase ("highest blessings", "heavy foil") from a tortured one ("informations
 * excavation"): both reach a term, but
 * <ul>
 * <li>context: log10 P(term right | left) - log10 P(observed right | left). A true restoration
 *     explains its sentence far better than the words it replaces (in a carrier sentence that is
 *     mostly the term's frequency against the odd words of the tortured phrase); a writer's phrase
 *     that reaches a term by chance gains less;</li>
 * <li>observedRarest: log10 P of the span's rarest word: a spinner picks rare synonyms;</li>
 * <li>lnMaxFanout: ln of the largest number of forms the table links to one term word: a term of
 *     broad words ("great deal", "right now", "black man") is reached from hundreds of forms, so by
 *     chance;</li>
 * <li>channel: the summed channel weight of the links (nats);</li>
 * <li>rarityMargin, lnRivals, observedLeftFit (weight 0 in {@link #DEFAULTS}): how much rarer every observed content
 *     word is than every term word, the number of terms the span reaches, and the observed span's fit to its left
 *     context, for refits ({@code -DtermEvidence=w0,...,w7}); a refit with them on a term-rewriting training spinner
 *     did not carry over to held-out tortured phrases (docs/detector.md "Segments that are collocations, and a refit
 *     of the term evidence gate").</li>
 * </ul>
 * The score is the log-odds of a logistic regression that separates, among the term arcs the
 * hand-set weight lets through, our spinner's tortured terms in training sentences (Moby and the
 * WordNet training spinner) from the term findings on clean training text (TermArcStudy,
 * docs/detector.md "Terms"), with both classes
 * weighted equally; so its zero has no meaning of its own, the gate is set on held-out text.
 *
 * @param weights intercept, then one weight per {@link #NAMES} entry
 */
public record TermEvidence(double[] weights) {
    /** The facts ({@link TermCandidates.ArcFacts#NAMES}) the score reads, in order. */
    static final List<String> NAMES = List.of("context", "observedRarest", "lnMaxFanout", "channel", "rarityMargin", "lnRivals",
            "observedLeftFit");

    /**
     * Fitted on the fit fold of the TRAINING documents read with the LM rebuilt without that fold:
     * table terms in training sentences spun by our spinner that the detector restored (965 with
     * Moby, 494 with the WordNet training spinner) against 327 term findings on 700 clean passages
     * (150,630 words); on a held-out half of each, a gate that keeps 95 % of the tortured terms
     * drops 45 % of the clean findings (90 %: 56 %). Its 95 % point is -1.57.
     * {@code java -Xmx6g -cp $CP -DfoldLm=/tmp/arcs/fold-lm.dspm -DtermEvidence=off [-DfitSpinner=wordnet]
     * org.despin.detect.TermArcStudy MODEL 700 2500} (docs/detector.md "Terms")
     */
    public static final TermEvidence DEFAULTS = new TermEvidence(new double[] {1.2628, 1.0867, -0.0854, -1.1909, 0.3811, 0, 0, 0});

    private static final int[] FACT_INDEX = NAMES.stream().mapToInt(TermCandidates.ArcFacts.NAMES::indexOf).toArray();

    public TermEvidence {
        if (weights.length != NAMES.size() + 1) {
            throw new IllegalArgumentException("term evidence needs " + (NAMES.size() + 1) + " weights, got " + weights.length);
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The score of a term arc with these facts. */
    double score(TermCandidates.ArcFacts facts) {
        double[] x = facts.values();
        double z = weights[0];
        for (int k = 0; k < FACT_INDEX.length; k++) {
            z += weights[k + 1] * x[FACT_INDEX[k]];
        }
        return z;
    }

    /**
     * The least context fact with which facts {@code withoutContext} (their context read as 0) reach {@code gate}:
     * the score is linear in the context, so (gate - score) / weight; negative infinity when the context's weight
     * is not positive (no bound).
     */
    double contextNeeded(TermCandidates.ArcFacts withoutContext, double gate) {
        double w = weights[1 + NAMES.indexOf("context")];
        if (!(w > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        return (gate - score(withoutContext)) / w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermEvidence e && Arrays.equals(weights, e.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "TermEvidence" + Arrays.toString(weights);
    }
}
