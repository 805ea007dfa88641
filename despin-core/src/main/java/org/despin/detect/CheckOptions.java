package org.despin.detect;

/**
 * Options of one check, validated on construction.
 *
 * @param minConfidence findings below this confidence are not reported (0-1)
 * @param spinRatePrior the prior share of words a spinner replaces, before it is re-estimated per document (0-1)
 */
public record CheckOptions(double minConfidence, double spinRatePrior) {
    public static final CheckOptions DEFAULTS = new CheckOptions(0.5, 0.1);

    public CheckOptions {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1], got " + minConfidence);
        }
        if (!(spinRatePrior > 0 && spinRatePrior < 1)) {
            throw new IllegalArgumentException("spinRatePrior must be in (0, 1), got " + spinRatePrior);
        }
    }

    public CheckOptions withMinConfidence(double c) {
        return new CheckOptions(c, spinRatePrior);
    }
}
