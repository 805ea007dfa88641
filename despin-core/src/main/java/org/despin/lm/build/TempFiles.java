package org.despin.lm.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Names the estimator's temporary files in one folder and deletes whatever is left of them on close. */
final class TempFiles implements AutoCloseable {
    private final Path dir;
    private final String prefix;
    private final List<Path> created = new ArrayList<>();
    private int next;

    TempFiles(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
    }

    /** A new file name in the folder (the file itself is not created). */
    synchronized Path create(String name) {
        Path p = dir.resolve(prefix + "-" + (next++) + "-" + name + ".bin");
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
        if (first != null) {
            throw first;
        }
    }
}
