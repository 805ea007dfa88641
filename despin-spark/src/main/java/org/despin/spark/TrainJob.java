package org.despin.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.RowEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.despin.DespinException;
import org.despin.cli.scan.InputFiles;
import org.despin.lexicon.TitleCasePairs;
import org.despin.lm.LmTrainer;
import org.despin.lm.TrainingReport;
import org.despin.lm.build.SortedNgramModel;
import org.despin.lm.build.StreamingKneserNeyEstimator;

/**
 * {@code despin train} as a Spark job, writing the same model file byte for byte.
 *
 * <ol>
 * <li>Counting, on the executors: each task reads its files with {@code despin train}'s reader
 * ({@link LmTrainer#inspect}, {@link LmTrainer#readSentences}: the same paragraphs, JSONL field
 * and tokeniser) and emits, for every position of every sentence, the longest n-gram ending
 * there (full order, or shorter when it reaches back to {@code <s>}), as {@code despin train}'s
 * counter does. Spark sums the counts per n-gram, combining on the map side first, so frequent
 * n-grams are no hot key.</li>
 * <li>Estimation and writing, on the driver: the vocabulary (sorted, distinct words), then the
 * merged counts are streamed to the driver ({@code toLocalIterator}, one partition at a time)
 * into {@code despin train}'s estimator, which sorts them on disk within the trainer's memory
 * budget ({@link StreamingKneserNeyEstimator}), and its writer ({@link LmTrainer#writeModel}).
 * This single-writer step is what a model file is: one file, written once; the counts never sit
 * on the driver as a collection. The estimator makes word ids canonical, so the bytes do not
 * depend on the order the counts arrive in.</li>
 * </ol>
 *
 * <p>Each file's figures (size, SHA-256, sentences, words, lines without text, or why it was
 * skipped) travel in the same stream as rows whose key starts with NUL, which no n-gram can (a
 * file with a NUL byte is not used), so they arrive first and counting reads the corpus once. So do
 * the title-case pairs for the names section: the reader counts each file's ({@link TitleCasePairs},
 * as {@code despin train} does over the same texts), its task emits one row per pair keyed
 * {@code NUL "names" NUL pair}, Spark sums them like the n-grams, and the driver hands the sums to the
 * writer in {@link LmTrainer.Counted#names}.
 */
public final class TrainJob {
    /** Separates the words of an n-gram key; a NUL cannot be in a word of a usable file. */
    static final char SEPARATOR = '\u0000';
    static final StructType COUNTS = new StructType()
            .add("key", DataTypes.StringType, false)
            .add("count", DataTypes.LongType, false);
    /** Starts the key of a title-case pair's count row; a file index is digits, so no figure's key starts so. */
    static final String NAMES_KEY = SEPARATOR + "names" + SEPARATOR;
    /** Sentences handed from a file's reader to its task ahead of counting. */
    private static final int READ_AHEAD = 256;

    private final SparkSession spark;

    public TrainJob(SparkSession spark) {
        this.spark = spark;
    }

    /** Trains on the inputs and writes the model file; the report is {@code despin train}'s. */
    public TrainingReport run(TrainSettings settings) throws DespinException {
        LmTrainer trainer = settings.trainer();
        List<Path> files = files(settings.inputs());
        List<Row> fileRows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            fileRows.add(RowFactory.create(i, files.get(i).toString()));
        }
        StructType fileSchema = new StructType().add("fileIndex", DataTypes.IntegerType, false)
                .add("path", DataTypes.StringType, false);
        int tasks = Math.max(1, Math.min(fileRows.size(), 4 * spark.sparkContext().defaultParallelism()));
        // read twice by the driver (the vocabulary, then the counts): kept on the executors' disks, not recounted
        Dataset<Row> merged = spark.createDataFrame(fileRows, fileSchema).repartition(tasks)
                .mapPartitions(new CountFiles(settings), RowEncoder.encoderFor(COUNTS))
                .groupBy("key").agg(sum("count").alias("count"))
                .persist(StorageLevel.DISK_ONLY());
        try {
            List<String> vocabulary = vocabulary(merged);
            Path tmp = trainer.newTempDir();
            try (StreamingKneserNeyEstimator kn = new StreamingKneserNeyEstimator(settings.order(), vocabulary, tmp,
                    trainer.options().memoryBudgetBytes())) {
                TreeMap<String, Integer> names = new TreeMap<>();
                Map<Integer, FileFigures> figures = feed(merged, vocabulary, kn, names);
                LmTrainer.Counted counted = counted(trainer, files, figures, names);
                try (SortedNgramModel estimate = kn.estimate()) {
                    return trainer.writeModel(estimate, counted, Path.of(settings.output()));
                }
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.OUTPUT, tmp + ": cannot write the estimate's temporary files: "
                        + e.getMessage(), e);
            } finally {
                LmTrainer.deleteQuietly(tmp);
            }
        } finally {
            merged.unpersist();
        }
    }

    /** Every word of the counted n-grams (with {@code <s>} and {@code </s>}), sorted; the estimator's ids index it. */
    private static List<String> vocabulary(Dataset<Row> merged) {
        Dataset<String> words = merged.select(col("key")).as(Encoders.STRING())
                .filter((FilterFunction<String>) k -> k.charAt(0) != SEPARATOR)
                .flatMap((FlatMapFunction<String, String>) k -> List.of(k.split(String.valueOf(SEPARATOR))).iterator(),
                        Encoders.STRING())
                .distinct().orderBy(col("value"));
        List<String> vocabulary = new ArrayList<>();
        words.toLocalIterator().forEachRemaining(vocabulary::add);
        return vocabulary;
    }

    /**
     * Streams the merged counts to the estimator, one partition at a time; returns the files' figures met on
     * the way, and puts the title-case pairs' counts into {@code names}.
     */
    private static Map<Integer, FileFigures> feed(Dataset<Row> merged, List<String> vocabulary, StreamingKneserNeyEstimator kn,
            Map<String, Integer> names) throws IOException {
        Map<String, Integer> id = new HashMap<>(vocabulary.size() * 2);
        for (int i = 0; i < vocabulary.size(); i++) {
            id.put(vocabulary.get(i), i);
        }
        Map<Integer, FileFigures> figures = new TreeMap<>();
        int[] ids = new int[kn.order()];
        Iterator<Row> stream = merged.toLocalIterator();
        while (stream.hasNext()) {
            Row r = stream.next();
            String key = r.getString(0);
            long count = r.getLong(1);
            if (key.startsWith(NAMES_KEY)) {
                // beyond an int only in a corpus of terabytes; the writer caps the counts it writes anyway
                names.put(key.substring(NAMES_KEY.length()), (int) Math.min(count, Integer.MAX_VALUE));
                continue;
            }
            if (key.charAt(0) == SEPARATOR) {
                FileFigures.add(figures, key, count);
                continue;
            }
            int n = 0;
            int from = 0;
            for (int i = 0; i <= key.length(); i++) {
                if (i == key.length() || key.charAt(i) == SEPARATOR) {
                    ids[n++] = id.get(key.substring(from, i));
                    from = i + 1;
                }
            }
            kn.addNgramCount(ids, n, count);
        }
        return figures;
    }

    /** The inputs as given; a folder stands for its files in sorted order (as {@code despin scan} walks it). */
    static List<Path> files(List<String> inputs) throws DespinException {
        List<Path> files = new ArrayList<>();
        for (String in : inputs) {
            Path p = Path.of(in);
            if (Files.isDirectory(p)) {
                files.addAll(InputFiles.list(List.of(p)));
            } else {
                files.add(p); // a missing file is skipped and reported, as despin train does
            }
        }
        return files;
    }

    /** What {@code despin train}'s counting loop would have gathered, from each file's figures. */
    private static LmTrainer.Counted counted(LmTrainer trainer, List<Path> files, Map<Integer, FileFigures> figures,
            SortedMap<String, Integer> names) throws DespinException {
        List<LmTrainer.UsedInput> used = new ArrayList<>();
        List<TrainingReport.Skipped> skipped = new ArrayList<>();
        long sentences = 0;
        long words = 0;
        long badLines = 0;
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            FileFigures f = figures.get(i);
            if (f == null) {
                throw new IllegalStateException("no figures came back for " + p);
            }
            if (f.problem != null) {
                skipped.add(new TrainingReport.Skipped(p, f.problem));
                continue;
            }
            badLines += f.badLines;
            if (f.sentences == 0) {
                skipped.add(new TrainingReport.Skipped(p, trainer.noSentences(p)));
                continue;
            }
            sentences += f.sentences;
            words += f.words;
            used.add(new LmTrainer.UsedInput(p, f.size, f.sha256));
        }
        if (used.isEmpty()) {
            throw LmTrainer.noUsableText(skipped);
        }
        return new LmTrainer.Counted(used, skipped, sentences, words, badLines, 0, Collections.unmodifiableSortedMap(names));
    }

    /**
     * One file's figures, carried as count rows keyed {@code NUL index NUL field [NUL text]}:
     * the numbers in the count, the SHA-256 and the reason for skipping in the key.
     */
    static final class FileFigures {
        long size;
        String sha256;
        String problem;
        long sentences;
        long words;
        long badLines;

        static String key(int fileIndex, String field, String text) {
            return SEPARATOR + String.format("%010d", fileIndex) + SEPARATOR + field + (text == null ? "" : SEPARATOR + text);
        }

        static void add(Map<Integer, FileFigures> all, String key, long count) {
            String[] parts = key.substring(1).split(String.valueOf(SEPARATOR), 3);
            FileFigures f = all.computeIfAbsent(Integer.parseInt(parts[0]), i -> new FileFigures());
            switch (parts[1]) {
                case "size" -> f.size = count;
                case "sha256" -> f.sha256 = parts[2];
                case "problem" -> f.problem = parts[2];
                case "sentences" -> f.sentences = count;
                case "words" -> f.words = count;
                case "badLines" -> f.badLines = count;
                default -> throw new IllegalStateException("unknown file figure " + parts[1]);
            }
        }
    }

    /** Reads and counts the files of a partition: n-gram rows, then each file's figures. */
    static final class CountFiles implements MapPartitionsFunction<Row, Row>, Serializable {
        private static final long serialVersionUID = 1L;
        private final TrainSettings settings;

        CountFiles(TrainSettings settings) {
            this.settings = settings;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> files) {
            LmTrainer trainer = settings.trainer();
            int order = settings.order();
            return new Iterator<>() {
                private Iterator<Row> current = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!current.hasNext()) {
                        if (!files.hasNext()) {
                            return false;
                        }
                        Row f = files.next();
                        current = count(trainer, order, f.getInt(0), Path.of(f.getString(1)));
                    }
                    return true;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.next();
                }
            };
        }

        /** The rows of one file: its n-grams, one row per occurrence, then its figures and its title-case pairs. */
        private static Iterator<Row> count(LmTrainer trainer, int order, int fileIndex, Path file) {
            LmTrainer.Inspection check = LmTrainer.inspect(file);
            List<Row> figures = new ArrayList<>();
            if (check.problem() != null) {
                figures.add(RowFactory.create(FileFigures.key(fileIndex, "problem", check.problem()), 0L));
                return figures.iterator();
            }
            long[] totals = new long[3]; // sentences, words, lines without text
            TitleCasePairs names = new TitleCasePairs(); // this file's, counted by the reader thread
            Pulled<String[]> sentences = new Pulled<>("despin-train-read", READ_AHEAD, sink -> {
                totals[2] = trainer.readSentences(file, s -> {
                    try {
                        sink.put(s);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("the task ended");
                    }
                }, names);
            });
            return new Iterator<>() {
                private final List<Row> pending = new ArrayList<>();
                private int at;
                private boolean done;

                @Override
                public boolean hasNext() {
                    while (at == pending.size()) {
                        pending.clear();
                        at = 0;
                        if (done) {
                            return false;
                        }
                        if (sentences.hasNext()) {
                            String[] s = sentences.next();
                            totals[0]++;
                            totals[1] += s.length;
                            ngrams(s, order, pending);
                        } else {
                            done = true;
                            // the reader thread has finished: its line count and pairs are visible after the queue's hand-over
                            pending.add(RowFactory.create(FileFigures.key(fileIndex, "size", null), check.size()));
                            pending.add(RowFactory.create(FileFigures.key(fileIndex, "sha256", check.sha256()), 0L));
                            pending.add(RowFactory.create(FileFigures.key(fileIndex, "sentences", null), totals[0]));
                            pending.add(RowFactory.create(FileFigures.key(fileIndex, "words", null), totals[1]));
                            pending.add(RowFactory.create(FileFigures.key(fileIndex, "badLines", null), totals[2]));
                            names.counts().forEach((pair, n) -> pending.add(RowFactory.create(NAMES_KEY + pair, (long) n)));
                        }
                    }
                    return true;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return pending.get(at++);
                }
            };
        }
    }

    /**
     * The n-grams {@code despin train} counts in a sentence: at each position after {@code <s>},
     * the longest n-gram ending there, at most {@code order} words, reaching back to {@code <s>} at the start.
     */
    static void ngrams(String[] sentence, int order, List<Row> out) {
        int length = sentence.length + 2;
        String[] w = new String[length];
        w[0] = "<s>";
        System.arraycopy(sentence, 0, w, 1, sentence.length);
        w[length - 1] = "</s>";
        StringBuilder key = new StringBuilder();
        for (int i = 1; i < length; i++) {
            int len = Math.min(order, i + 1);
            key.setLength(0);
            for (int k = i + 1 - len; k <= i; k++) {
                if (k > i + 1 - len) {
                    key.append(SEPARATOR);
                }
                key.append(w[k]);
            }
            out.add(RowFactory.create(key.toString(), 1L));
        }
    }
}
