package org.despin.cli.scan;

import java.io.IOException;

/** Receives the documents of the inputs in input order. */
@FunctionalInterface
public interface ItemSink {
    /** @throws IOException when the results cannot be written (the run stops) */
    void accept(ScanItem item) throws IOException, InterruptedException;
}
