package org.despin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.zip.GZIPOutputStream;
import org.despin.cli.render.ReportJson;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code despin scan} end to end, in-process, with the stand-in detector (exact findings). */
class ScanCommandTest {
    static final String SPUN = "The Protection Council met. Officials advised reporters.\n";
    static final String CLEAN = "The Security Council met on Tuesday.\n";

    @TempDir
    Path dir;

    static CliRun.Builder cli() {
        return CliRun.with(FakeChecker.FACTORY);
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }

    Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static List<JsonNode> lines(Path out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            nodes.add(ReportJson.MAPPER.readTree(l));
        }
        return nodes;
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    @Test
    void mixedFolderGetsOneLinePerFileWithExactStatusesInSortedOrder() throws IOException {
        Path in = dir.resolve("in");
        write("in/a-spun.txt", SPUN);
        write("in/b-binary.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        write("in/c-latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'});
        write("in/d-empty.txt", "  \n\n");
        write("in/sub/e-clean.txt", CLEAN);
        Path out = dir.resolve("out.jsonl");
        CliRun r = cli().run("scan", in.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(ExitCode.SOME_INPUTS_FAILED, r.exitCode, r.toString());
        List<String> got = Files.readAllLines(out, StandardCharsets.UTF_8);
        String p = in + "/";
        assertEquals(List.of(
                "{\"id\":\"" + p + "a-spun.txt\",\"source\":\"" + p + "a-spun.txt\",\"status\":\"ok\",\"verdict\":\"spun\","
                        + "\"spinScore\":0.95,\"words\":7,\"findings\":2,\"top\":["
                        + "{\"start\":4,\"end\":14,\"text\":\"Protection\",\"suggestion\":\"Security\",\"confidence\":0.98},"
                        + "{\"start\":38,\"end\":45,\"text\":\"advised\",\"suggestion\":\"told\",\"confidence\":0.91}]}",
                "{\"id\":\"" + p + "b-binary.bin\",\"source\":\"" + p + "b-binary.bin\",\"status\":\"not-text\","
                        + "\"error\":\"binary data (NUL byte at byte offset 4), not text\"}",
                "{\"id\":\"" + p + "c-latin1.txt\",\"source\":\"" + p + "c-latin1.txt\",\"status\":\"invalid-utf8\","
                        + "\"error\":\"invalid UTF-8 at byte offset 3\"}",
                "{\"id\":\"" + p + "d-empty.txt\",\"source\":\"" + p + "d-empty.txt\",\"status\":\"empty\","
                        + "\"error\":\"empty input (no text to check)\"}",
                "{\"id\":\"" + p + "sub/e-clean.txt\",\"source\":\"" + p + "sub/e-clean.txt\",\"status\":\"ok\",\"verdict\":\"clean\","
                        + "\"spinScore\":0.05,\"words\":6,\"findings\":0,\"top\":[]}"), got);
        assertTrue(r.err.contains("documents: 5\nstatus: empty 1, invalid-utf8 1, not-text 1, ok 2\n"
                + "verdict: clean 1, spun 1\nspun share: 50.0% of 2 checked\n"
                + "most frequent restored phrases:\n       1  Protection -> Security\n       1  advised -> told\n"), r.err);
    }

    @Test
    void topFindingsAreTheFiveMostConfident() throws IOException {
        // six findings: Protection (0.98) x2, advised (0.91) x2, counterfeit (0.62) x2
        Path f = write("many.txt", "Protection advised counterfeit. Protection advised counterfeit.\n");
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, cli().run("scan", f.toString(), "--out", out.toString()).exitCode);
        JsonNode n = lines(out).get(0);
        assertEquals(6, n.get("findings").asInt());
        List<String> top = new ArrayList<>();
        n.get("top").forEach(t -> top.add(t.get("text").asText() + "@" + t.get("start").asInt()));
        assertEquals(List.of("Protection@0", "Protection@32", "advised@11", "advised@43", "counterfeit@19"), top);
    }

    @Test
    void jsonlUsesTheIdAndTextFieldsAndRecordsBadLines() throws IOException {
        Path f = write("docs.jsonl", "{\"doc\":\"n1\",\"body\":\"The Protection Council met.\"}\n"
                + "\n"
                + "{\"body\":\"The Security Council met.\"}\n"
                + "not json\n"
                + "{\"doc\":7,\"other\":1}\n");
        Path out = dir.resolve("out.jsonl");
        CliRun r = cli().run("scan", f.toString(), "--out", out.toString(), "--text-field", "body", "--id-field", "doc");
        assertEquals(ExitCode.SOME_INPUTS_FAILED, r.exitCode, r.toString());
        List<JsonNode> n = lines(out);
        assertEquals(4, n.size());
        assertEquals("n1 ok spun 1", n.get(0).get("id").asText() + " " + n.get(0).get("status").asText() + " "
                + n.get(0).get("verdict").asText() + " " + n.get(0).get("findings").asInt());
        assertEquals(f + ":3 ok clean", n.get(1).get("id").asText() + " " + n.get(1).get("status").asText() + " "
                + n.get(1).get("verdict").asText());
        assertEquals(f + ":4 error line 4 is not JSON", n.get(2).get("id").asText() + " " + n.get(2).get("status").asText()
                + " " + n.get(2).get("error").asText());
        assertEquals("7 error line 5 has no string field 'body'", n.get(3).get("id").asText() + " "
                + n.get(3).get("status").asText() + " " + n.get(3).get("error").asText());
    }

    @Test
    void corruptGzipIsRecordedAndTheOtherFilesStillRun() throws IOException {
        byte[] good = gzip("{\"id\":\"g1\",\"text\":\"The Protection Council met.\"}\n{\"id\":\"g2\",\"text\":\"Fine.\"}\n");
        write("a.jsonl.gz", good);
        byte[] cut = Arrays.copyOf(good, good.length - 12); // the stream ends early: no trailer, last block cut
        write("b.jsonl.gz", cut);
        write("c.jsonl.gz", "this is not gzip at all\n");
        write("d.txt", CLEAN);
        Path out = dir.resolve("out.jsonl");
        CliRun r = cli().run("scan", dir.toString(), "--out", out.toString());
        assertEquals(ExitCode.SOME_INPUTS_FAILED, r.exitCode, r.toString());
        List<String> summary = new ArrayList<>();
        for (JsonNode n : lines(out)) {
            summary.add(n.get("id").asText().replace(dir + "/", "") + " " + n.get("status").asText());
        }
        assertEquals("g1 ok", summary.get(0));
        assertEquals("g2 ok", summary.get(1));
        assertEquals("c.jsonl.gz unreadable", summary.get(summary.size() - 2));
        assertEquals("d.txt ok", summary.get(summary.size() - 1));
        // the cut file: whatever lines decoded are kept, and one line records the corruption
        List<String> cutLines = summary.subList(2, summary.size() - 2);
        assertTrue(cutLines.get(cutLines.size() - 1).matches("b\\.jsonl\\.gz:\\d+ unreadable"), cutLines.toString());
    }

    static byte[] warc(boolean gzip) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(b),
                gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            w.write(response("http://example.org/a", "text/html; charset=utf-8",
                    "<html><head><title>T</title><script>var x = 'advised';</script></head>"
                            + "<body><p>The Protection Council met.</p><p>Officials &amp; others advised reporters.</p></body></html>"));
            w.write(response("http://example.org/b.txt", "text/plain", "The Security Council met on Tuesday."));
            w.write(response("http://example.org/c.png", "image/png", "\u0089PNG"));
            w.write(response("http://example.org/d.txt", "text/plain", new byte[] {'c', 'a', 'f', (byte) 0xe9}));
            w.write(response("http://example.org/e.html", "text/html; charset=iso-8859-1",
                    new byte[] {'<', 'p', '>', 'c', 'a', 'f', (byte) 0xe9, ' ', 'a', 'd', 'v', 'i', 's', 'e', 'd', '<', '/', 'p', '>'}));
        }
        return b.toByteArray();
    }

    static WarcResponse response(String uri, String type, String body) throws IOException {
        return response(uri, type, body.getBytes(StandardCharsets.UTF_8));
    }

    static WarcResponse response(String uri, String type, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse(type), body).build();
        return new WarcResponse.Builder(URI.create(uri)).body(http).build();
    }

    @Test
    void warcResponsesBecomeDocumentsWithHtmlTextExtracted() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            Path f = write(gz ? "crawl.warc.gz" : "crawl.warc", warc(gz));
            Path out = dir.resolve("out-" + gz + ".jsonl");
            CliRun r = cli().run("scan", f.toString(), "--out", out.toString());
            assertEquals(ExitCode.SOME_INPUTS_FAILED, r.exitCode, r.toString());
            List<JsonNode> n = lines(out);
            assertEquals(5, n.size(), n.toString());
            assertTrue(n.get(0).get("id").asText().startsWith("http://example.org/a urn:uuid:"), n.get(0).toString());
            assertEquals("ok spun 2", n.get(0).get("status").asText() + " " + n.get(0).get("verdict").asText() + " "
                    + n.get(0).get("findings").asInt());
            // offsets into the extracted text "The Protection Council met. Officials & others advised reporters."
            assertEquals(4, n.get(0).get("top").get(0).get("start").asInt());
            assertEquals(47, n.get(0).get("top").get(1).get("start").asInt());
            assertEquals("ok clean", n.get(1).get("status").asText() + " " + n.get(1).get("verdict").asText());
            assertEquals("not-text content type image/png, not text or HTML",
                    n.get(2).get("status").asText() + " " + n.get(2).get("error").asText());
            assertEquals("invalid-utf8 invalid UTF-8 at byte offset 3",
                    n.get(3).get("status").asText() + " " + n.get(3).get("error").asText());
            // a Latin-1 page decoded by its declared charset: "café advised", the finding at offset 5
            assertEquals("ok 5 advised", n.get(4).get("status").asText() + " " + n.get(4).get("top").get(0).get("start").asInt()
                    + " " + n.get(4).get("top").get(0).get("text").asText());
        }
    }

    @Test
    void truncatedWarcRecordIsRecordedAndTheRecordsBeforeItKept() throws IOException {
        byte[] whole = warc(false);
        Path f = write("cut.warc", Arrays.copyOf(whole, whole.length - 40));
        Path out = dir.resolve("out.jsonl");
        CliRun r = cli().run("scan", f.toString(), "--out", out.toString());
        assertEquals(ExitCode.SOME_INPUTS_FAILED, r.exitCode, r.toString());
        List<JsonNode> n = lines(out);
        assertEquals("ok", n.get(0).get("status").asText());
        assertEquals("ok", n.get(1).get("status").asText());
        JsonNode last = n.get(n.size() - 1);
        assertEquals("unreadable", last.get("status").asText(), n.toString());
        assertTrue(last.get("id").asText().startsWith(f + "@"), last.toString());
    }

    @Test
    void resumeAfterAKillMidLineGivesEveryDocumentExactlyOnceAndTheSameLines() throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            write(String.format("in/f%02d.txt", i), i % 3 == 0 ? SPUN : CLEAN);
            jsonl.append("{\"id\":\"j").append(i).append("\",\"text\":\"").append(i % 2 == 0 ? "Officials advised us." : "Fine.")
                    .append("\"}\n");
        }
        write("in/z.jsonl", jsonl.toString());
        Path in = dir.resolve("in");
        Path full = dir.resolve("full.jsonl");
        assertEquals(0, cli().run("scan", in.toString(), "--out", full.toString(), "--threads", "2").exitCode);
        byte[] expected = Files.readAllBytes(full);
        List<String> expectedLines = Files.readAllLines(full, StandardCharsets.UTF_8);
        assertEquals(40, expectedLines.size());

        // a kill: the first 15 lines and half of the 16th were written
        int cutAt = 0;
        for (int i = 0; i < 15; i++) {
            cutAt += expectedLines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        cutAt += expectedLines.get(15).length() / 2;
        Path resumed = dir.resolve("resumed.jsonl");
        Files.write(resumed, Arrays.copyOf(expected, cutAt));
        CliRun r = cli().run("scan", in.toString(), "--out", resumed.toString(), "--threads", "2");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.err.contains("scanned: 25 documents checked now, 15 already in " + resumed), r.err);
        assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(resumed, StandardCharsets.UTF_8));

        // a third run finds everything done and adds nothing
        CliRun again = cli().run("scan", in.toString(), "--out", resumed.toString());
        assertEquals(0, again.exitCode, again.toString());
        assertTrue(again.err.contains("0 documents checked now, 40 already in"), again.err);
        assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(resumed, StandardCharsets.UTF_8));
    }

    @Test
    void aRunKilledWithSigkillAndRerunLosesAndDuplicatesNothing() throws Exception {
        for (int i = 0; i < 60; i++) {
            write(String.format("in/f%02d.txt", i), i % 3 == 0 ? SPUN : CLEAN + i);
        }
        Path in = dir.resolve("in");
        Path full = dir.resolve("full.jsonl");
        assertEquals(0, cli().run("scan", in.toString(), "--out", full.toString(), "--threads", "1").exitCode);

        Path killed = dir.resolve("killed.jsonl");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ScanKillRun.class.getName(),
                "scan", in.toString(), "--out", killed.toString(), "--threads", "2")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (p.isAlive() && (!Files.exists(killed) || Files.size(killed) < 2000) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "the run ended before it could be killed: " + Files.readString(dir.resolve("child.log")));
        p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no flush
        long linesBefore = Files.readAllLines(killed, StandardCharsets.UTF_8).size();
        assertTrue(linesBefore < 60, "killed after " + linesBefore + " lines");

        CliRun r = cli().run("scan", in.toString(), "--out", killed.toString(), "--threads", "2");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals(Files.readString(full, StandardCharsets.UTF_8), Files.readString(killed, StandardCharsets.UTF_8));
    }

    @Test
    void outputIsTheSameForOneAndSeveralThreads() throws IOException {
        for (int i = 0; i < 24; i++) {
            write(String.format("in/f%02d.txt", i), i % 4 == 0 ? SPUN : CLEAN + i);
        }
        Path one = dir.resolve("one.jsonl");
        Path four = dir.resolve("four.jsonl");
        assertEquals(0, cli().run("scan", dir.resolve("in").toString(), "--out", one.toString(), "--threads", "1").exitCode);
        assertEquals(0, cli().run("scan", dir.resolve("in").toString(), "--out", four.toString(), "--threads", "4").exitCode);
        assertEquals(Files.readString(one, StandardCharsets.UTF_8), Files.readString(four, StandardCharsets.UTF_8));
    }

    @Test
    void htmlSummaryHasExactCountsAHistogramAndEscapedPhrases() throws IOException {
        write("in/a.txt", SPUN);
        write("in/b.txt", SPUN);
        write("in/c.txt", CLEAN);
        write("in/d.txt", "");
        Path out = dir.resolve("out.jsonl");
        Path html = dir.resolve("report.html");
        CliRun r = cli().run("scan", dir.resolve("in").toString(), "--out", out.toString(), "--summary", html.toString());
        assertEquals(ExitCode.SOME_INPUTS_FAILED, r.exitCode, r.toString());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("4 documents, 66.7% of 3 checked called spun."), page);
        assertTrue(page.contains("<tr><td>empty</td><td class=\"n\">1</td></tr>\n<tr><td>ok</td><td class=\"n\">3</td></tr>"), page);
        assertTrue(page.contains("<tr><td>clean</td><td class=\"n\">1</td></tr>\n<tr><td>spun</td><td class=\"n\">2</td></tr>"), page);
        assertTrue(page.contains("<tr><td>0.0&ndash;0.1</td><td class=\"n\">1</td>"), page);
        assertTrue(page.contains("<tr><td>0.9&ndash;1.0</td><td class=\"n\">2</td>"), page);
        assertTrue(page.contains("<tr><td>Protection -&gt; Security</td><td class=\"n\">2</td></tr>"), page);
        assertFalse(page.contains("http"), "no external assets");
        assertTrue(r.err.contains("spun share: 66.7% of 3 checked\n"), r.err);
    }

    @Test
    void progressBarOnATerminalOnly() throws IOException {
        write("in/a.txt", SPUN);
        CliRun quiet = cli().run("scan", dir.resolve("in").toString(), "--out", dir.resolve("q.jsonl").toString());
        assertFalse(quiet.err.contains("\r"), quiet.err);
        CliRun shown = cli().terminal().run("scan", dir.resolve("in").toString(), "--out", dir.resolve("t.jsonl").toString());
        assertTrue(shown.err.startsWith("\rscanning [" + "#".repeat(30) + "] 100.0%  1 docs  "), shown.err);
        assertTrue(shown.err.contains(" docs/s  0:00 left \n"), shown.err);
    }

    @Test
    void missingPathIsAnInputErrorAndWritesNothing() {
        Path out = dir.resolve("out.jsonl");
        CliRun r = cli().run("scan", dir.resolve("nope").toString(), "--out", out.toString());
        assertEquals(ExitCode.INPUT, r.exitCode, r.toString());
        assertEquals("despin: " + dir.resolve("nope") + ": no such file or folder\n", r.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void theRealDetectorOverTheTinyModelScansToo() throws IOException {
        write("in/a.txt", "The Protection Council met on Tuesday.\n");
        Path out = dir.resolve("out.jsonl");
        CliRun r = CliRun.with(TinyModel.CHECKERS).run("scan", dir.resolve("in").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode, r.toString());
        JsonNode n = lines(out).get(0);
        assertEquals("ok", n.get("status").asText());
        assertEquals("Protection -> Security", n.get("top").get(0).get("text").asText() + " -> "
                + n.get("top").get(0).get("suggestion").asText(), n.toString());
    }
}
