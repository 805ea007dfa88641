package org.despin.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.despin.DespinException;
import org.despin.cli.scan.Scanner;
import org.despin.lm.TrainingReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The job jar's entry point for {@code spark-submit}: {@code scan} and {@code train}, with the
 * options of {@code despin scan} and {@code despin train}. The master and resources come from
 * {@code spark-submit}; this prints a short summary or a one-line error, and exits with
 * {@code despin}'s exit codes.
 *
 * <pre>
 * spark-submit --master spark://host:7077 --class org.despin.spark.SparkMain despin-spark-job.jar \
 *     scan hdfs-mounted/crawl/ --out /shared/results --model /shared/default.dspm
 * </pre>
 */
@Command(name = "despin-spark", mixinStandardHelpOptions = true, subcommands = {SparkMain.Scan.class, SparkMain.Train.class},
        description = "despin scan and despin train as Spark jobs (run with spark-submit).")
public final class SparkMain implements Runnable {
    private static final int INTERNAL = 70;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a job; the exit code. Messages and the summary go to {@code err}. */
    static int run(String[] args, PrintWriter err) {
        CommandLine cli = new CommandLine(new SparkMain());
        cli.setErr(err);
        cli.setOut(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof DespinException d) {
                err.println("despin-spark: " + d.getMessage());
                return d.kind().exitCode();
            }
            if (e instanceof IllegalArgumentException) {
                err.println("despin-spark: " + e.getMessage());
                return DespinException.Kind.USAGE.exitCode();
            }
            err.println("despin-spark: internal error: " + e);
            return INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a job: scan or train");
    }

    /**
     * The JVM options a {@code scan} executor gets unless the submitter set
     * {@code spark.executor.extraJavaOptions}: the first-tier compiler only, as {@code ./despin} runs the detector (the
     * full compiler spends seconds of CPU on the decoder's large methods for no faster code). {@code train}'s counting
     * loops want the full compiler, so it gets none.
     */
    static final String SCAN_EXECUTOR_OPTIONS = "-XX:TieredStopAtLevel=1";

    private static final String EXECUTOR_OPTIONS = "spark.executor.extraJavaOptions";

    /**
     * The settings this job adds to the submitter's: for {@code scan}, {@link #SCAN_EXECUTOR_OPTIONS} as the executors'
     * JVM options when {@code submitted} has none of its own; nothing otherwise (the submitter's options always win).
     */
    static Map<String, String> executorDefaults(String job, Map<String, String> submitted) {
        if (job.equals("scan") && !submitted.containsKey(EXECUTOR_OPTIONS)) {
            return Map.of(EXECUTOR_OPTIONS, SCAN_EXECUTOR_OPTIONS);
        }
        return Map.of();
    }

    private static SparkSession session(String job) {
        Map<String, String> submitted = new HashMap<>();
        for (scala.Tuple2<String, String> kv : new SparkConf().getAll()) {
            submitted.put(kv._1(), kv._2());
        }
        SparkSession.Builder builder = SparkSession.builder().appName("despin " + job);
        executorDefaults(job, submitted).forEach(builder::config);
        return builder.getOrCreate();
    }

    @Command(name = "scan", sortOptions = false, description = {
        "Checks every document of the inputs (folders of text files, .jsonl[.gz], .warc[.gz]; Parquet with --parquet) and writes "
            + "one result per document with despin scan's fields: JSON Lines exactly as despin scan writes them, or Parquet.",
        "Inputs and the model must be readable at the same path on every executor (shared storage), or the model shipped "
            + "with spark-submit --files."})
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "PATH", description = "folders (walked in sorted order) and files")
        List<String> paths = new ArrayList<>();

        @Option(names = "--parquet", paramLabel = "PATH", description = "Parquet files or folders, one document per row")
        List<String> parquet = new ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "the output folder (must not exist)")
        String out;

        @Option(names = "--format", paramLabel = "F", defaultValue = "jsonl", description = "jsonl or parquet (default ${DEFAULT-VALUE})")
        String format;

        @Option(names = "--model", paramLabel = "PATH", description = "the model file (default: $DESPIN_MODEL)")
        String model;

        @Option(names = "--text-field", paramLabel = "F", defaultValue = "text", description = "the JSONL field holding the text")
        String textField;

        @Option(names = "--id-field", paramLabel = "F", defaultValue = "id", description = "the JSONL field or Parquet column holding the id")
        String idField;

        @Option(names = "--text-column", paramLabel = "C", defaultValue = "text", description = "the Parquet column holding the text")
        String textColumn;

        @Option(names = "--min-confidence", paramLabel = "P", description = "report only findings at least this sure (0-1)")
        Double minConfidence;

        @Override
        public Integer call() throws DespinException {
            String m = model != null ? model : System.getenv("DESPIN_MODEL");
            if (m == null || m.isBlank()) {
                throw new DespinException(DespinException.Kind.MODEL, "no model: pass --model PATH or set DESPIN_MODEL");
            }
            ScanSettings.OutputFormat f = switch (format.toLowerCase(Locale.ROOT)) {
                case "jsonl" -> ScanSettings.OutputFormat.JSONL;
                case "parquet" -> ScanSettings.OutputFormat.PARQUET;
                default -> throw new DespinException(DespinException.Kind.USAGE, "--format must be jsonl or parquet, got " + format);
            };
            ScanSettings settings = new ScanSettings(paths, parquet, out, f, m, textField, idField, textColumn, minConfidence,
                    Scanner.Settings.DEFAULT_MAX_RECORD_BYTES);
            SparkSession spark = session("scan");
            try {
                ScanJob job = new ScanJob(spark);
                long started = System.nanoTime();
                job.run(settings);
                double seconds = (System.nanoTime() - started) / 1e9;
                Map<String, Long> counts = job.countByStatus(settings);
                long documents = counts.values().stream().mapToLong(Long::longValue).sum();
                spec.commandLine().getErr().printf(Locale.ROOT, "scanned: %,d documents in %.1f s to %s%n", documents, seconds, out);
                counts.forEach((status, n) -> spec.commandLine().getErr().printf(Locale.ROOT, "  %-13s %,d%n", status, n));
                return documents > 0 && counts.getOrDefault("ok", 0L) < documents ? 6 : 0;
            } finally {
                spark.stop();
            }
        }
    }

    @Command(name = "train", sortOptions = false, description = {
        "Trains a language model like despin train (the same model file, byte for byte): n-grams counted on the executors, "
            + "the model estimated and written by the driver."})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "CORPUS", description = "plain-text or .jsonl/.ndjson files, or folders of them")
        List<String> corpora;

        @Option(names = "--out", required = true, paramLabel = "MODEL", description = "the model file to write (on the driver)")
        String out;

        @Option(names = "--order", paramLabel = "N", defaultValue = "4", description = "n-gram order (default ${DEFAULT-VALUE})")
        int order;

        @Option(names = "--text-field", paramLabel = "F", defaultValue = "text", description = "the JSONL field that holds the text")
        String textField;

        @Option(names = "--model", paramLabel = "PATH", description = "the base model whose lexicon and terms are copied and whose names are joined with the text's")
        String base;

        @Option(names = "--mix-default", paramLabel = "λ", description = "interpolate the base model's language model with this weight")
        Double mix;

        @Option(names = "--memory", paramLabel = "MB", defaultValue = "512",
                description = "the driver's sort buffers for the estimate (default ${DEFAULT-VALUE})")
        long memoryMb;

        @Override
        public Integer call() throws DespinException {
            if (mix != null && base == null) {
                throw new DespinException(DespinException.Kind.MODEL, "--mix-default needs a base model: pass --model FILE");
            }
            TrainSettings settings = new TrainSettings(corpora, out, order, textField, base, mix == null ? 0 : mix, memoryMb << 20);
            SparkSession spark = session("train");
            try {
                TrainingReport r = new TrainJob(spark).run(settings);
                for (TrainingReport.Skipped s : r.skipped()) {
                    spec.commandLine().getErr().println("despin-spark: " + s.file() + ": skipped: " + s.reason());
                }
                spec.commandLine().getErr().printf(Locale.ROOT, "model: %s (%,d bytes); read %d files, %,d sentences, %,d words%n", out,
                        r.modelBytes(), r.filesRead().size(), r.sentences(), r.words());
                return 0;
            } finally {
                spark.stop();
            }
        }
    }
}
