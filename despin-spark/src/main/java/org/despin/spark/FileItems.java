package org.despin.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.despin.cli.scan.DocumentFailure;
import org.despin.cli.scan.DocumentScan;
import org.despin.cli.scan.ScanItem;
import org.despin.cli.scan.ScanStatus;
import org.despin.cli.scan.Scanner;

/**
 * The documents of one input file, pulled one at a time, as {@code despin scan}'s readers find
 * them. The readers push ({@link DocumentScan#items}); a reader thread pushes into a short queue
 * that the task pulls from, so a file of a million JSONL lines is never held whole, and reading
 * runs alongside checking. A reader that fails part-way ends the file with an "unreadable"
 * document, as a corrupt archive does.
 */
final class FileItems implements Iterator<ScanItem>, AutoCloseable {
    /** Documents read ahead; each holds at most one record (a JSONL line, an archive body). */
    private static final int READ_AHEAD = 16;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(READ_AHEAD);
    private final Thread reader;
    private Object next;

    FileItems(Path file, Scanner.Settings settings) {
        String name = file.toString();
        reader = new Thread(() -> {
            try {
                try {
                    DocumentScan.items(file, settings, queue::put);
                } catch (IOException | RuntimeException e) {
                    queue.put(new ScanItem(name + "@error", name, 0, 0, () -> {
                        throw new DocumentFailure(ScanStatus.UNREADABLE, "cannot read: " + e);
                    }));
                }
                queue.put(END);
            } catch (InterruptedException e) {
                // the task ended early: stop reading
            }
        }, "despin-read-" + file.getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading", e);
            }
        }
        return next != END;
    }

    @Override
    public ScanItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ScanItem item = (ScanItem) next;
        next = null;
        return item;
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
