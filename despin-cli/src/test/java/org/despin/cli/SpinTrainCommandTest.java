package org.despin.cli;

import static org.despin.cli.CheckCommandTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.despin.spin.Alignment;
import org.despin.spin.Edit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpinTrainCommandTest {
    static final String TEXT = "The council requested a meeting. Officials told reporters the talks were important.\n";

    @TempDir
    Path dir;

    static CliRun.Builder cli() {
        return CliRun.with(FakeChecker.FACTORY);
    }

    Path moby() throws IOException {
        return Files.writeString(dir.resolve("words.txt"), String.join("\n",
                "council,assembly,board",
                "meeting,gathering,assembly",
                "told,informed,advised",
                "important,significant,crucial",
                "talks,discussions,negotiations",
                "officials,authorities,administrators") + "\n");
    }

    @Test
    void spinIsDeterministicAndItsAlignmentRestoresTheInput() throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), TEXT);
        Path tsv = dir.resolve("edits.tsv");
        String[] args = {"spin", in.toString(), "--rate", "1", "--seed", "7", "--thesaurus", "moby",
            "--thesaurus-file", moby().toString(), "--alignment", tsv.toString()};
        CliRun r = cli().run(args);
        assertEquals(0, r.exitCode, r.toString());
        assertNotEquals(TEXT, r.out);
        assertEquals(r.out, cli().run(args).out, "same seed, same output");
        List<Edit> edits = Alignment.read(Files.newBufferedReader(tsv), tsv.toString());
        assertTrue(edits.size() >= 3, edits.toString());
        StringBuilder restored = new StringBuilder(r.out);
        for (int i = edits.size() - 1; i >= 0; i--) {
            Edit e = edits.get(i);
            assertEquals(e.spun(), r.out.substring(e.start(), e.end()));
            restored.replace(e.start(), e.end(), e.original());
        }
        assertEquals(TEXT, restored.toString());
        assertEquals(TEXT, cli().stdin(TEXT).run("spin", "-", "--rate", "0", "--thesaurus", "moby",
                "--thesaurus-file", moby().toString()).out);
    }

    @Test
    void spinErrors() throws IOException {
        Path in = Files.writeString(dir.resolve("in.txt"), TEXT);
        assertError(cli().run("spin", in.toString(), "--rate", "2", "--thesaurus", "moby", "--thesaurus-file", moby().toString()),
                ExitCode.USAGE, "despin: --rate: spin rate must be in [0, 1], got 2.0");
        assertError(cli().run("spin", "missing.txt", "--thesaurus", "moby", "--thesaurus-file", moby().toString()),
                ExitCode.INPUT, "despin: missing.txt: no such file");
    }

    @Test
    void benchPrintsATableAndWritesJson() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            text.append("Officials told reporters on day ").append(i).append(" that the council meeting was important. ");
        }
        Path docs = Files.writeString(dir.resolve("held-out.txt"), text.toString());
        Path json = dir.resolve("bench.json");
        CliRun r = cli().run("bench", "--docs", docs.toString(), "--thesaurus", "moby", "--thesaurus-file", moby().toString(),
                "--rates", "0.3", "--seeds", "1", "--passage-words", "20-40", "--threads", "2", "--json", json.toString());
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("0.3"), r.out);
        com.fasterxml.jackson.databind.JsonNode n = org.despin.cli.render.ReportJson.MAPPER.readTree(json.toFile());
        assertEquals(1, n.get("rates").size(), n.toString());
        assertEquals(0.3, n.get("rates").get(0).get("rate").asDouble());
        assertTrue(n.get("clean").get("documents").asInt() >= 3, n.toString());
        com.fasterxml.jackson.databind.JsonNode perf = n.get("performance");
        long cleanWords = n.get("clean").get("words").asLong();
        assertEquals(3, perf.get("warm").get("rounds").asInt(), perf.toString());
        assertEquals(3 * cleanWords, perf.get("warm").get("words").asLong(), perf.toString());
        assertEquals(2, perf.get("parallel").get("threads").asInt(), perf.toString());
        assertEquals(3 * cleanWords, perf.get("parallel").get("words").asLong(), perf.toString());
        assertEquals("NaN", perf.get("lmLookupsPerSecond").asText(), "the fake checker has no LM");
        assertTrue(r.out.contains("\nwarm, clean passages, one core: "), r.out);
        assertTrue(r.out.contains("\nwarm, clean passages, 2 threads: "), r.out);
        assertTrue(r.out.contains("\npeak memory: heap "), r.out);
        CliRun quick = cli().run("bench", "--docs", docs.toString(), "--thesaurus", "moby", "--thesaurus-file", moby().toString(),
                "--rates", "0.3", "--seeds", "1", "--passage-words", "20-40", "--speed-rounds", "0", "--json", json.toString());
        assertEquals(0, quick.exitCode, quick.toString());
        assertTrue(!quick.out.contains("warm, clean passages") && quick.out.contains("(one thread, first pass, wall)"), quick.out);
        assertTrue(org.despin.cli.render.ReportJson.MAPPER.readTree(json.toFile()).get("performance").isNull());
        assertError(cli().run("bench", "--docs", docs.toString(), "--threads", "0"),
                ExitCode.USAGE, "despin: --threads must be at least 1, got 0");
        assertError(cli().run("bench", "--docs", docs.toString(), "--technical", "--thesaurus", "moby", "--thesaurus-file",
                moby().toString()), ExitCode.USAGE, "despin: --technical and --docs name different texts: give one");
        assertError(cli().run("bench", "--docs", docs.toString(), "--rates", "0", "--thesaurus", "moby", "--thesaurus-file", moby().toString()),
                ExitCode.USAGE, "despin: spin rate must be in (0, 1], got 0.0");
        assertError(cli().run("bench", "--docs", docs.toString(), "--passage-words", "lots"),
                ExitCode.USAGE, "despin: --passage-words must look like 100-150, got lots");
    }

    @Test
    void trainWritesAModelThatModelInfoDescribes() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"),
                "The council met on Tuesday.\nThe council met again on Friday.\nOfficials told reporters the talks had failed.\n");
        Path jsonl = Files.writeString(dir.resolve("stories.jsonl"),
                "{\"body\": \"The council met.\"}\n{\"body\": \"Reporters were told.\"}\n");
        Path binary = Files.write(dir.resolve("photo.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 0, 0, 0, 1});
        Path model = dir.resolve("news.dspm");
        CliRun r = cli().env("DESPIN_MODEL", null).run("train", corpus.toString(), jsonl.toString(), binary.toString(),
                "--out", model.toString(), "--order", "3", "--text-field", "body");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.startsWith("model: " + model + " ("), r.out);
        assertTrue(r.out.contains("read: 2 files, "), r.out);
        assertTrue(r.out.contains("(1 skipped)"), r.out);
        assertTrue(r.err.startsWith("despin: " + binary + ": skipped: "), r.err);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(Files.size(model) > 0);
        CliRun info = CliRun.with(CliEnvironment.MODEL_FILES).run("model", "info", "--verify", model.toString());
        assertEquals(0, info.exitCode, info.toString());
        assertTrue(info.out.contains("format version: 1\n"), info.out);
        assertTrue(info.out.contains("lm.input.0 = " + corpus), info.out);
        assertTrue(info.out.contains("\nchecksums: ok ("), info.out);
    }

    @Test
    void trainErrors() {
        assertError(cli().env("DESPIN_MODEL", null).run("train", "missing.txt", "--out", dir.resolve("m").toString(), "--mix-default", "0.5"),
                ExitCode.MODEL, "despin: --mix-default needs a base model: pass --model FILE or set DESPIN_MODEL (./despin sets it)");
        assertError(cli().env("DESPIN_MODEL", null).run("train", "missing.txt", "--out", dir.resolve("m").toString(), "--order", "0"),
                ExitCode.USAGE, "despin: order must be >= 1, got 0");
        CliRun none = cli().env("DESPIN_MODEL", null).run("train", "missing.txt", "--out", dir.resolve("m").toString());
        assertEquals(ExitCode.INPUT, none.exitCode, none.toString());
        assertEquals(1, none.err.lines().count(), none.err);
    }
}
