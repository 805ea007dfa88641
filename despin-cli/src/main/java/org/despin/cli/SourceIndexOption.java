package org.despin.cli;

import java.nio.file.Path;
import org.despin.DespinException;
import org.despin.detect.Report;
import org.despin.source.SourceFinder;
import org.despin.source.SourceGuidedRestorer;
import org.despin.source.SourceIndex;
import org.despin.source.SourceMatch;
import org.despin.source.TextProfile;
import picocli.CommandLine.Option;

/**
 * {@code --index DIR} for {@code check} and {@code restore}: when given, each text (each chunk of
 * a long input) is looked up in the source index and, when a source is found, the source's
 * wording is taken wherever the two texts align ({@link SourceGuidedRestorer}); the evidence of
 * those findings names the source and the offset in it. Without the option the checker is
 * returned unchanged.
 */
final class SourceIndexOption {
    @Option(names = "--index", paramLabel = "DIR",
            description = "a source index ('despin index'): restore from the source where the text aligns with one")
    Path index;

    @Option(names = "--min-source-score", paramLabel = "S", defaultValue = "0.25",
            description = "use a source only when at least this share of the text's fingerprints is in it "
                    + "(0-1; default ${DEFAULT-VALUE})")
    double minScore;

    /**
     * The checker, guided by the sources of the index when {@code --index} is given. The index
     * stays open for the rest of the run (one command per process).
     */
    CliEnvironment.TextChecker guide(CliEnvironment.TextChecker checker, CliEnvironment env) throws DespinException {
        if (index == null) {
            return checker;
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new DespinException(DespinException.Kind.USAGE, "--min-source-score must be between 0 and 1, got " + minScore);
        }
        SourceIndex opened = SourceIndex.open(index);
        java.util.concurrent.atomic.AtomicBoolean warned = new java.util.concurrent.atomic.AtomicBoolean();
        // the finder is handed the detector's own restoration, so the detector runs once per text
        SourceFinder finder = new SourceFinder(opened, org.despin.source.Restorer.IDENTITY);
        return (text, options) -> {
            Report report = checker.check(text, options);
            try {
                var best = finder.find(TextProfile.of(text, report.findings()), 1, SourceFinder.Method.FINGERPRINTS);
                if (best.isEmpty() || best.get(0).score() < minScore) {
                    return report;
                }
                SourceMatch match = best.get(0);
                return SourceGuidedRestorer.merge(text, report, match);
            } catch (DespinException e) {
                // the index opened fine, so this is damage found mid-run: say it, keep checking
                if (warned.compareAndSet(false, true)) {
                    env.err().println("despin: warning: " + e.getMessage() + "; continuing without source guidance");
                    env.err().flush();
                }
                return report;
            }
        };
    }
}
