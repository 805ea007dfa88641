package org.despin.detect;

import java.util.Arrays;
import java.util.Locale;

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

    private final int[] words;
    private final double[] thresholds;

    /**
     * @param words the bands' upper ends (exclusive), strictly increasing, each >= 1
     * @param thresholds each band's spun threshold (the same length)
     */
    public SpunBands(int[] words, double[] thresholds) {
        if (words.length == 0 || words.length != thresholds.length) {
            throw new IllegalArgumentException("one threshold per band, at least one band");
        }
        for (int i = 0; i < words.length; i++) {
            if (words[i] < 1 || (i > 0 && words[i] <= words[i - 1]) || !Double.isFinite(thresholds[i])) {
                throw new IllegalArgumentException("band ends must increase from >= 1, thresholds be finite");
            }
        }
        this.words = words.clone();
        this.thresholds = thresholds.clone();
    }

    /** Bands written as {@code "40:0.98,60:0.96,100:0.95"} (upper end exclusive : threshold), as {@link #toString} writes them. */
    public static SpunBands parse(String s) {
        String[] parts = s.split(",");
        int[] w = new int[parts.length];
        double[] t = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] f = parts[i].trim().split(":");
            if (f.length != 2) {
                throw new IllegalArgumentException("band not WORDS:THRESHOLD: " + parts[i]);
            }
            w[i] = Integer.parseInt(f[0].trim());
            t[i] = Double.parseDouble(f[1].trim());
        }
        return new SpunBands(w, t);
    }

    /** The spun threshold of a document of {@code wordCount} words: its band's, or {@code otherwise} past the last band. */
    public double threshold(int wordCount, double otherwise) {
        for (int i = 0; i < words.length; i++) {
            if (wordCount < words[i]) {
                return thresholds[i];
            }
        }
        return otherwise;
    }

    /** The lowest threshold of any band (for the settings' check against {@code cleanThreshold}). */
    double lowest() {
        return Arrays.stream(thresholds).min().orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpunBands b && Arrays.equals(words, b.words) && Arrays.equals(thresholds, b.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(words) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            sb.append(i > 0 ? "," : "").append(words[i]).append(':').append(String.format(Locale.ROOT, "%s", thresholds[i]));
        }
        return sb.toString();
    }
}
