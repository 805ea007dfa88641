package org.despin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.despin.cli.scan.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark scan over the README's examples with the full default model ({@code -Ddespin.model}),
 * against {@code despin scan}: the same lines apart from order. Skipped without the model unless
 * {@code -Ddespin.requireModel=true}.
 */
class DefaultModelScanTest {
    @TempDir
    Path dir;

    @Test
    void theExamplesScanAsDespinScanScansThem() throws Exception {
        String model = System.getProperty("despin.model", "");
        if (!Boolean.getBoolean("despin.requireModel")) {
            assumeTrue(!model.isBlank(), "no -Ddespin.model");
        }
        assertTrue(Files.isRegularFile(Path.of(model)), "no model at -Ddespin.model=" + model);
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        List<Path> inputs = List.of(examples.resolve("spun-news.txt"), examples.resolve("clean-news.txt"),
                examples.resolve("clean-encyclopedia.txt"));
        SparkSession spark = LocalSpark.start("DefaultModelScanTest");
        try {
            Path out = dir.resolve("out");
            new ScanJob(spark).run(new ScanSettings(inputs.stream().map(Path::toString).toList(), List.of(), out.toString(),
                    ScanSettings.OutputFormat.JSONL, model, "text", "id", "text", null, Scanner.Settings.DEFAULT_MAX_RECORD_BYTES));
            assertEquals(ScanJobTest.despinScanWith(Path.of(model), dir, inputs.toArray(new Path[0])), ScanJobTest.sparkLines(out));
        } finally {
            spark.stop();
        }
    }
}
