package org.despin.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output: a writer that, unlike {@link PrintWriter}, remembers why its stream failed, so that a
 * reader that went away ({@code despin check big.txt | head}: the pipe's reader closed it) can be told from a full disk
 * or a closed descriptor ({@code > /dev/full}, {@code >&-}). Both still end the command with
 * {@link ExitCode#OUTPUT}; only the first is silent, as Unix tools stopped by a closed pipe are.
 */
final class StandardOutput extends PrintWriter {
    private final Recording stream;

    StandardOutput(OutputStream out) {
        this(new Recording(out));
    }

    private StandardOutput(Recording stream) {
        super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
        this.stream = stream;
    }

    /** Whether a write failed because the reader of the pipe closed it (EPIPE, "Broken pipe"). */
    boolean readerClosed() {
        IOException e = stream.failure;
        return e != null && e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    /** The stream beneath, keeping its first write error. */
    private static final class Recording extends FilterOutputStream {
        private volatile IOException failure;

        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw kept(e);
            }
        }

        private IOException kept(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
