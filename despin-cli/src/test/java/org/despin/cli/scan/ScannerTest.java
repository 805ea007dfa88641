package org.despin.cli.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.despin.cli.CheckedDocument;
import org.despin.cli.render.ReportJson;
import org.despin.detect.Report;
import org.despin.detect.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan engine alone: record size limits and ResultLog repair. */
class ScannerTest {
    @TempDir
    Path dir;

    /** Calls every text clean, after reading it through (so decoding problems surface). */
    static final Scanner.DocumentCheck CLEAN = text -> {
        StringBuilder b = new StringBuilder();
        try (Reader r = text.openReader()) {
            char[] buf = new char[4096];
            for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                b.append(buf, 0, n);
            }
        } catch (org.despin.cli.input.StrictUtf8Reader.InputIOException e) {
            throw e.problem();
        }
        return CheckedDocument.of(text.name(), b.toString(), new Report(Verdict.CLEAN, 0.0, 1, List.of(), b.toString()));
    };

    @Test
    void aJsonlLineOverTheLimitIsTooLongAndTheNextLineStillRuns() throws Exception {
        Path f = Files.writeString(dir.resolve("big.jsonl"), "{\"id\":\"a\",\"text\":\"" + "x ".repeat(100) + "\"}\n"
                + "{\"id\":\"b\",\"text\":\"short\"}\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");
        Scanner.Result r = new Scanner(CLEAN, new Scanner.Settings(1, "text", "id", 100), Scanner.Progress.NONE)
                .scan(List.of(f), out);
        assertEquals(2, r.written());
        List<String> got = new ArrayList<>();
        for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            var n = ReportJson.MAPPER.readTree(l);
            got.add(n.get("id").asText() + " " + n.get("status").asText());
        }
        assertEquals(List.of(f + ":1 too-long", "b ok"), got);
    }

    @Test
    void repeatedIdsAreNumberedSoThatAResumeSkipsNothingItShouldNot() throws Exception {
        Path f = Files.writeString(dir.resolve("d.jsonl"), "{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"x\",\"text\":\"two\"}\n"
                + "{\"id\":\"x\",\"text\":\"three\"}\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");
        Scanner s = new Scanner(CLEAN, new Scanner.Settings(2, "text", "id", 100), Scanner.Progress.NONE);
        s.scan(List.of(f), out);
        String all = Files.readString(out, StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(List.of("x", "x#2", "x#3"), lines.stream().map(ResultLog::id).toList());
        Files.writeString(out, lines.get(0) + "\n", StandardCharsets.UTF_8); // as if killed after the first
        assertEquals(2, s.scan(List.of(f), out).written());
        assertEquals(all, Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void cutPartialLineKeepsCompleteLinesOnly() throws IOException {
        Path f = Files.writeString(dir.resolve("o.jsonl"), "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c", StandardCharsets.UTF_8);
        ResultLog.cutPartialLine(f);
        assertEquals("{\"id\":\"a\"}\n{\"id\":\"b\"}\n", Files.readString(f, StandardCharsets.UTF_8));
        Path none = Files.writeString(dir.resolve("p.jsonl"), "{\"id\":\"half", StandardCharsets.UTF_8);
        ResultLog.cutPartialLine(none);
        assertEquals(0, Files.size(none));
    }
}
