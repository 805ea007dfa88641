package org.despin.cli.scan;

import org.despin.cli.input.InputException;
import org.despin.cli.input.TextSource;

/**
 * One document found in the inputs, not yet read or checked: opening its text is left to a
 * worker thread, so that reading files and extracting HTML run in parallel with checking.
 *
 * @param id the document's id in the output (a path, a JSONL id or file:line, a URL and record id)
 * @param source the file it comes from
 * @param inputBytes how far this document moves through the input files (for progress only)
 * @param heldBytes how much of it is held in memory until a worker takes it (a JSONL line, an archive record)
 * @param content opens the document's text
 */
public record ScanItem(String id, String source, long inputBytes, long heldBytes, Content content) {

    /** Opens a document's text; a problem is a failure of this document only. */
    @FunctionalInterface
    public interface Content {
        TextSource open() throws InputException, DocumentFailure;
    }

    /** A document known to be bad before it is read (a corrupt gzip stream, an over-long line). */
    static ScanItem failed(String id, String source, long inputBytes, ScanStatus status, String problem) {
        return new ScanItem(id, source, inputBytes, 0, () -> {
            throw new DocumentFailure(status, problem);
        });
    }
}
