package org.despin.spark;

import java.io.IOException;
import java.nio.file.Path;
import org.despin.cli.scan.DocumentFailure;
import org.despin.cli.scan.DocumentScan;
import org.despin.cli.scan.ScanItem;
import org.despin.cli.scan.ScanStatus;
import org.despin.cli.scan.Scanner;

/**
 * The documents of one input file, pulled one at a time, as {@code despin scan}'s readers find
 * them ({@link DocumentScan#items}). A reader that fails part-way ends the file with an
 * "unreadable" document, as a corrupt archive does: no input fails the job.
 */
final class FileItems {
    /** Documents read ahead; each holds at most one record (a JSONL line, an archive body). */
    private static final int READ_AHEAD = 16;

    private FileItems() {
    }

    static Pulled<ScanItem> of(Path file, Scanner.Settings settings) {
        String name = file.toString();
        return new Pulled<>("despin-read", READ_AHEAD, sink -> {
            try {
                DocumentScan.items(file, settings, sink::put);
            } catch (IOException | RuntimeException e) {
                sink.put(new ScanItem(name + "@error", name, 0, 0, () -> {
                    throw new DocumentFailure(ScanStatus.UNREADABLE, "cannot read: " + e);
                }));
            }
        });
    }
}
