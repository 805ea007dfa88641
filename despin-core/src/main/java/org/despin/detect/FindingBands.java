package org.despin.detect;

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

    private static final String PROBABILITY = "thresholds lie in (0, 1)";

    private final LengthBands bands;

    /**
     * @param words the bands' upper ends (exclusive), strictly increasing, each >= 1
     * @param thresholds each band's threshold t, in (0, 1) (the same length)
     */
    public FindingBands(int[] words, double[] thresholds) {
        this(new LengthBands(words, thresholds, t -> t > 0 && t < 1, PROBABILITY));
    }

    private FindingBands(LengthBands bands) {
        this.bands = bands;
    }

    /** Bands written as {@code "150:0.43,200:0.41"} (upper end exclusive : threshold), as {@link #toString} writes them. */
    public static FindingBands parse(String s) {
        return new FindingBands(LengthBands.parse(s, t -> t > 0 && t < 1, PROBABILITY));
    }

    /** The threshold of a document of {@code wordCount} words, or NaN past the last band (the model's own bias). */
    public double threshold(int wordCount) {
        return bands.threshold(wordCount, Double.NaN);
    }

    /** {@code model} at the threshold of a document of {@code wordCount} words: the same weights, bias -logit(t); past the last band {@code model} itself. */
    public FindingModel modelFor(FindingModel model, int wordCount) {
        double t = threshold(wordCount);
        return Double.isNaN(t) ? model : model.withBias(-Math.log(t / (1 - t)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FindingBands b && bands.equals(b.bands);
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
