package org.despin.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.RowEncoder;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.despin.DespinException;
import org.despin.cli.DocumentChecker;
import org.despin.cli.input.TextSource;
import org.despin.cli.render.ReportJson;
import org.despin.cli.scan.DocumentFailure;
import org.despin.cli.scan.DocumentScan;
import org.despin.cli.scan.InputFiles;
import org.despin.cli.scan.ScanItem;
import org.despin.cli.scan.ScanStatus;
import org.despin.detect.CheckOptions;
import org.despin.detect.Detector;

/**
 * {@code despin scan} as a Spark job: the same documents, checked by the same code into the same
 * result lines, spread over the executors.
 *
 * <ol>
 * <li>The driver lists the input files as {@code despin scan} does (folders walked in sorted
 * order) and spreads the list over tasks; nothing else about the inputs is read on the driver.</li>
 * <li>Each task reads its files with {@code despin scan}'s readers (text, JSONL, WARC) and checks
 * every document into its result line with the executor's model ({@link ExecutorModels}); Parquet
 * inputs are read by Spark, a row per document. A document that cannot be checked gets its status
 * in its line; no document fails the job.</li>
 * <li>An id seen more than once gets "#2", "#3"... in input order, as in {@code despin scan}
 * (a shuffle by id, no result goes to the driver), and the lines are written by the executors:
 * JSON Lines byte for byte as {@code despin scan} writes them, or Parquet with the same fields.</li>
 * </ol>
 */
public final class ScanJob {
    /** A document's line before repeated ids are numbered: its place in the input order, its id and its line. */
    static final StructType LINES = new StructType()
            .add("fileIndex", DataTypes.IntegerType, false)
            .add("source", DataTypes.StringType, false)
            .add("ordinal", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, false)
            .add("line", DataTypes.StringType, false);

    /** The fields of a result line ({@code despin scan}'s ScanLine), as Parquet columns. */
    public static final StructType RESULT = new StructType()
            .add("id", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("verdict", DataTypes.StringType)
            .add("spinScore", DataTypes.DoubleType)
            .add("words", DataTypes.IntegerType)
            .add("findings", DataTypes.IntegerType)
            .add("top", DataTypes.createArrayType(new StructType()
                    .add("start", DataTypes.IntegerType)
                    .add("end", DataTypes.IntegerType)
                    .add("text", DataTypes.StringType)
                    .add("suggestion", DataTypes.StringType)
                    .add("confidence", DataTypes.DoubleType)))
            .add("error", DataTypes.StringType);

    private final SparkSession spark;

    public ScanJob(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Scans the inputs and writes the results to {@code settings.output()} (a folder that must not exist).
     *
     * @throws DespinException when an input path does not exist or the model cannot be loaded (checked on the driver, before any task)
     */
    public void run(ScanSettings settings) throws DespinException {
        ExecutorModels.detector(settings.model()); // a bad model fails here, once, not in every task
        List<Path> paths = new ArrayList<>();
        for (String in : settings.inputs()) {
            paths.add(Path.of(in));
        }
        List<Path> files = paths.isEmpty() ? List.of() : InputFiles.list(paths);
        List<Row> fileRows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            fileRows.add(RowFactory.create(i, files.get(i).toString()));
        }
        StructType fileSchema = new StructType().add("fileIndex", DataTypes.IntegerType, false)
                .add("path", DataTypes.StringType, false);
        Dataset<Row> lines = spark.createDataFrame(List.of(), LINES);
        if (!fileRows.isEmpty()) {
            // files are the unit of work: as many tasks as Spark would run at once, several times over, for balance
            int tasks = Math.max(1, Math.min(fileRows.size(), 4 * spark.sparkContext().defaultParallelism()));
            lines = spark.createDataFrame(fileRows, fileSchema).repartition(tasks)
                    .mapPartitions(new CheckFiles(settings), RowEncoder.encoderFor(LINES));
        }
        if (!settings.parquetInputs().isEmpty()) {
            lines = lines.unionByName(parquetLines(settings, files.size()));
        }
        Dataset<String> numbered = lines
                .withColumn("n", row_number().over(Window.partitionBy("id").orderBy("fileIndex", "source", "ordinal")))
                .map((MapFunction<Row, String>) r -> numberedLine(r.getString(r.fieldIndex("id")),
                        r.getInt(r.fieldIndex("n")), r.getString(r.fieldIndex("line"))), Encoders.STRING());
        switch (settings.format()) {
            case JSONL -> numbered.write().text(settings.output());
            case PARQUET -> numbered.select(from_json(col("value"), RESULT).alias("r")).select("r.*")
                    .write().parquet(settings.output());
        }
    }

    /** Parquet rows as documents: the id column when there is one, else "file:row" (counting from 1). */
    private Dataset<Row> parquetLines(ScanSettings settings, int afterFiles) {
        Dataset<Row> in = spark.read().parquet(settings.parquetInputs().toArray(new String[0]));
        boolean hasId = List.of(in.columns()).contains(settings.idField());
        Dataset<Row> docs = in.select(
                col(settings.parquetTextColumn()).cast(DataTypes.StringType).alias("text"),
                hasId ? col(settings.idField()).cast(DataTypes.StringType).alias("docId") : lit(null).cast(DataTypes.StringType).alias("docId"),
                col("_metadata.file_path").alias("source"),
                col("_metadata.row_index").alias("ordinal"));
        return docs.mapPartitions(new CheckParquetRows(settings, afterFiles), RowEncoder.encoderFor(LINES));
    }

    /** The line with its id replaced by "id#n" for the n-th document with that id (n > 1), as {@code despin scan} numbers repeats. */
    static String numberedLine(String id, int n, String line) throws JsonProcessingException {
        String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        if (n == 1) {
            return body;
        }
        // every line starts {"id":<id>, written by the same Jackson generator
        String head = "{\"id\":" + ReportJson.MAPPER.writeValueAsString(id);
        if (!body.startsWith(head)) {
            throw new IllegalStateException("a result line that does not start with its id: " + body);
        }
        return "{\"id\":" + ReportJson.MAPPER.writeValueAsString(id + "#" + n) + body.substring(head.length());
    }

    /** The executor's checker: {@code despin scan}'s per-document step over the executor's model. */
    static DocumentScan documentScan(ScanSettings settings) throws DespinException {
        Detector detector = ExecutorModels.detector(settings.model());
        CheckOptions options = settings.minConfidence() == null ? CheckOptions.DEFAULTS
                : CheckOptions.DEFAULTS.withMinConfidence(settings.minConfidence());
        DocumentChecker checker = new DocumentChecker(detector::check);
        return new DocumentScan(text -> checker.check(text, options));
    }

    /** Reads and checks the files of a partition; one row out per document. */
    static final class CheckFiles implements MapPartitionsFunction<Row, Row>, Serializable {
        private static final long serialVersionUID = 1L;
        private final ScanSettings settings;

        CheckFiles(ScanSettings settings) {
            this.settings = settings;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> files) throws DespinException {
            DocumentScan scan = documentScan(settings);
            return new Iterator<>() {
                private Pulled<ScanItem> items;
                private int fileIndex;
                private String source;
                private long ordinal;

                @Override
                public boolean hasNext() {
                    while (items == null || !items.hasNext()) {
                        if (items != null) {
                            items.close();
                            items = null;
                        }
                        if (!files.hasNext()) {
                            return false;
                        }
                        Row f = files.next();
                        fileIndex = f.getInt(0);
                        source = f.getString(1);
                        ordinal = 0;
                        items = FileItems.of(Path.of(source), settings.scanner());
                    }
                    return true;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    ScanItem item = items.next();
                    return RowFactory.create(fileIndex, source, ordinal++, item.id(), scan.line(item));
                }
            };
        }
    }

    /** Checks Parquet rows (text, docId, source, ordinal); a row without text is an "error" line. */
    static final class CheckParquetRows implements MapPartitionsFunction<Row, Row>, Serializable {
        private static final long serialVersionUID = 1L;
        private final ScanSettings settings;
        private final int fileIndex;

        CheckParquetRows(ScanSettings settings, int fileIndex) {
            this.settings = settings;
            this.fileIndex = fileIndex;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) throws DespinException {
            DocumentScan scan = documentScan(settings);
            String column = settings.parquetTextColumn();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    String text = r.getString(0);
                    String source = r.getString(2);
                    long ordinal = r.getLong(3);
                    String id = r.isNullAt(1) ? source + ":" + (ordinal + 1) : r.getString(1);
                    ScanItem item = text == null
                            ? new ScanItem(id, source, 0, 0, () -> {
                                throw new DocumentFailure(ScanStatus.ERROR, "row " + (ordinal + 1) + " has no text in column '" + column + "'");
                            })
                            : new ScanItem(id, source, 0, 0, () -> TextSource.ofString(id, text));
                    return RowFactory.create(fileIndex, source, ordinal, id, scan.line(item));
                }
            };
        }
    }

    /** Counts of the result lines by status, read back from a JSONL or Parquet output (for the job's summary). */
    public Map<String, Long> countByStatus(ScanSettings settings) {
        Dataset<Row> out = settings.format() == ScanSettings.OutputFormat.PARQUET
                ? spark.read().parquet(settings.output()) : spark.read().schema(RESULT).json(settings.output());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Row r : out.groupBy("status").count().orderBy("status").collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }
}
