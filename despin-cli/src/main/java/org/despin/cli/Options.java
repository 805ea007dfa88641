package org.despin.cli;

import org.despin.DespinException;
import org.despin.detect.CheckOptions;

/** Turns command-line values into the library's validated option records. */
final class Options {
    private Options() {
    }

    static CheckOptions check(Double minConfidence) throws DespinException {
        if (minConfidence == null) {
            return CheckOptions.DEFAULTS;
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new DespinException(DespinException.Kind.USAGE, "--min-confidence must be between 0 and 1, got " + minConfidence);
        }
        return CheckOptions.DEFAULTS.withMinConfidence(minConfidence);
    }
}
