package org.despin.server;

import java.util.OptionalInt;

/**
 * What a client sent: a text ready to use, or a file whose text is still to be extracted; either
 * may carry the number of sources wanted ({@code top}, used by the source endpoint only).
 */
sealed interface Submission {
    /** How many sources the client asked for in the body (JSON {@code "top"} or a multipart "top" field). */
    OptionalInt top();

    /** A text sent as text/plain, as JSON {@code {"text": ...}} or as a multipart "text" field. */
    record Pasted(String text, OptionalInt top) implements Submission {
    }

    /** A file uploaded as multipart/form-data; extracted on a worker thread (PDF parsing is CPU work). */
    record Uploaded(String fileName, byte[] content, OptionalInt top) implements Submission {
    }
}
