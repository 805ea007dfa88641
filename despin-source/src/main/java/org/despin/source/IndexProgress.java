package org.despin.source;

/** Progress of indexing, by input bytes read. Called from the indexing thread; keep it cheap. */
@FunctionalInterface
public interface IndexProgress {
    /** Reports nothing. */
    IndexProgress NONE = (doneBytes, totalBytes, documents) -> { };

    /**
     * @param doneBytes input bytes read so far
     * @param totalBytes input bytes in all (known before reading starts)
     * @param documents sources added so far
     */
    void update(long doneBytes, long totalBytes, long documents);
}
