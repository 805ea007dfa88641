package org.despin.lm.build;

import java.io.IOException;

/** A sequence of fixed-width int records read in order; {@link #record()} is reused by every {@link #next()}. */
interface RecordCursor extends AutoCloseable {
    /** Moves to the next record; false at the end. */
    boolean next() throws IOException;

    /** The current record (valid until the next call of {@link #next()}). */
    int[] record();

    @Override
    void close() throws IOException;
}
