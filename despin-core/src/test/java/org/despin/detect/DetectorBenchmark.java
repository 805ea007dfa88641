package org.despin.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.despin.DespinException;
import org.despin.model.Model;
import org.despin.model.Models;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link Detector#check} on one thread, after the model is loaded. The text is a
 * 321-word news passage (test resource {@code bench-news.txt}); words/s = ops/s x 321. Uses the
 * model file named by the system property {@code despin.model}, else the toy model of the tests.
 * How to run: docs/detector.md ("Speed").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class DetectorBenchmark {
    private Detector detector;
    private String text;

    @Setup
    public void setUp() throws IOException, DespinException {
        String path = System.getProperty("despin.model", "");
        Model model = path.isEmpty() ? ToyModel.news() : Models.load(Path.of(path));
        detector = new Detector(model);
        text = benchText();
    }

    static String benchText() throws IOException {
        try (InputStream in = DetectorBenchmark.class.getResourceAsStream("bench-news.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public Report check() {
        return detector.check(text, CheckOptions.DEFAULTS);
    }
}
