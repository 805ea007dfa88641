package org.despin.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place on standard error, for interactive runs only: in a
 * pipe or a log it would be noise, so {@link #NONE} is used there.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long started = System.nanoTime();
    private int lastPermille = -1;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    void update(long done, long total) {
        int permille = total <= 0 ? 1000 : (int) Math.min(1000, done * 1000 / total);
        if (permille == lastPermille) {
            return;
        }
        lastPermille = permille;
        int filled = permille * WIDTH / 1000;
        double seconds = (System.nanoTime() - started) / 1e9;
        double mbPerSecond = seconds > 0 ? done / 1e6 / seconds : 0;
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %5.1f%%  %.1f MB/s", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), permille / 10.0, mbPerSecond));
        err.flush();
    }

    /** Ends the line so that later messages start on their own. */
    void finish() {
        if (lastPermille >= 0) {
            err.println();
            err.flush();
        }
    }
}
