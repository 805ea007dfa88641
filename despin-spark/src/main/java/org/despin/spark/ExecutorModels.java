package org.despin.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.despin.DespinException;
import org.despin.detect.Detector;
import org.despin.model.Models;

/**
 * The model of each executor JVM, loaded once (memory-mapped, so the page cache holds one copy
 * per machine) on the first task that needs it and shared by all the tasks of that JVM. Keyed by
 * path so that one JVM can serve jobs with different models. Tasks ship only the path: a
 * broadcast would copy the whole model into every executor's heap.
 *
 * <p>The only static mutable state of despin, and kept here on purpose: a Spark executor has no
 * other place that lives longer than a task.
 */
final class ExecutorModels {
    private static final ConcurrentHashMap<String, Detector> DETECTORS = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /** The detector over the model at {@code model}, loading it on first use in this JVM. */
    static Detector detector(String model) throws DespinException {
        Detector d = DETECTORS.get(model);
        if (d != null) {
            return d;
        }
        synchronized (DETECTORS) {
            d = DETECTORS.get(model);
            if (d == null) {
                d = new Detector(Models.load(locate(model)));
                DETECTORS.put(model, d);
            }
            return d;
        }
    }

    /**
     * The model file on this machine: the path itself when it exists here (shared storage, or the
     * same local path on every node), else the copy that {@code spark-submit --files} placed in
     * the task's working folder under the same file name.
     */
    static Path locate(String model) throws DespinException {
        Path p = Path.of(model);
        if (Files.isRegularFile(p)) {
            return p;
        }
        String shipped;
        try {
            shipped = SparkFiles.get(p.getFileName().toString());
        } catch (RuntimeException e) {
            shipped = null; // no Spark context on this JVM (a driver-less test)
        }
        if (shipped != null && Files.isRegularFile(Path.of(shipped))) {
            return Path.of(shipped);
        }
        throw new DespinException(DespinException.Kind.MODEL, model + ": no such model file on this executor; put it on storage"
                + " every node can read, or ship it with spark-submit --files");
    }
}
