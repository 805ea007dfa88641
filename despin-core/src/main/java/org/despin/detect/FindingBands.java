package org.despin.detect;

import java.util.Arrays;
import java.util.Locale;

/**
 * The unspun finding model's threshold by document length ({@link DetectorSettings#findingModelFor}): band {@code i}
 * holds the documents of fewer than {@code words[i]} words (and at least {@code words[i - 1]}), whose candidates are
 * findings at a fitted probability of at least {@code thresholds[i]} (the model's bias -logit(t)); a document of
 * {@code words[last]} words or more keeps the model's own bias. A lower evidence gate admits more candidates in every
 * document, and the finding model's threshold takes more of them back in a long document than in a short one (its
 * features read the document's rate, score and words, which are noisier in 100-150 words), so a short document needs
 * a higher threshold for the same clean flags (docs/detector.md "The evidence gate at 0.8 with DEFAULTS' threshold by
 * length"). Only the decision reads the bands: the document score reads the model's probabilities, which no bias
 * shifts. Immutable (the arrays are copied in and never handed out).
 */
public final class FindingBands {

    private final int[] words;
    private final double[] thresholds;

    /**
     * @param words the bands' upper ends (exclusive), strictly increasing, each >= 1
     * @param thresholds each band's threshold t, in (0, 1) (the same length)
     */
    public FindingBands(int[] words, double[] thresholds) {
        if (words.length == 0 || words.length != thresholds.length) {
            throw new IllegalArgumentException("one threshold per band, at least one band");
        }
        for (int i = 0; i < words.length; i++) {
            if (words[i] < 1 || (i > 0 && words[i] <= words[i - 1]) || !(thresholds[i] > 0 && thresholds[i] < 1)) {
                throw new IllegalArgumentException("band ends must increase from >= 1, thresholds lie in (0, 1)");
            }
        }
        this.words = words.clone();
        this.thresholds = thresholds.clone();
    }

    /** Bands written as {@code "150:0.43,200:0.41"} (upper end exclusive : threshold), as {@link #toString} writes them. */
    public static FindingBands parse(String s) {
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
        return new FindingBands(w, t);
    }

    /** The threshold of a document of {@code wordCount} words, or NaN past the last band (the model's own bias). */
    public double threshold(int wordCount) {
        for (int i = 0; i < words.length; i++) {
            if (wordCount < words[i]) {
                return thresholds[i];
            }
        }
        return Double.NaN;
    }

    /** {@code model} at the threshold of a document of {@code wordCount} words: the same weights, bias -logit(t); past the last band {@code model} itself. */
    public FindingModel modelFor(FindingModel model, int wordCount) {
        double t = threshold(wordCount);
        return Double.isNaN(t) ? model : new FindingModel(model.weights(), -Math.log(t / (1 - t)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FindingBands b && Arrays.equals(words, b.words) && Arrays.equals(thresholds, b.thresholds);
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
