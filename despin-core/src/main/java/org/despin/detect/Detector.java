package org.despin.detect;

import org.despin.model.Model;

/**
 * Finds spun spans: document -> lattice -> decode -> report. Immutable and thread-safe; one
 * instance serves every thread.
 */
public final class Detector {
    private final Model model;

    public Detector(Model model) {
        this.model = model;
    }

    public Report check(String text, CheckOptions options) {
        throw new UnsupportedOperationException("detector not written yet");
    }

    public Model model() {
        return model;
    }
}
