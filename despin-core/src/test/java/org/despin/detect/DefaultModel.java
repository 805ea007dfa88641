package org.despin.detect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.despin.model.Model;
import org.despin.model.Models;

/** The full default model of the tests that read it: {@code -Ddespin.model}, as {@code ./run-tests} gives it. */
final class DefaultModel {
    private DefaultModel() {
    }

    /**
     * The model at {@code -Ddespin.model}; without one the calling test is skipped, unless
     * {@code -Ddespin.requireModel=true}, where loading the missing model fails it.
     */
    static Model loadOrSkip() throws Exception {
        String m = System.getProperty("despin.model", "");
        if (!Boolean.getBoolean("despin.requireModel")) {
            assumeTrue(!m.isBlank(), "no -Ddespin.model");
        }
        return Models.load(Path.of(m));
    }
}
