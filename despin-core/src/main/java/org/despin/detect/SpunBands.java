package org.despin.detect;

/**
 * The verdict's spun threshold by length for documents shorter than the passages the score was fitted on
 * (100-150 words): band {@code i} holds the documents of fewer than {@code words[i]} words (and at least
 * {@code words[i - 1]}), called spun at or above {@code thresholds[i]} (the verdict only: the boosted decode reads
 * {@code spunThreshold} at every length); a document of {@code words[last]} words or more
 * is called spun at the settings' {@code spunThreshold}. A short text's features (rates per 100 words, a title-case
 * pair, the finding model's surest candidate) are noisier, so its clean scores reach higher. Each band's threshold
 * is the clean 98 % quantile of training passages of its lengths (the fit fold, read with the fold LM), moved in
 * log-odds by as much as {@code spunThreshold} (chosen on held-out 100-150-word passages) lies above the same
 * quantile of 100-150-word training passages: the rule gives {@code spunThreshold} itself at 100-150 words
 * (docs/detector.md "Short documents' spun threshold by length"). Immutable (the arrays are copied in and never
 * handed out).
 */
public final class SpunBands {

    /**
     * The bands of the default model (the doc-comment LM, {@link DocumentScorer.Coefficients#WITH_DOC_COMMENTS}): under
     * 40 words 0.98, 40-59 0.96, 60-99 0.95 (training clean 98 % quantiles 0.973 / 0.950 / 0.926, at 100-150 words
     * 0.815 against spunThreshold 0.86: +0.33 log-odds; ShortThresholdFitting, 2,000 passages per range).
     */
    public static final SpunBands WITH_DOC_COMMENTS = parse("40:0.98,60:0.96,100:0.95");

    private static final String FINITE = "thresholds be finite";

    private final LengthBands bands;

    /**
     * @param words the bands' upper ends (exclusive), strictly increasing, each >= 1
     * @param thresholds each band's spun threshold (the same length)
     */
    public SpunBands(int[] words, double[] thresholds) {
        this(new LengthBands(words, thresholds, Double::isFinite, FINITE));
    }

    private SpunBands(LengthBands bands) {
        this.bands = bands;
    }

    /** Bands written as {@code "40:0.98,60:0.96,100:0.95"} (upper end exclusive : threshold), as {@link #toString} writes them. */
    public static SpunBands parse(String s) {
        return new SpunBands(LengthBands.parse(s, Double::isFinite, FINITE));
    }

    /** The spun threshold of a document of {@code wordCount} words: its band's, or {@code otherwise} past the last band. */
    public double threshold(int wordCount, double otherwise) {
        return bands.threshold(wordCount, otherwise);
    }

    /** The lowest threshold of any band (for the settings' check against {@code cleanThreshold}). */
    double lowest() {
        return bands.lowest();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpunBands b && bands.equals(b.bands);
    }

    @Override
    public int hashCode() {
        return bands.hashCode();
    }

    @Override
    public String toString() {
        return bands.toString();
    }
}
