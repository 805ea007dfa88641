package org.despin.data.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.despin.data.ComponentBuild;
import org.despin.data.DataPaths;
import org.despin.data.corpus.PackagedResource;
import org.despin.model.ModelFile;
import org.junit.jupiter.api.Test;

/**
 * Two default LM builds give the same bytes. Slow (two full builds): runs only with
 * {@code -Ddespin.bench=true}:
 * <pre>
 * mvn -q -B -o -pl despin-core,despin-data test -Dtest=DefaultLmBuildDeterminismBench -Ddespin.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class DefaultLmBuildDeterminismBench {
    @Test
    void twoBuildsWriteTheSameBytes() throws Exception {
        assumeTrue(Boolean.getBoolean("despin.bench"), "bench only: -Ddespin.bench=true");
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        String first = buildOnce(paths, Path.of("target", "determinism-1.despin"));
        String second = buildOnce(paths, Path.of("target", "determinism-2.despin"));
        System.out.println("default LM model file sha256: " + first + " / " + second);
        assertEquals(first, second);
    }

    private static String buildOnce(DataPaths paths, Path out) throws Exception {
        long start = System.nanoTime();
        ComponentBuild lm = DefaultLmBuild.build(paths);
        try (ModelFile.Writer w = new ModelFile.Writer(out)) {
            w.section(lm.sectionName(), lm.body());
            w.finish(lm.metadata());
        }
        System.out.printf("DefaultLmBuild.build + write: %.1f s, %d bytes%n", (System.nanoTime() - start) / 1e9, Files.size(out));
        return PackagedResource.sha256(Files.readAllBytes(out));
    }
}
