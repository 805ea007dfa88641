package org.despin.cli;

import static org.despin.cli.CheckCommandTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.despin.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandTest {
    @TempDir
    Path dir;

    /** A small container with two sections and ordered metadata. */
    static Path writeModel(Path file) throws IOException {
        try (ModelFile.Writer w = new ModelFile.Writer(file)) {
            w.section("lm", out -> out.writeBytes(new byte[1000]));
            w.section("lexicon", out -> out.writeInts(new int[] {1, 2, 3}, 0, 3));
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("model", "test");
            meta.put("lm.order", "3");
            w.finish(meta);
        }
        return file;
    }

    static CliRun.Builder cli() {
        return CliRun.with(CliEnvironment.MODEL_FILES);
    }

    @Test
    void infoPrintsVersionSectionsAndMetadata() throws IOException {
        Path m = writeModel(dir.resolve("m.dspm"));
        CliRun r = cli().run("model", "info", m.toString(), "--verify");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("model: " + m + "\n"
                + "size: " + String.format(java.util.Locale.ROOT, "%,d", Files.size(m)) + " bytes\n"
                + "format version: 1\n"
                + "sections:\n"
                + "  lm       1,000 bytes\n"
                + "  lexicon  16 bytes\n"
                + "metadata:\n"
                + "  model = test\n"
                + "  lm.order = 3\n"
                + "checksums: ok (2 sections verified)\n", r.out.replace("1,000 bytes", "1,000 bytes"));
    }

    @Test
    void infoDefaultsToTheEnvironmentModel() throws IOException {
        Path m = writeModel(dir.resolve("m.dspm"));
        CliRun r = cli().env("DESPIN_MODEL", m.toString()).run("model", "info");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("model: " + m, r.out.lines().findFirst().orElseThrow());
    }

    @Test
    void verifyFindsACorruptSection() throws IOException {
        Path m = writeModel(dir.resolve("m.dspm"));
        try (FileChannel ch = FileChannel.open(m, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {42}), 100); // inside the "lm" section
        }
        CliRun r = cli().run("model", "info", "--verify", m.toString());
        assertEquals(ExitCode.MODEL, r.exitCode, r.toString());
        assertEquals("despin: " + m + ": section 'lm' fails its checksum; the file is corrupt, rebuild it\n", r.err);
    }

    @Test
    void technicalBuildSaysWhichDebianDataIsMissingBeforeBuildingAnything() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("empty-cache"));
        Path out = dir.resolve("technical.dspm");
        CliRun r = cli().run("model", "build", "--data", cache.toString(), "--out", out.toString(), "--technical");
        assertError(r, ExitCode.MODEL, "despin: missing Debian package data " + cache.resolve("debian/python-sklearn-doc")
                + "; run scripts/fetch-debian-data --technical");
        assertFalse(Files.exists(out));
    }

    @Test
    void pathPrintsTheEnvironmentModelOrSaysHowToGetOne() {
        CliRun r = cli().env("DESPIN_MODEL", "/models/x.dspm").run("model", "path");
        assertEquals(0, r.exitCode);
        assertEquals("/models/x.dspm\n", r.out);
        assertError(cli().env("DESPIN_MODEL", null).run("model", "path"), ExitCode.MODEL,
                "despin: no model given: pass --model FILE or set DESPIN_MODEL (./despin sets it to the default model)");
        assertError(cli().run("model"), ExitCode.USAGE,
                "despin: model: name a subcommand: build, path or info (see despin model --help)");
    }
}
