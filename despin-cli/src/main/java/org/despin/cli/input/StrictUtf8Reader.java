package org.despin.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly while streaming: a malformed or unmappable byte sequence fails with
 * its byte offset, a NUL byte or a high share of control characters in the first block fails as
 * binary data, and a leading byte-order mark is dropped (offsets count from after it). The
 * failures are {@link InputIOException}s that carry an {@link InputException}, because
 * {@link Reader#read} may only throw IOExceptions.
 */
public final class StrictUtf8Reader extends Reader {
    /** Bytes looked at to tell binary data from text. */
    static final int SNIFF_BYTES = 8192;
    /** Control characters (other than tab, newlines, form feed, escape) above this share of the first block mean binary data. */
    static final double MAX_CONTROL_SHARE = 0.10;

    private final String source;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private long consumed; // bytes the decoder has consumed so far
    private boolean sniffed;
    private boolean eof;
    private boolean flushed;
    private boolean first = true;

    /** @param source the input's name as given, for messages */
    public StrictUtf8Reader(String source, InputStream in) {
        this.source = source;
        this.in = in;
        chars.flip();
        bytes.flip();
    }

    /** A failure found while reading, carried through the Reader API. */
    public static final class InputIOException extends IOException {
        private static final long serialVersionUID = 1L;
        private final InputException problem;

        InputIOException(InputException problem) {
            super(problem.getMessage());
            this.problem = problem;
        }

        public InputException problem() {
            return problem;
        }
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    private void fill() throws IOException {
        if (!eof) {
            bytes.compact();
            int n;
            try {
                n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            } catch (IOException e) {
                throw fail(InputStatus.UNREADABLE, "cannot read: " + e.getMessage());
            }
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            if (!sniffed && (bytes.remaining() >= SNIFF_BYTES || eof)) {
                sniff();
            }
            if (!sniffed) {
                return; // keep filling until there is enough to tell text from binary
            }
            checkNoNul();
        }
        chars.clear();
        int before = bytes.position();
        CoderResult r = decoder.decode(bytes, chars, eof);
        consumed += bytes.position() - before;
        if (r.isError()) {
            throw fail(InputStatus.INVALID_UTF8, "invalid UTF-8 at byte offset " + consumed);
        }
        if (eof && !bytes.hasRemaining() && r.isUnderflow()) {
            decoder.flush(chars);
            flushed = true;
        }
        chars.flip();
        if (first && chars.hasRemaining()) {
            first = false;
            if (chars.get(0) == '\uFEFF') {
                chars.get();
            }
        }
    }

    private void sniff() throws InputIOException {
        sniffed = true;
        InputException binary = binary(source, bytes.array(), Math.min(bytes.remaining(), SNIFF_BYTES));
        if (binary != null) {
            throw new InputIOException(binary);
        }
    }

    /** Why the first {@code n} bytes of an input are binary data (a NUL, many control bytes), or null when they read as text. */
    static InputException binary(String source, byte[] first, int n) {
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = first[i] & 0xff;
            if (b == 0) {
                return new InputException(source, InputStatus.BINARY, "binary data (NUL byte at byte offset " + i + "), not text");
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b || b == 0x7f) {
                control++;
            }
        }
        if (n > 0 && control > MAX_CONTROL_SHARE * n) {
            return new InputException(source, InputStatus.BINARY, "binary data (" + (100 * control / n) + "% control bytes), not text");
        }
        return null;
    }

    private void checkNoNul() throws InputIOException {
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            if (bytes.get(i) == 0) {
                throw fail(InputStatus.BINARY, "binary data (NUL byte at byte offset " + (consumed + i - bytes.position()) + "), not text");
            }
        }
    }

    private InputIOException fail(InputStatus status, String problem) {
        return new InputIOException(new InputException(source, status, problem));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
