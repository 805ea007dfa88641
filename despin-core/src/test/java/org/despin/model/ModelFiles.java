package org.despin.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Model files for tests of one section's format: the file holds that section alone and no metadata. */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** Writes {@code file} with the one section {@code name}; returns the file. */
    public static Path withSection(Path file, String name, ModelFile.SectionBody body) throws IOException {
        try (ModelFile.Writer w = new ModelFile.Writer(file)) {
            w.section(name, body);
            w.finish(Map.of());
        }
        return file;
    }
}
