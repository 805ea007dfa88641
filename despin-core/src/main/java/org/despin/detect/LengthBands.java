package org.despin.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoublePredicate;

/**
 * Thresholds by document length, the common part of {@link SpunBands} and {@link FindingBands}: band {@code i} holds the
 * documents of fewer than {@code words[i]} words (and at least {@code words[i - 1]}); a document of {@code words[last]}
 * words or more is past the bands. Written {@code "40:0.98,60:0.96"} (upper end exclusive : threshold). Immutable (the
 * arrays are copied in and never handed out).
 */
final class LengthBands {
    private final int[] words;
    private final double[] thresholds;

    /**
     * @param words the bands' upper ends (exclusive), strictly increasing, each >= 1
     * @param thresholds each band's threshold (the same length), each one {@code valid} accepts
     * @param validity what {@code valid} asks, for the message ("thresholds be finite")
     */
    LengthBands(int[] words, double[] thresholds, DoublePredicate valid, String validity) {
        if (words.length == 0 || words.length != thresholds.length) {
            throw new IllegalArgumentException("one threshold per band, at least one band");
        }
        for (int i = 0; i < words.length; i++) {
            if (words[i] < 1 || (i > 0 && words[i] <= words[i - 1]) || !valid.test(thresholds[i])) {
                throw new IllegalArgumentException("band ends must increase from >= 1, " + validity);
            }
        }
        this.words = words.clone();
        this.thresholds = thresholds.clone();
    }

    /** Bands as {@link #toString} writes them. */
    static LengthBands parse(String s, DoublePredicate valid, String validity) {
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
        return new LengthBands(w, t, valid, validity);
    }

    /** The threshold of a document of {@code wordCount} words: its band's, or {@code otherwise} past the last band. */
    double threshold(int wordCount, double otherwise) {
        for (int i = 0; i < words.length; i++) {
            if (wordCount < words[i]) {
                return thresholds[i];
            }
        }
        return otherwise;
    }

    /** The lowest threshold of any band. */
    double lowest() {
        return Arrays.stream(thresholds).min().orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LengthBands b && Arrays.equals(words, b.words) && Arrays.equals(thresholds, b.thresholds);
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
