package org.despin.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.despin.DespinException;
import org.despin.cli.DocumentChecker;
import org.despin.cli.render.ReportJson;
import org.despin.cli.scan.Scanner;
import org.despin.detect.CheckOptions;
import org.despin.detect.Detector;
import org.despin.model.Models;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** The Spark scan job in local[2] against {@code despin scan} on the same inputs and model. */
class ScanJobTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path model;
    static Path in;

    @BeforeAll
    static void start() throws Exception {
        spark = LocalSpark.start("ScanJobTest");
        model = SmallModel.build(Files.createDirectories(dir.resolve("model")));
        in = Files.createDirectories(dir.resolve("in"));
        write("a-spun.txt", "The Protection Council met on Tuesday. He advised reporters that the talks had failed.\n");
        write("b-clean.txt", "The Security Council met in New York.\n");
        Files.write(in.resolve("c-latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9, ' ', 'a', 'd', 'v', 'i', 's', 'e', 'd'});
        write("d-empty.txt", "");
        Files.write(in.resolve("e-binary.dat"), new byte[] {1, 2, 0, 3, 4});
        write("f-docs.jsonl", "{\"id\":\"x\",\"text\":\"The Protection Council met.\"}\n"
                + "{\"id\":\"x\",\"text\":\"He advised the minister to leave.\"}\n"
                + "not json\n\n"
                + "{\"id\":\"y\"}\n"
                + "{\"text\":\"It is a common problem in the region.\"}\n");
        write("g-more.jsonl", "{\"id\":\"x\",\"text\":\"The general said the war was over.\"}\n");
        byte[] gz = gzip(("{\"id\":\"z1\",\"text\":\"The Security Council met.\"}\n").repeat(200));
        Files.write(in.resolve("h-broken.jsonl.gz"), Arrays.copyOf(gz, gz.length / 2));
        Files.write(in.resolve("i-crawl.warc.gz"), warc(true));
        Files.write(in.resolve("j-crawl.warc"), warc(false));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(in.resolve(name), text, StandardCharsets.UTF_8);
    }

    static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    static byte[] warc(boolean gzip) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(b),
                gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            w.write(response("http://example.org/a", "text/html; charset=utf-8",
                    "<html><body><p>The Protection Council met.</p><p>Officials advised reporters.</p></body></html>"
                            .getBytes(StandardCharsets.UTF_8)));
            w.write(response("http://example.org/b.txt", "text/plain", "The Security Council met on Tuesday.".getBytes(StandardCharsets.UTF_8)));
            w.write(response("http://example.org/c.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
            w.write(response("http://example.org/d.txt", "text/plain", new byte[] {'c', 'a', 'f', (byte) 0xe9}));
        }
        return b.toByteArray();
    }

    static WarcResponse response(String uri, String type, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse(type), body).build();
        return new WarcResponse.Builder(URI.create(uri)).body(http).build();
    }

    static ScanSettings settings(List<String> inputs, List<String> parquet, String out, ScanSettings.OutputFormat format) {
        return new ScanSettings(inputs, parquet, out, format, model.toString(), "text", "id", "text", null,
                Scanner.Settings.DEFAULT_MAX_RECORD_BYTES);
    }

    /** {@code despin scan} itself (its engine, as ScanCommand drives it) over the same inputs and model. */
    static List<String> despinScan(Path... inputs) throws Exception {
        return despinScanWith(model, dir, inputs);
    }

    /** {@code despin scan} on one thread with the model at {@code model}; its lines sorted. */
    static List<String> despinScanWith(Path model, Path work, Path... inputs) throws Exception {
        DocumentChecker checker = new DocumentChecker(new Detector(Models.load(model))::check);
        Path out = work.resolve("despin-scan-" + System.nanoTime() + ".jsonl");
        new Scanner(text -> checker.check(text, CheckOptions.DEFAULTS),
                new Scanner.Settings(1, "text", "id", Scanner.Settings.DEFAULT_MAX_RECORD_BYTES), Scanner.Progress.NONE)
                .scan(List.of(inputs), out);
        return sorted(Files.readAllLines(out, StandardCharsets.UTF_8));
    }

    static List<String> sparkLines(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(folder)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return sorted(lines);
    }

    static List<String> sorted(List<String> lines) {
        List<String> s = new ArrayList<>(lines);
        s.sort(null);
        return s;
    }

    static Map<String, String> statusById(List<String> lines) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String l : lines) {
            JsonNode n = ReportJson.MAPPER.readTree(l);
            m.put(n.get("id").asText(), n.get("status").asText() + (n.has("verdict") ? " " + n.get("verdict").asText() : ""));
        }
        return m;
    }

    @Test
    void jsonlOutputIsDespinScansOutputApartFromOrder() throws Exception {
        Path out = dir.resolve("spark-jsonl");
        new ScanJob(spark).run(settings(List.of(in.toString()), List.of(), out.toString(), ScanSettings.OutputFormat.JSONL));
        List<String> expected = despinScan(in);
        List<String> got = sparkLines(out);
        assertEquals(expected, got);

        // what the fixtures hold: every kind of input and of failure, each recorded per document
        Map<String, String> status = statusById(got);
        assertEquals("ok spun", status.get(in.resolve("a-spun.txt").toString()));
        assertEquals("ok clean", status.get(in.resolve("b-clean.txt").toString()));
        assertEquals("invalid-utf8", status.get(in.resolve("c-latin1.txt").toString()));
        assertEquals("empty", status.get(in.resolve("d-empty.txt").toString()));
        assertEquals("not-text", status.get(in.resolve("e-binary.dat").toString()));
        assertEquals("ok spun", status.get("x"));
        assertTrue(status.containsKey("x#2") && status.containsKey("x#3"), status.toString()); // repeats numbered across files
        assertEquals("error", status.get(in.resolve("f-docs.jsonl") + ":3"));
        assertEquals("error", status.get("y"));
        assertTrue(status.entrySet().stream().anyMatch(e -> e.getKey().startsWith(in.resolve("h-broken.jsonl.gz") + ":")
                && e.getValue().equals("unreadable")), status.toString());
        assertEquals(2, status.entrySet().stream().filter(e -> e.getKey().startsWith("http://example.org/d.txt ")
                && e.getValue().equals("invalid-utf8")).count(), status.toString());
        assertEquals(2, status.entrySet().stream().filter(e -> e.getKey().startsWith("http://example.org/c.png ")
                && e.getValue().equals("not-text")).count(), status.toString());
        assertEquals(expected.size(), got.size());
    }

    @Test
    void parquetOutputHoldsTheSameRecords() throws Exception {
        Path out = dir.resolve("spark-parquet");
        Path jsonl = in.resolve("f-docs.jsonl");
        Path warc = in.resolve("i-crawl.warc.gz");
        new ScanJob(spark).run(settings(List.of(jsonl.toString(), warc.toString()), List.of(), out.toString(),
                ScanSettings.OutputFormat.PARQUET));
        // a Parquet record written back as JSON (nulls left out) is the despin scan line
        List<String> got = sorted(spark.read().parquet(out.toString()).toJSON().collectAsList());
        assertEquals(despinScan(jsonl, warc), got);
    }

    @Test
    void parquetInputRowsAreDocuments() throws Exception {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
        Path pq = dir.resolve("docs.parquet");
        spark.createDataFrame(List.of(
                RowFactory.create("p1", "The Protection Council met on Tuesday."),
                RowFactory.create("p2", "The Security Council met in New York."),
                RowFactory.create("p3", null),
                RowFactory.create("p1", "He advised the minister to leave.")), schema)
                .coalesce(1).write().parquet(pq.toString());
        Path out = dir.resolve("spark-from-parquet");
        ScanJob job = new ScanJob(spark);
        ScanSettings s = settings(List.of(), List.of(pq.toString()), out.toString(), ScanSettings.OutputFormat.JSONL);
        job.run(s);
        Map<String, String> status = statusById(sparkLines(out));
        assertEquals(Map.of("p1", "ok spun", "p1#2", "ok clean", "p2", "ok clean", "p3", "error"), status);
        assertEquals(Map.of("error", 1L, "ok", 3L), job.countByStatus(s));
    }

    @Test
    void aModelShippedWithFilesIsFoundByItsName() throws Exception {
        // what spark-submit --files does; the bare name is no file in the working folder
        Path shipped = Files.copy(model, dir.resolve("shipped-model.dspm"));
        spark.sparkContext().addFile(shipped.toString());
        Path found = ExecutorModels.locate("shipped-model.dspm");
        assertEquals("shipped-model.dspm", found.getFileName().toString());
        assertTrue(!found.equals(shipped), found.toString());
        assertArrayEquals(Files.readAllBytes(model), Files.readAllBytes(found));
        DespinException e = assertThrows(DespinException.class, () -> ExecutorModels.locate(dir.resolve("nowhere.dspm").toString()));
        assertEquals(DespinException.Kind.MODEL, e.kind());
    }

    @Test
    void numberedLineRewritesOnlyTheId() throws Exception {
        String line = "{\"id\":\"a \\\"q\\\"\",\"source\":\"s\",\"status\":\"ok\"}\n";
        assertEquals("{\"id\":\"a \\\"q\\\"\",\"source\":\"s\",\"status\":\"ok\"}", ScanJob.numberedLine("a \"q\"", 1, line));
        assertEquals("{\"id\":\"a \\\"q\\\"#3\",\"source\":\"s\",\"status\":\"ok\"}", ScanJob.numberedLine("a \"q\"", 3, line));
    }

}
