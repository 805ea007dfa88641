package org.despin.detect;

import java.util.List;

/**
 * What the first decode's candidate findings say besides the score's top means, for the verdict score (branch
 * {@code verdict26}): each span's candidates read with the finding model and its fitted trees at the reference rate and
 * a neutral spin score (as {@code topFindingProbabilityTrees} reads them), one probability per span (its surest
 * reading's), so that a span with several readings counts once.
 *
 * @param topSpan the surest span's probability
 * @param topThreeSpans the mean of the three surest spans' probabilities (a missing one counts 0), whatever the length
 * @param spanTopMean the mean of the surest spans' probabilities, one per 40 words (as {@code topFindingProbability}
 *     reads its candidates, but one per span)
 * @param spansAbove30Per100 spans whose probability reaches 0.3, per 100 words
 * @param spansAbove50Per100 the same at 0.5
 * @param spansAbove70Per100 the same at 0.7
 * @param spansAbove90Per100 the same at 0.9
 * @param candidateSpansPer100 spans with a candidate at all, per 100 words
 * @param gainAbove50Per100 the evidence gain (log10, the candidate's {@code gain} feature) of the spans reaching 0.5,
 *     summed, per 100 words: how much better the restored text reads than the observed where the model is sure
 * @param eligibleShare the share of the document's words a spinner could have replaced (the lexicon knows them)
 * @param observedFitMean over every span with a candidate the arc model scores: the mean of its observed words' fit
 *     to their context (the arc feature {@code observedFit}, log10)
 * @param misfitPer100 the same spans' {@code max(0, -observedFit)} summed, per 100 words
 * @param rarePer100 the same spans' {@code observedRare} summed, per 100 words
 * @param positiveGainPer100 the same spans' best candidate gain, where positive, summed, per 100 words
 * @param gainAbove1Per100 the same spans whose best candidate's gain exceeds 1 (log10), per 100 words
 */
public record CandidateEvidence(double topSpan, double topThreeSpans, double spanTopMean, double spansAbove30Per100,
        double spansAbove50Per100, double spansAbove70Per100, double spansAbove90Per100, double candidateSpansPer100,
        double gainAbove50Per100, double eligibleShare, double observedFitMean, double misfitPer100, double rarePer100,
        double positiveGainPer100, double gainAbove1Per100) {

    /** The names of {@link #vector}'s entries, in order. */
    public static final List<String> FEATURES = List.of("topSpan", "topThreeSpans", "spanTopMean", "spansAbove30Per100",
            "spansAbove50Per100", "spansAbove70Per100", "spansAbove90Per100", "candidateSpansPer100", "gainAbove50Per100",
            "eligibleShare", "observedFitMean", "misfitPer100", "rarePer100", "positiveGainPer100", "gainAbove1Per100");

    /** Not read (neither the verdict score nor a study asked for it). */
    public static final CandidateEvidence NONE = new CandidateEvidence(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The values in {@link #FEATURES} order. */
    public double[] vector() {
        return new double[] {topSpan, topThreeSpans, spanTopMean, spansAbove30Per100, spansAbove50Per100,
            spansAbove70Per100, spansAbove90Per100, candidateSpansPer100, gainAbove50Per100, eligibleShare, observedFitMean,
            misfitPer100, rarePer100, positiveGainPer100, gainAbove1Per100};
    }

    /** With the lattices' span values (the last five components). */
    CandidateEvidence withSpans(double fitMean, double misfit, double rare, double positiveGain, double gainAbove1) {
        return new CandidateEvidence(topSpan, topThreeSpans, spanTopMean, spansAbove30Per100, spansAbove50Per100,
                spansAbove70Per100, spansAbove90Per100, candidateSpansPer100, gainAbove50Per100, eligibleShare, fitMean, misfit,
                rare, positiveGain, gainAbove1);
    }

    /**
     * The evidence of a document of {@code words} words ({@code eligibleWords} of them replaceable) from its spans' surest
     * probabilities and those spans' gains (parallel arrays, any order).
     */
    static CandidateEvidence of(int words, int eligibleWords, double[] spanProbabilities, double[] spanGains,
            double wordsPerTop) {
        if (words == 0) {
            return NONE;
        }
        double per100 = 100.0 / words;
        double[] sorted = spanProbabilities.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        int read = (int) Math.max(1, Math.round(words / wordsPerTop));
        int[] above = new int[4];
        double[] levels = {0.3, 0.5, 0.7, 0.9};
        double gain = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < levels.length; k++) {
                above[k] += spanProbabilities[i] >= levels[k] ? 1 : 0;
            }
            gain += spanProbabilities[i] >= 0.5 ? spanGains[i] : 0;
        }
        return new CandidateEvidence(n == 0 ? 0 : sorted[n - 1], topMean(sorted, 3), topMean(sorted, read),
                above[0] * per100, above[1] * per100, above[2] * per100, above[3] * per100, n * per100, gain * per100,
                (double) eligibleWords / words, 0, 0, 0, 0, 0);
    }

    private static double topMean(double[] sorted, int read) {
        double sum = 0;
        for (int k = 1; k <= read && k <= sorted.length; k++) {
            sum += sorted[sorted.length - k];
        }
        return sum / read;
    }
}
