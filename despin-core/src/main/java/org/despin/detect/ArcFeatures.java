package org.despin.detect;

import java.util.List;

/**
 * The features of one substitution arc (observed span read as a candidate original) that the
 * {@link ArcModel} turns into the log-odds that the spinner wrote the span in place of the
 * candidate. Computed where the arc is built ({@link LatticeBuilder}); the order is the order of
 * {@link ArcModel#weights()} after the intercept. Log-probabilities are log10 from the language
 * model; every feature is clipped so that one extreme value (an unknown word) cannot dominate.
 */
final class ArcFeatures {
    /** Names, in order, for the fitting tool's output and docs/detector.md. */
    static final List<String> NAMES = List.of(
            "gain",              // Evidence gain: PMI of the candidate with its context minus the observed span's
            "gainAbove2",        // max(0, gain - 2): a stored collocation, not just a slightly better fit
            "context",           // LM ratio log10 P(cand right | left) - log10 P(obs right | left)
            "observedFit",       // log10 P(obs right | left) - log10 P(obs): how much the context likes what is there
            "observedUnigram",   // log10 P(observed span) per word
            "candidateUnigram",  // log10 P(candidate) per word
            "observedRare",      // max(0, -5 - observedUnigram): a rare or unknown observed word
            "channel",           // the lexicon's ln P(observed | original, substituted)
            "twoHops",           // a synonym of a synonym
            "lnCandidates",      // ln(number of candidates of the observed span)
            "observedWords",     // words in the observed span
            "candidateWords",    // words in the candidate
            "unknownObserved",   // an observed word the LM does not know
            "name",              // a title-case word next to another one (a broken name)
            "sentenceStart",     // the span starts its sentence (its casing says nothing)
            "articleMismatch");  // "a"/"an" before the span fits the candidate no better than the observed

    static final int SIZE = NAMES.size();

    private ArcFeatures() {
    }

    /** The feature vector (without the intercept) of one arc. */
    static double[] of(double gain, double context, float observedInContext, float observedIntrinsic,
            int observedWords, float candidateIntrinsic, int candidateWords, float logChannel, int hops,
            int candidates, boolean unknownObserved, boolean name, boolean sentenceStart, boolean articleMismatch) {
        double obsUnigram = observedIntrinsic / observedWords;
        double[] f = new double[SIZE];
        f[0] = clip(gain, -4, 8);
        f[1] = Math.max(0, f[0] - 2);
        f[2] = clip(context, -8, 8);
        f[3] = clip(observedInContext - observedIntrinsic, -10, 10);
        f[4] = clip(obsUnigram, -9, 0);
        f[5] = clip(candidateIntrinsic / candidateWords, -9, 0);
        f[6] = Math.max(0, -5 - f[4]);
        f[7] = clip(logChannel, -10, 0);
        f[8] = hops >= 2 ? 1 : 0;
        f[9] = Math.log(Math.max(1, candidates));
        f[10] = observedWords;
        f[11] = candidateWords;
        f[12] = unknownObserved ? 1 : 0;
        f[13] = name ? 1 : 0;
        f[14] = sentenceStart ? 1 : 0;
        f[15] = articleMismatch ? 1 : 0;
        return f;
    }

    private static double clip(double v, double lo, double hi) {
        return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
    }
}
