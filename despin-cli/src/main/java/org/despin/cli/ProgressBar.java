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
    private long lastDrawn;

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

    /**
     * For runs over many documents: the share of input bytes done, documents per second and the
     * time left (estimated from the bytes, which are known up front when the documents are not).
     */
    void updateDocuments(long documents, long bytesDone, long bytesTotal) {
        int permille = bytesTotal <= 0 ? 1000 : (int) Math.min(1000, bytesDone * 1000 / bytesTotal);
        long now = System.nanoTime();
        if (permille == lastPermille && now - lastDrawn < 500_000_000L) {
            return;
        }
        lastPermille = permille;
        lastDrawn = now;
        int filled = permille * WIDTH / 1000;
        double seconds = (now - started) / 1e9;
        double perSecond = seconds > 0 ? documents / seconds : 0;
        long left = permille <= 0 ? -1 : (long) (seconds * (1000 - permille) / permille);
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %5.1f%%  %,d docs  %.1f docs/s  %s left ", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), permille / 10.0, documents, perSecond,
                left < 0 ? "?" : String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60)));
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
