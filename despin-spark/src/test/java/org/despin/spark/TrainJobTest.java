package org.despin.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.despin.DespinException;
import org.despin.lexicon.NameFormat;
import org.despin.lm.LmTrainer;
import org.despin.lm.TrainingReport;
import org.despin.model.ModelFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark train job writes the very bytes {@code despin train} writes. */
class TrainJobTest {
    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("TrainJobTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** A small corpus with every kind of input despin train meets: paragraphs, JSONL with bad lines, a non-UTF-8 file, a missing one. */
    static List<Path> corpus(Path in) throws Exception {
        Files.createDirectories(in);
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(in.resolve("news.txt"), String.join("\n\n", SmallModel.CORPUS) + "\n", StandardCharsets.UTF_8));
        files.add(Files.writeString(in.resolve("more.txt"), "\uFEFFThe Security Council met again on Friday. It said\n"
                + "the talks would resume next week.\n\nThe minister told reporters that 3 members agreed.\n", StandardCharsets.UTF_8));
        files.add(Files.writeString(in.resolve("docs.jsonl"), "{\"text\":\"The general said the war was over.\"}\n"
                + "not json\n\n{\"id\":1}\n{\"text\":\"Members of the council met on Tuesday. They agreed.\"}\n", StandardCharsets.UTF_8));
        files.add(Files.write(in.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9}));
        files.add(in.resolve("missing.txt"));
        files.add(Files.writeString(in.resolve("blank.txt"), "  \n\n", StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void sparkAndDespinTrainWriteTheSameBytes() throws Exception {
        List<Path> files = corpus(dir.resolve("in"));
        for (int order : new int[] {2, 4}) {
            Path local = dir.resolve("local-" + order + ".dspm");
            TrainingReport a = new LmTrainer(LmTrainer.Options.defaults().withOrder(order))
                    .train(files, local, LmTrainer.Progress.NONE);
            Path spark = dir.resolve("spark-" + order + ".dspm");
            TrainingReport b = new TrainJob(TrainJobTest.spark).run(new TrainSettings(files.stream().map(Path::toString).toList(),
                    spark.toString(), order, "text", null, 0, 1 << 20)); // a small budget: the estimate sorts in several runs
            assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(spark), "order " + order);
            assertEquals(3, a.filesRead().size());
            assertEquals(a.filesRead(), b.filesRead());
            assertEquals(a.skipped(), b.skipped());
            assertEquals(a.sentences(), b.sentences());
            assertEquals(a.words(), b.words());
            // the names section, counted on the executors and summed by Spark: the local trainer's pairs
            // (the BOM before "The Security Council" is dropped, the sentence starts are not counted)
            assertEquals(new TreeMap<>(Map.of("new york", 1, "permanent mission", 1, "secretary general", 2,
                    "security council", 5)), NameFormat.readCounts(ModelFile.open(spark).section(NameFormat.SECTION), "spark"));
        }
    }

    @Test
    void aCorpusWithoutTextFailsAsDespinTrainDoes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("empty"));
        Path blank = Files.writeString(in.resolve("blank.txt"), "\n", StandardCharsets.UTF_8);
        DespinException e = assertThrows(DespinException.class, () -> new TrainJob(spark).run(
                new TrainSettings(List.of(blank.toString()), in.resolve("m.dspm").toString(), 3, "text", null, 0,
                        TrainSettings.DEFAULT_MEMORY)));
        assertEquals("no usable training text: " + blank + ": no words", e.getMessage());
    }

    @Test
    void theNgramsOfASentenceAreTheLongestEndingAtEachPosition() {
        List<Row> rows = new ArrayList<>();
        TrainJob.ngrams(new String[] {"a", "b", "c"}, 3, rows);
        assertEquals(List.of("<s> a", "<s> a b", "a b c", "b c </s>"),
                rows.stream().map(r -> r.getString(0).replace(TrainJob.SEPARATOR, ' ')).toList());
    }
}
