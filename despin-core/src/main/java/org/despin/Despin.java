package org.despin;

import java.nio.file.Path;
import org.despin.detect.CheckOptions;
import org.despin.detect.Detector;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.model.Model;
import org.despin.model.Models;

/**
 * The library entry point. Load once, share across threads.
 *
 * <pre>{@code
 * Despin despin = Despin.load(Path.of("default.dspm"));
 * Report report = despin.check("The Protection Council met on Tuesday.");
 * String restored = despin.restore("The Protection Council met on Tuesday.");
 * }</pre>
 */
public final class Despin {
    private final Detector detector;

    public Despin(Model model) {
        this.detector = new Detector(model);
    }

    /** Loads a model file (memory-mapped). */
    public static Despin load(Path modelFile) throws DespinException {
        return new Despin(Models.load(modelFile));
    }

    public Report check(String text) {
        return detector.check(text, CheckOptions.DEFAULTS);
    }

    public Report check(String text, CheckOptions options) {
        return detector.check(text, options);
    }

    /** The text with the originals of findings at or above the default confidence put back. */
    public String restore(String text) {
        return check(text).restored();
    }

    /** The text with the originals of findings at or above {@code minConfidence} put back. */
    public String restore(String text, double minConfidence) {
        Report r = detector.check(text, CheckOptions.DEFAULTS.withMinConfidence(minConfidence));
        return applyFindings(text, r);
    }

    static String applyFindings(String text, Report r) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int at = 0;
        for (Finding f : r.findings()) {
            sb.append(text, at, f.start()).append(f.suggestion());
            at = f.end();
        }
        return sb.append(text, at, text.length()).toString();
    }

    public Model model() {
        return detector.model();
    }
}
