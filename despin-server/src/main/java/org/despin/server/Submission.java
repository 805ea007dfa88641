package org.despin.server;

/** What a client sent to check: a text ready to use, or a file whose text is still to be extracted. */
sealed interface Submission {
    /** A text sent as text/plain, as JSON {@code {"text": ...}} or as a multipart "text" field. */
    record Pasted(String text) implements Submission {
    }

    /** A file uploaded as multipart/form-data; extracted on a worker thread (PDF parsing is CPU work). */
    record Uploaded(String fileName, byte[] content) implements Submission {
    }
}
