package org.despin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.despin.cli.render.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code despin serve} end to end: the real detector over the tiny model, behind the HTTP API. */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("despin: serving on (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C to stop\\)");

    @Test
    void servesTheRealDetectorUntilInterrupted() throws Exception {
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(err), Map.of("DESPIN_MODEL", "/models/tiny.dspm"), false, TinyModel.CHECKERS);
        int[] code = {-1};
        Thread serve = new Thread(() -> code[0] = Main.run(env, "serve", "--port", "0", "--workers", "2"));
        serve.start();
        String base = null;
        for (int i = 0; i < 200 && base == null; i++) {
            Matcher m = SERVING.matcher(err.toString());
            if (m.find()) {
                base = m.group(1);
            } else {
                Thread.sleep(25);
            }
        }
        assertTrue(base != null, "no 'serving on' line: " + err);
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals("{\"status\":\"ok\",\"model\":\"tiny.dspm\",\"source\":\"off\"}", health.body());

            HttpResponse<String> check = client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/check"))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(RealDetectorTest.SPUN, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, check.statusCode(), check.body());
            JsonNode n = ReportJson.MAPPER.readTree(check.body());
            assertEquals("despin.report/1", n.get("schema").asText());
            assertEquals("spun", n.get("verdict").asText(), check.body());
            List<String> found = new ArrayList<>();
            for (JsonNode f : n.get("findings")) {
                found.add(f.get("start").asInt() + "-" + f.get("end").asInt() + " " + f.get("text").asText() + "->"
                        + f.get("suggestion").asText());
            }
            assertEquals(List.of("4-14 Protection->Security", "43-59 Secretary-Common->Secretary-General",
                    "60-67 advised->told"), found);

            HttpResponse<String> restore = client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/restore"))
                    .header("Content-Type", "text/plain").header("Accept", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(RealDetectorTest.SPUN, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals("The Security Council met on Tuesday. The Secretary-General told reporters that the talks had failed.\n",
                    restore.body());
        } finally {
            serve.interrupt();
            serve.join(10_000);
        }
        assertEquals(0, code[0], err.toString());
    }

    @Test
    void servesSourceFindingWithAnIndex(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        SourceCommandTest.write(corpus.resolve("un/council.txt"), SourceCommandTest.SOURCE);
        SourceCommandTest.write(corpus.resolve("un/geneva.txt"), "The Security Council will meet on Friday in Geneva.");
        SourceCommandTest.write(corpus.resolve("news/talks.txt"), "Officials in New York said the talks would resume on Tuesday.");
        SourceCommandTest.write(corpus.resolve("news/vote.txt"), "The crisis deepened after the vote in the council.");
        String index = dir.resolve("index").toString();
        assertEquals(0, CliRun.with(FakeChecker.FACTORY).run("index", corpus.toString(), "--out", index).exitCode);
        String spun = SourceCommandTest.write(dir.resolve("spun.txt"), SourceCommandTest.SPUN).toString();
        CliRun printed = CliRun.with(FakeChecker.FACTORY).run("source", spun, "--index", index, "--top", "2", "--format", "json");
        assertEquals(0, printed.exitCode, printed.toString());

        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(err), Map.of("DESPIN_MODEL", "test.dspm"), false, FakeChecker.FACTORY);
        int[] code = {-1};
        Thread serve = new Thread(() -> code[0] = Main.run(env, "serve", "--port", "0", "--workers", "1", "--index", index));
        serve.start();
        String base = awaitServing(err);
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> source = client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/source"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + SourceCommandTest.SPUN + "\", \"top\": 2}",
                            StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, source.statusCode(), source.body());
            // the very document 'despin source --format json' prints, without the final newline
            assertEquals(printed.out, source.body() + "\n");
            assertTrue(source.body().startsWith("{\"schema\":\"despin.sources/1\",\"sources\":[{\"id\":\"un/council.txt\","),
                    source.body());
        } finally {
            serve.interrupt();
            serve.join(10_000);
        }
        assertEquals(0, code[0], err.toString());
    }

    @Test
    void aBadIndexFailsAtStartLikeSourceDoes(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("none").toString();
        CliRun r = CliRun.with(FakeChecker.FACTORY).run("serve", "--port", "0", "--index", missing);
        CliRun source = CliRun.with(FakeChecker.FACTORY).stdin("some text").run("source", "-", "--index", missing);
        assertEquals(4, r.exitCode, r.toString());
        assertEquals("despin: no source index at " + missing + " (no such folder): build one with 'despin index PATH..."
                + " --out " + missing + "'\n", r.err);
        assertEquals(source.err, r.err);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun e = CliRun.with(FakeChecker.FACTORY).run("serve", "--port", "0", "--index", empty.toString());
        assertEquals(4, e.exitCode, e.toString());
        assertEquals(CliRun.with(FakeChecker.FACTORY).stdin("some text").run("source", "-", "--index", empty.toString()).err,
                e.err);
        assertEquals(1, e.err.split("\n").length, e.err);
    }

    private static String awaitServing(StringWriter err) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            Matcher m = SERVING.matcher(err.toString());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no 'serving on' line: " + err);
    }

    @Test
    void badLimitsAreUsageErrors() {
        CliRun r = CliRun.with(TinyModel.CHECKERS).run("serve", "--port", "70000");
        assertEquals(2, r.exitCode, r.toString());
        assertEquals("despin: port must be in [0, 65535], got 70000\n", r.err);
        CliRun q = CliRun.with(TinyModel.CHECKERS).run("serve", "--queue", "0");
        assertEquals(2, q.exitCode, q.toString());
        assertEquals("despin: queueCapacity must be at least 1, got 0\n", q.err);
    }

    @Test
    void aPortInUseIsAOneLineError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun r = CliRun.with(TinyModel.CHECKERS).run("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(2, r.exitCode, r.toString());
            assertTrue(r.err.startsWith("despin: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), r.err);
            assertEquals(1, r.err.split("\n").length, r.err);
        }
    }
}
