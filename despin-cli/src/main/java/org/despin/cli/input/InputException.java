package org.despin.cli.input;

import org.despin.DespinException;

/**
 * One input cannot be checked. In a batch this becomes that input's status line and the others
 * go on; for a single input it aborts the run with {@link DespinException.Kind#INPUT}.
 */
public final class InputException extends DespinException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final InputStatus status;
    private final String problem;

    /**
     * @param source the input's name as the user gave it ({@code -} for standard input)
     * @param status the kind of problem
     * @param problem what is wrong, for a person
     */
    public InputException(String source, InputStatus status, String problem) {
        super(Kind.INPUT, displayName(source) + ": " + problem);
        this.source = source;
        this.status = status;
        this.problem = problem;
    }

    /** How an input is named in messages: standard input is "&lt;stdin&gt;". */
    public static String displayName(String source) {
        return "-".equals(source) ? "<stdin>" : source;
    }

    public String source() {
        return source;
    }

    public InputStatus status() {
        return status;
    }

    public String problem() {
        return problem;
    }
}
