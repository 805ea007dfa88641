package org.despin.cli.render;

import java.io.IOException;
import org.despin.cli.CheckedDocument;
import org.despin.cli.input.InputException;

/**
 * Writes check results in one output format, one input at a time, in input order. Each call
 * flushes what it wrote, so a later failure loses nothing already done.
 */
public interface Renderer {
    /** One checked input. */
    void document(CheckedDocument document) throws IOException;

    /** One input that could not be checked (its one-line message also goes to standard error). */
    void failure(InputException problem) throws IOException;

    /** After the last input. */
    void finish() throws IOException;
}
