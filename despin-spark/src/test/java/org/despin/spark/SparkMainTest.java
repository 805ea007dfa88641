package org.despin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point: options, exit codes and the summary (Spark's master from the spark.master property, as spark-submit sets it). */
class SparkMainTest {
    @TempDir
    Path dir;

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        int code = SparkMain.run(args, new PrintWriter(err, true));
        return new Run(code, err.toString());
    }

    @Test
    void scanRunsAJobAndSummarisesItsStatuses() throws Exception {
        Path model = SmallModel.build(dir);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "The Protection Council met on Tuesday.\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b.txt"), "", StandardCharsets.UTF_8);
        String before = System.getProperty("spark.master");
        System.setProperty("spark.master", "local[2]");
        System.setProperty("spark.ui.enabled", "false");
        try {
            Run r = run("scan", in.toString(), "--out", dir.resolve("out").toString(), "--model", model.toString(),
                    "--format", "parquet");
            assertEquals(6, r.code(), r.err()); // one document could not be checked
            assertTrue(r.err().contains("scanned: 2 documents"), r.err());
            assertTrue(r.err().matches("(?s).*\n  empty +1\n  ok +1\n.*"), r.err());
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
            System.clearProperty("spark.ui.enabled");
        }
    }

    @Test
    void scanExecutorsGetTheFirstTierCompilerUnlessTheSubmitterChose() {
        assertEquals(java.util.Map.of("spark.executor.extraJavaOptions", "-XX:TieredStopAtLevel=1"),
                SparkMain.executorDefaults("scan", java.util.Map.of("spark.master", "yarn")));
        assertEquals(java.util.Map.of(),
                SparkMain.executorDefaults("scan", java.util.Map.of("spark.executor.extraJavaOptions", "-Xss4m")));
        assertEquals(java.util.Map.of(), SparkMain.executorDefaults("train", java.util.Map.of()));
    }

    @Test
    void badOptionsFailBeforeAnySparkWork() {
        assertEquals(4, run("scan", "x", "--out", "y", "--model", "").code());
        Run r = run("scan", "x", "--out", "y", "--model", "m", "--format", "csv");
        assertEquals(2, r.code());
        assertEquals("despin-spark: --format must be jsonl or parquet, got csv\n", r.err());
        assertEquals(4, run("train", "x", "--out", "y", "--mix-default", "0.5").code());
        assertEquals(2, run("train").code());
    }
}
