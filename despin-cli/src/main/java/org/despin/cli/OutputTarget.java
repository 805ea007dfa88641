package org.despin.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.despin.DespinException;

/** Standard output, or the file of {@code --output}; write errors become {@link DespinException.Kind#OUTPUT}. */
final class OutputTarget {
    private OutputTarget() {
    }

    /** A writer to {@code file}, or to standard output (left open) when {@code file} is null. */
    static Writer open(Path file, CliEnvironment env) throws DespinException {
        if (file == null) {
            return new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                    env.out().write(cbuf, off, len);
                }

                @Override
                public void write(String s) {
                    env.out().write(s);
                }

                @Override
                public void flush() throws IOException {
                    env.out().flush();
                    if (env.out().checkError()) {
                        throw new IOException("standard output is closed or full");
                    }
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        try {
            if (Files.isDirectory(file)) {
                throw new DespinException(DespinException.Kind.OUTPUT, file + ": is a directory; --output needs a file name");
            }
            return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    static DespinException failed(Path file, IOException e) {
        String where = file == null ? "<stdout>" : file.toString();
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such directory"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
        return new DespinException(DespinException.Kind.OUTPUT, where + ": cannot write: " + why, e);
    }
}
