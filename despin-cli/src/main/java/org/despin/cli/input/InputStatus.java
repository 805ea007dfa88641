package org.despin.cli.input;

import java.util.Locale;

/** Why an input could not be checked; serialised in the {@code "status"} field of a JSON line. */
public enum InputStatus {
    MISSING, DIRECTORY, UNREADABLE, BINARY, INVALID_UTF8, EMPTY, TOO_LONG,
    /** Read, but the check failed (a bug: the message names the exception); in a batch the other inputs still run. */
    ERROR;

    /** The label used in JSON ("invalid-utf8", "too-long", ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
