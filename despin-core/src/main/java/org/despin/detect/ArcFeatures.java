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
            "leftGain",          // the part of the gain from the left context alone
            "context",           // LM ratio log10 P(cand right | left) - log10 P(obs right | left)
            "observedFit",       // log10 P(obs right | left) - log10 P(obs): how much the context likes what is there
            "observedLeftFit",   // log10 P(obs | left) - log10 P(obs)
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
            "articleMismatch",   // "a"/"an" before the span fits the candidate no better than the observed
            "behindBestGain",    // gain minus the best gain among the span's admitted candidates (<= 0)
            "lnAdmitted",        // ln(number of the span's candidates that passed the evidence gate)
            "relatedLink",       // the lexicon link is only a WordNet related word (similar-to, hypernym), no synonym
            "relatedGeneric",    // ... and that word a hypernym: the observed word is the broader one (branch `channel25`)
            "lengthChange");     // |observed words - candidate words| (branch `channel25`)

    static final int SIZE = NAMES.size();
    private static final int BEHIND_BEST = NAMES.indexOf("behindBestGain");
    private static final int ADMITTED = NAMES.indexOf("lnAdmitted");

    private ArcFeatures() {
    }

    /** The feature vector (without the intercept) of one arc; the span features are set later. */
    static double[] of(double gain, double leftGain, double context, float observedInContext, float observedLeft,
            float observedIntrinsic, int observedWords, float candidateIntrinsic, int candidateWords, float logChannel,
            int hops, int candidates, boolean unknownObserved, boolean name, boolean sentenceStart,
            boolean articleMismatch, boolean relatedLink) {
        return of(gain, leftGain, context, observedInContext, observedLeft, observedIntrinsic, observedWords,
                candidateIntrinsic, candidateWords, logChannel, hops, candidates, unknownObserved, name, sentenceStart,
                articleMismatch, relatedLink, false);
    }

    /**
     * The same with {@code relatedGeneric}: the related-only link is a WordNet hypernym relation. relatedGeneric and
     * lengthChange let the arc model take its own view of {@link org.despin.lexicon.ChannelWeights}' generic-word and
     * length penalties, which the channel feature carries at their hand-set values (branch `channel25`).
     */
    static double[] of(double gain, double leftGain, double context, float observedInContext, float observedLeft,
            float observedIntrinsic, int observedWords, float candidateIntrinsic, int candidateWords, float logChannel,
            int hops, int candidates, boolean unknownObserved, boolean name, boolean sentenceStart,
            boolean articleMismatch, boolean relatedLink, boolean relatedGeneric) {
        double obsUnigram = observedIntrinsic / observedWords;
        double[] f = new double[SIZE];
        int k = 0;
        f[k++] = clip(gain, -4, 8);
        f[k++] = Math.max(0, f[0] - 2);
        f[k++] = clip(leftGain, -6, 8);
        f[k++] = clip(context, -8, 8);
        f[k++] = clip(observedInContext - observedIntrinsic, -10, 10);
        f[k++] = clip(observedLeft - observedIntrinsic, -6, 6);
        f[k++] = clip(obsUnigram, -9, 0);
        f[k++] = clip(candidateIntrinsic / candidateWords, -9, 0);
        f[k++] = Math.max(0, -5 - clip(obsUnigram, -9, 0));
        f[k++] = clip(logChannel, -10, 0);
        f[k++] = hops >= 2 ? 1 : 0;
        f[k++] = Math.log(Math.max(1, candidates));
        f[k++] = observedWords;
        f[k++] = candidateWords;
        f[k++] = unknownObserved ? 1 : 0;
        f[k++] = name ? 1 : 0;
        f[k++] = sentenceStart ? 1 : 0;
        f[k++] = articleMismatch ? 1 : 0;
        k += 2; // the span features
        f[k++] = relatedLink ? 1 : 0;
        f[k++] = relatedLink && relatedGeneric ? 1 : 0;
        f[k++] = Math.abs(observedWords - candidateWords);
        return f;
    }

    /** Sets the features that compare the arc with the other admitted candidates of its span. */
    static void setSpanFeatures(double[] f, double behindBestGain, int admitted) {
        f[BEHIND_BEST] = clip(behindBestGain, -8, 0);
        f[ADMITTED] = Math.log(Math.max(1, admitted));
    }

    private static double clip(double v, double lo, double hi) {
        return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
    }
}
