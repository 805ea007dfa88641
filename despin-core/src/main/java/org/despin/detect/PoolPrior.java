package org.despin.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.despin.lexicon.Candidate;
import org.despin.lexicon.LinkFeatures;
import org.despin.lexicon.WordClass;

/**
 * The prior that ranks a span's candidates before any evidence test ({@link CandidateTable}, whose lists are cut at
 * {@code contextReach} by it; {@link ContextPool} adds the bigram PMI to it): a linear score of what the lexicon says
 * about the link and how frequent the original is, in nats. {@link #LEGACY} is the prior of before (channel weight plus
 * ln10 times the original's log10 frequency); {@link #FITTED} is a conditional logit fitted to rank the training
 * spinners' originals first among a span's candidates (PriorFitting in the test sources, branch {@code prior22}).
 * Only the order of candidates depends on it: the channel weight the arc model and the reading choice read is the
 * lexicon's, unchanged.
 *
 * <p>Features ({@link #NAMES}), per candidate of one observed span:
 * <ul>
 * <li>channel: the lexicon's log channel weight ({@link org.despin.lexicon.ChannelWeights});</li>
 * <li>frequency: ln10 * log10 P(original) from an empty context;</li>
 * <li>moreFrequent: ln10 * max(0, log10 P(original) - log10 P(observed)): a spinner writes a rarer word for a common
 *     one, so frequency above the observed word's counts again;</li>
 * <li>twoHops, wordnet, moby, similar, generic: the link's kind ({@link Candidate#hops()}, {@link Candidate#source()});</li>
 * <li>lengthChange: |words(observed) - words(original)|;</li>
 * <li>classDisagree: one word each, both with a content word class in the lexicon's dictionary, and none shared
 *     (a spinner keeps the part of speech);</li>
 * <li>phrase: the original has more than one word.</li>
 * </ul>
 * Immutable.
 */
public final class PoolPrior {
    public static final List<String> NAMES = List.of("channel", "frequency", "moreFrequent", "twoHops", "wordnet", "moby",
            "similar", "generic", "lengthChange", "classDisagree", "phrase");
    public static final int SIZE = NAMES.size();
    private static final double LN10 = Math.log(10);
    private static final int CONTENT = WordClass.NOUN.bit() | WordClass.VERB.bit() | WordClass.ADJECTIVE.bit()
            | WordClass.ADVERB.bit();

    /** The prior of before: channel + ln10 * log10 P(original). */
    public static final PoolPrior LEGACY = new PoolPrior(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Fitted on the training spinners' edits of fit-fold passages (see the class comment; `priorfit 600`, the fit without
     * the PMI on the first 300 passages' 6,303 groups), classDisagree's weight (0.05) set to 0: the `cleanspun 100` figures are
     * the same with it and without it, and it would cost word-class lookups per candidate.
     */
    public static final PoolPrior FITTED = new PoolPrior(1.2634, 0.9364, -0.0146, -2.3350, 1.5445, -0.0006, 2.5436, 4.1154,
            0.6988, 0.0, 0.0335);

    private final double[] weights;

    public PoolPrior(double... weights) {
        if (weights.length != SIZE) {
            throw new IllegalArgumentException("a pool prior needs " + SIZE + " weights, got " + weights.length);
        }
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite: " + Arrays.toString(weights));
            }
        }
        this.weights = weights.clone();
    }

    /** Parses "w0,w1,...", as {@link #toString()} writes it. */
    public static PoolPrior parse(String s) {
        return new PoolPrior(Arrays.stream(s.split(",")).mapToDouble(v -> Double.parseDouble(v.trim())).toArray());
    }

    public double[] weights() {
        return weights.clone();
    }

    /**
     * The features of one candidate into {@code f} (length {@link #SIZE}).
     *
     * @param c the lexicon's candidate
     * @param intrinsicLog10 log10 P(original) from an empty context
     * @param observedIntrinsicLog10 the same for the observed span
     * @param observedWords words in the observed span
     * @param originalWords words in the original
     * @param observedClasses the observed word's word-class mask (one-word spans; 0 unknown or a phrase)
     * @param originalClasses the same for the original
     */
    static void features(Candidate c, float intrinsicLog10, float observedIntrinsicLog10, int observedWords,
            int originalWords, int observedClasses, int originalClasses, double[] f) {
        f[0] = c.logChannel();
        f[1] = LN10 * intrinsicLog10;
        f[2] = LN10 * Math.max(0, intrinsicLog10 - observedIntrinsicLog10);
        f[3] = c.hops() == 2 ? 1 : 0;
        String source = c.source();
        boolean related = source.startsWith(LinkFeatures.RELATED_SOURCE);
        f[4] = !related && source.contains("wordnet") ? 1 : 0;
        f[5] = source.contains("moby") ? 1 : 0;
        f[6] = related && source.endsWith("similar") ? 1 : 0;
        f[7] = related && source.endsWith("generic") ? 1 : 0;
        f[8] = Math.abs(observedWords - originalWords);
        int o = observedClasses & CONTENT;
        int g = originalClasses & CONTENT;
        f[9] = o != 0 && g != 0 && (o & g) == 0 ? 1 : 0;
        f[10] = originalWords > 1 ? 1 : 0;
    }

    /** The word-class mask of one word from its classes. */
    static int mask(Set<WordClass> classes) {
        int m = 0;
        for (WordClass w : classes) {
            m |= w.bit();
        }
        return m;
    }

    /** The prior of features {@code f}. */
    double score(double[] f) {
        double s = 0;
        for (int k = 0; k < SIZE; k++) {
            s += weights[k] * f[k];
        }
        return s;
    }

    /** Whether this prior reads the word classes (a nonzero classDisagree weight). */
    boolean readsClasses() {
        return weights[9] != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolPrior p && Arrays.equals(weights, p.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < SIZE; k++) {
            sb.append(k == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.4f", weights[k]));
        }
        return sb.toString();
    }
}
