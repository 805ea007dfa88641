package org.despin;

/**
 * The one checked root for errors that abort a run: a missing or unreadable input, a bad option,
 * a corrupt or foreign model file. The command line maps it to a one-line message and
 * {@link #exitCode()}; the server maps it to a 4xx JSON error. Per-document problems inside a
 * batch are not exceptions but recorded states (see {@code org.despin.detect.DocumentStatus}).
 */
public class DespinException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides the exit code. */
    public enum Kind {
        /** A command-line option or argument is wrong. Exit code 2. */
        USAGE(2),
        /** An input file is missing, a directory, unreadable, not text or not UTF-8. Exit code 3. */
        INPUT(3),
        /** A model or data file is missing, truncated, foreign or of another format version. Exit code 4. */
        MODEL(4),
        /** Writing an output failed. Exit code 5. */
        OUTPUT(5);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public DespinException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DespinException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return kind.exitCode();
    }
}
