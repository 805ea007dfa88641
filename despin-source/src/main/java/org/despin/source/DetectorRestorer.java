package org.despin.source;

import java.util.List;
import org.despin.Despin;
import org.despin.detect.Finding;

/** The detector as a {@link Restorer}: its findings at the default confidence. Thread-safe like the detector. */
public final class DetectorRestorer implements Restorer {
    private final Despin despin;

    public DetectorRestorer(Despin despin) {
        this.despin = despin;
    }

    @Override
    public List<Finding> findings(String text) {
        return despin.check(text).findings();
    }

    @Override
    public String name() {
        return "detector";
    }
}
