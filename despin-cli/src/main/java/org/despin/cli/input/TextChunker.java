package org.despin.cli.input;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a long text into pieces of at most {@code maxChars} characters so that a text of any size
 * is checked in bounded memory. A cut goes, by preference, after a blank line (paragraph), then
 * after a sentence end, then after any whitespace, looking back no further than half a chunk;
 * only a text with no whitespace at all is cut mid-word (never inside a surrogate pair). Each
 * chunk knows its offset in the whole text, so findings can be shifted back.
 *
 * <p>Independent of the command line: a library or server that checks large texts can use it
 * as it is.
 */
public final class TextChunker {
    /** The default chunk size: large enough for every sentence's context, small enough to bound memory. */
    public static final int DEFAULT_MAX_CHARS = 64 * 1024;

    /** A piece of the text. @param offset where {@code text} starts in the whole text (UTF-16 units) */
    public record Chunk(long offset, String text) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buf;
    private int filled;
    private long offset;
    private boolean eof;

    public TextChunker(Reader in, int maxChars) {
        if (maxChars < 16) {
            throw new IllegalArgumentException("maxChars must be at least 16, got " + maxChars);
        }
        this.in = in;
        this.maxChars = maxChars;
        this.buf = new char[maxChars];
    }

    public TextChunker(Reader in) {
        this(in, DEFAULT_MAX_CHARS);
    }

    /** The next chunk, or null at the end of the text. */
    public Chunk next() throws IOException {
        while (!eof && filled < maxChars) {
            int n = in.read(buf, filled, maxChars - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }
        if (filled == 0) {
            return null;
        }
        int cut = eof && filled < maxChars ? filled : cutPoint();
        Chunk c = new Chunk(offset, new String(buf, 0, cut));
        System.arraycopy(buf, cut, buf, 0, filled - cut);
        filled -= cut;
        offset += cut;
        return c;
    }

    /** Where to end a full buffer. */
    private int cutPoint() {
        int floor = maxChars / 2;
        for (int i = filled - 1; i > floor; i--) {
            if (buf[i] == '\n' && isBlankLineBefore(i)) {
                return i + 1;
            }
        }
        for (int i = filled - 1; i > floor; i--) {
            if (Character.isWhitespace(buf[i]) && isSentenceEnd(buf[i - 1])) {
                return i + 1;
            }
        }
        for (int i = filled - 1; i > floor; i--) {
            if (Character.isWhitespace(buf[i])) {
                return i + 1;
            }
        }
        int cut = filled;
        if (Character.isHighSurrogate(buf[cut - 1])) {
            cut--;
        }
        return cut;
    }

    /** A newline that ends a line with only whitespace since the previous newline. */
    private boolean isBlankLineBefore(int i) {
        for (int j = i - 1; j >= 0; j--) {
            char c = buf[j];
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '"' || c == '\u201d' || c == ')';
    }
}
