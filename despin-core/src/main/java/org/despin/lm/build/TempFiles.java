package org.despin.lm.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A temporary folder of its own for the estimator's files, made in a given folder (or the system's),
 * that names the files and deletes them and itself on close.
 */
final class TempFiles implements AutoCloseable {
    private final Path dir;
    private final List<Path> created = new ArrayList<>();
    private int next;

    TempFiles(Path parent, String prefix) throws IOException {
        this.dir = parent == null ? Files.createTempDirectory(prefix)
                : Files.createTempDirectory(Files.createDirectories(parent), prefix);
    }

    /** A new file name in the folder (the file itself is not created). */
    synchronized Path create(String name) {
        Path p = dir.resolve((next++) + "-" + name + ".bin");
        created.add(p);
        return p;
    }


    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (Path p : created) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        created.clear();
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
    }
}
