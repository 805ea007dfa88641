package org.despin.spin;

/**
 * How the spinner behaves. Immutable; validated here so that every caller gets the same errors.
 *
 * @param rate share of eligible content words (words the thesaurus can replace and the spinner may
 *     touch) that are replaced, in [0, 1]
 * @param seed the random seed: the output is a pure function of input, thesaurus and options
 * @param insertionRate share of replacements written as "original and synonym" ("information and
 *     facts") instead of a plain substitution, in [0, 1]
 * @param names whether words inside multi-word capitalised names may be replaced ("Security
 *     Council" -> "Safety Council"); single capitalised words (most proper names) never are
 * @param compounds whether parts of hyphen compounds may be replaced ("face-to-face" -> "confront-to-face")
 */
public record SpinOptions(double rate, long seed, double insertionRate, boolean names, boolean compounds) {
    /** The defaults of real spinners as we model them: rate 0.3, a few insertions, names and compounds touched. */
    public static final SpinOptions DEFAULTS = new SpinOptions(0.3, 1L, 0.03, true, true);

    public SpinOptions {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("spin rate must be in [0, 1], got " + rate);
        }
        if (!(insertionRate >= 0 && insertionRate <= 1)) {
            throw new IllegalArgumentException("insertion rate must be in [0, 1], got " + insertionRate);
        }
    }

    /** The defaults with the given rate and seed. */
    public static SpinOptions of(double rate, long seed) {
        return DEFAULTS.withRate(rate).withSeed(seed);
    }

    public SpinOptions withRate(double newRate) {
        return new SpinOptions(newRate, seed, insertionRate, names, compounds);
    }

    public SpinOptions withSeed(long newSeed) {
        return new SpinOptions(rate, newSeed, insertionRate, names, compounds);
    }

    public SpinOptions withInsertionRate(double newRate) {
        return new SpinOptions(rate, seed, newRate, names, compounds);
    }
}
