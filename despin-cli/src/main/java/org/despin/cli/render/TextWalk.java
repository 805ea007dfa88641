package org.despin.cli.render;

import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import org.despin.detect.Finding;

/** Reads a text once, in order, handing over plain stretches and the findings that interrupt them. */
final class TextWalk {
    interface Visitor {
        /** A stretch of text outside every finding (possibly one of several pieces). */
        void plain(char[] buf, int off, int len) throws IOException;

        /** A finding; its span ({@link Finding#text()}) has been consumed from the text. */
        void finding(Finding f) throws IOException;
    }

    private TextWalk() {
    }

    static void walk(Reader text, Iterator<Finding> findings, Visitor v) throws IOException {
        char[] buf = new char[8192];
        long position = 0;
        Finding next = findings.hasNext() ? findings.next() : null;
        while (true) {
            if (next != null && position == next.start()) {
                long skip = next.end() - next.start();
                while (skip > 0) {
                    int r = text.read(buf, 0, (int) Math.min(skip, buf.length));
                    if (r < 0) {
                        throw new IOException("finding beyond the end of the text");
                    }
                    skip -= r;
                    position += r;
                }
                v.finding(next);
                next = findings.hasNext() ? findings.next() : null;
                continue;
            }
            int max = next == null ? buf.length : (int) Math.min(buf.length, next.start() - position);
            int n = text.read(buf, 0, max);
            if (n < 0) {
                return;
            }
            position += n;
            v.plain(buf, 0, n);
        }
    }
}
