package org.despin.cli.render;

import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import org.despin.detect.Finding;

/** Streams a text with each finding's span replaced by its suggestion (findings in order, not overlapping). */
public final class RestoringReader extends Reader {
    private final Reader text;
    private final Iterator<Finding> findings;
    private Finding next;
    private long position; // in the original text
    private String pending = "";
    private int pendingAt;

    public RestoringReader(Reader text, Iterator<Finding> findings) {
        this.text = text;
        this.findings = findings;
        this.next = findings.hasNext() ? findings.next() : null;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pendingAt < pending.length()) {
            int n = Math.min(len, pending.length() - pendingAt);
            pending.getChars(pendingAt, pendingAt + n, buf, off);
            pendingAt += n;
            return n;
        }
        if (next != null && position == next.start()) {
            skipFully(next.end() - next.start());
            pending = next.suggestion();
            pendingAt = 0;
            next = findings.hasNext() ? findings.next() : null;
            return read(buf, off, len);
        }
        int max = next == null ? len : (int) Math.min(len, next.start() - position);
        int n = text.read(buf, off, max);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    private void skipFully(long n) throws IOException {
        char[] scratch = new char[(int) Math.min(n, 8192)];
        while (n > 0) {
            int r = text.read(scratch, 0, (int) Math.min(n, scratch.length));
            if (r < 0) {
                throw new IOException("finding beyond the end of the text");
            }
            n -= r;
            position += r;
        }
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
