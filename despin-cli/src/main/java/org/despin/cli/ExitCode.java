package org.despin.cli;

/**
 * The exit codes of the {@code despin} command, documented in the README and in {@code --help}.
 * Scripts rely on them, so a code never changes meaning.
 */
public final class ExitCode {
    /** Everything worked (and, with {@code --fail-on-spun}, nothing was called spun). */
    public static final int OK = 0;
    /** {@code --fail-on-spun} was given and at least one input was called spun. */
    public static final int SPUN = 1;
    /** A command-line option or argument is wrong. */
    public static final int USAGE = 2;
    /** The input (or every input) could not be read: missing, a directory, binary, not UTF-8, empty, too long. */
    public static final int INPUT = 3;
    /** The model is missing, corrupt, truncated, foreign or of another format version. */
    public static final int MODEL = 4;
    /** An output could not be written. */
    public static final int OUTPUT = 5;
    /** Several inputs were given and some of them could not be read; the others were processed. */
    public static final int SOME_INPUTS_FAILED = 6;
    /** An unexpected internal error (a bug): run again with {@code --debug} and report it. */
    public static final int INTERNAL = 70;


    private ExitCode() {
    }
}
