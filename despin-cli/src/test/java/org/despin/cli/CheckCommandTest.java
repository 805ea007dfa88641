package org.despin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check and restore commands end to end, in-process, with a stand-in detector. */
class CheckCommandTest {
    static final String SPUN = "The Protection Council met. Officials advised reporters.\n";
    static final String CLEAN = "The Security Council met on Tuesday.\n";

    @TempDir
    Path dir;
    String spun;
    String clean;

    @BeforeEach
    void files() throws IOException {
        spun = write("spun.txt", SPUN);
        clean = write("clean.txt", CLEAN);
    }

    String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toString();
    }

    String write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes).toString();
    }

    static CliRun.Builder cli() {
        return CliRun.with(FakeChecker.FACTORY);
    }

    @Test
    void textOutputMarksSpansAndSummarises() {
        CliRun r = cli().run("check", spun);
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("The [Protection\u2192Security] Council met. Officials [advised\u2192told] reporters.\n"
                + "verdict: spun, spin score 0.95, 2 findings in 7 tokens\n", r.out);
        assertEquals("", r.err);
    }

    @Test
    void jsonForOneInputIsOneReportWithoutSource() {
        CliRun r = cli().run("check", "--format", "json", clean);
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("{\"schema\":\"despin.report/1\",\"verdict\":\"clean\",\"spinScore\":0.05,\"tokens\":6,\"findings\":[],"
                + "\"restored\":\"The Security Council met on Tuesday.\\n\"}\n", r.out);
    }

    @Test
    void batchWithBadInputsReportsEachInItsOwnLineAndGoesOn() throws IOException {
        String binary = write("image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        CliRun r = cli().run("check", "--format", "json", spun, dir.resolve("nope.txt").toString(), dir.toString(), binary, clean);
        assertEquals(ExitCode.SOME_INPUTS_FAILED, r.exitCode, r.toString());
        String[] lines = r.out.split("\n");
        assertEquals(5, lines.length, r.out);
        assertTrue(lines[0].startsWith("{\"source\":\"" + spun + "\",\"schema\":\"despin.report/1\",\"verdict\":\"spun\""), lines[0]);
        assertEquals("{\"source\":\"" + dir.resolve("nope.txt") + "\",\"status\":\"missing\",\"error\":\"no such file\"}", lines[1]);
        assertEquals("{\"source\":\"" + dir + "\",\"status\":\"directory\",\"error\":\"is a directory, not a text file\"}", lines[2]);
        assertEquals("{\"source\":\"" + binary + "\",\"status\":\"binary\",\"error\":\"binary data (NUL byte at byte offset 4), not text\"}", lines[3]);
        assertTrue(lines[4].startsWith("{\"source\":\"" + clean + "\",\"schema\":\"despin.report/1\",\"verdict\":\"clean\""), lines[4]);
        assertEquals("despin: " + dir.resolve("nope.txt") + ": no such file\n"
                + "despin: " + dir + ": is a directory, not a text file\n"
                + "despin: " + binary + ": binary data (NUL byte at byte offset 4), not text\n", r.err);
    }

    @Test
    void aCheckThatFailsInABatchIsThatInputsErrorLineAndTheOthersStillRun() throws IOException {
        String buggy = write("buggy.txt", "The " + FakeChecker.BUG + " Council met.\n");
        CliRun r = cli().run("check", "--format", "json", spun, buggy, clean);
        assertEquals(ExitCode.SOME_INPUTS_FAILED, r.exitCode, r.toString());
        String[] lines = r.out.split("\n");
        assertEquals(3, lines.length, r.out);
        assertTrue(lines[0].startsWith("{\"source\":\"" + spun + "\",\"schema\":\"despin.report/1\",\"verdict\":\"spun\""), lines[0]);
        assertEquals("{\"source\":\"" + buggy + "\",\"status\":\"error\",\"error\":\"check failed (a bug, please report it): "
                + "java.lang.IllegalStateException: fake detector bug\"}", lines[1]);
        assertTrue(lines[2].startsWith("{\"source\":\"" + clean + "\",\"schema\":\"despin.report/1\",\"verdict\":\"clean\""), lines[2]);
        assertEquals("despin: " + buggy + ": check failed (a bug, please report it): java.lang.IllegalStateException: fake detector bug\n",
                r.err);
    }

    @Test
    void aCheckThatFailsOnASingleInputIsAnInternalError() throws IOException {
        String buggy = write("buggy.txt", "The " + FakeChecker.BUG + " Council met.\n");
        CliRun r = cli().run("check", buggy);
        assertEquals(ExitCode.INTERNAL, r.exitCode, r.toString());
        assertEquals("", r.out);
        assertEquals("despin: internal error: IllegalStateException: fake detector bug (run with --debug for details)\n", r.err);
    }

    @Test
    void batchWhereEveryInputFailsExitsWithTheInputCode() {
        CliRun r = cli().run("check", "--format", "json", "a-missing", "b-missing");
        assertEquals(ExitCode.INPUT, r.exitCode, r.toString());
        assertEquals(2, r.err.split("\n").length);
    }

    @Test
    void missingFile() {
        assertError(cli().run("check", "no-such.txt"), ExitCode.INPUT, "despin: no-such.txt: no such file");
    }

    @Test
    void directory() {
        assertError(cli().run("check", dir.toString()), ExitCode.INPUT, "despin: " + dir + ": is a directory, not a text file");
    }

    @Test
    void binaryFile() throws IOException {
        byte[] controls = new byte[200];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 2 == 0 ? 'a' : 0x03);
        }
        String f = write("controls.bin", controls);
        assertError(cli().run("check", f), ExitCode.INPUT, "despin: " + f + ": binary data (50% control bytes), not text");
    }

    @Test
    void invalidUtf8NamesTheByteOffset() throws IOException {
        byte[] text = "caf\u00e9 ok, then ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[text.length + 3];
        System.arraycopy(text, 0, bad, 0, text.length);
        bad[text.length] = (byte) 0xe9; // Latin-1 é
        bad[text.length + 1] = 'x';
        bad[text.length + 2] = '\n';
        String f = write("latin1.txt", bad);
        assertError(cli().run("check", f), ExitCode.INPUT, "despin: " + f + ": invalid UTF-8 at byte offset " + text.length);
    }

    @Test
    void emptyAndBlankInputs() throws IOException {
        String empty = write("empty.txt", "");
        String blank = write("blank.txt", " \n\t\n");
        assertError(cli().run("check", empty), ExitCode.INPUT, "despin: " + empty + ": empty input (no text to check)");
        assertError(cli().run("check", blank), ExitCode.INPUT, "despin: " + blank + ": empty input (no text to check)");
        assertError(cli().stdin("").run("check", "-"), ExitCode.INPUT, "despin: <stdin>: empty input (no text to check)");
    }

    @Test
    void tooLongInputIsRefusedBeforeReading() throws IOException {
        Path huge = dir.resolve("huge.txt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(org.despin.cli.input.TextSource.MAX_BYTES + 1); // sparse: no disk used
        }
        assertError(cli().run("check", huge.toString()), ExitCode.INPUT, "despin: " + huge + ": too long ("
                + (org.despin.cli.input.TextSource.MAX_BYTES + 1) + " bytes; the limit is " + org.despin.cli.input.TextSource.MAX_BYTES
                + "); split it into smaller files");
    }

    @Test
    void closedStandardOutputIsAnOutputError() {
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintWriter closedOut = new java.io.PrintWriter(java.io.OutputStream.nullOutputStream());
        closedOut.close(); // writes now fail and checkError() says so
        CliEnvironment env = new CliEnvironment(null, closedOut, new java.io.PrintWriter(err), java.util.Map.of("DESPIN_MODEL", "m"),
                false, FakeChecker.FACTORY);
        assertEquals(ExitCode.OUTPUT, Main.run(env, "check", spun));
        assertEquals("despin: <stdout>: cannot write: standard output is closed or full\n", err.toString());
    }

    /** Standard output that fails as a pipe whose reader went away, or as a full disk. */
    private static CliEnvironment failingStdout(String why, java.io.StringWriter err) {
        java.io.OutputStream failing = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(why);
            }
        };
        return new CliEnvironment(null, new StandardOutput(failing), new java.io.PrintWriter(err),
                java.util.Map.of("DESPIN_MODEL", "m"), false, FakeChecker.FACTORY);
    }

    /** {@code despin check FILE | head}: the reader closed the pipe; exit 5 as before, but no message (stop 24 printed one). */
    @Test
    void aClosedPipeEndsSilently() {
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(ExitCode.OUTPUT, Main.run(failingStdout("Broken pipe", err), "check", spun));
        assertEquals("", err.toString());
    }

    /** The same writer on a full disk still says so. */
    @Test
    void aFullDiskStillSaysSo() {
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(ExitCode.OUTPUT, Main.run(failingStdout("No space left on device", err), "check", spun));
        assertEquals("despin: <stdout>: cannot write: standard output is closed or full\n", err.toString());
    }

    @Test
    void standardInput() {
        CliRun r = cli().stdin(SPUN).run("check", "-");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.startsWith("The [Protection\u2192Security] Council"), r.out);
    }

    @Test
    void closedStandardInput() {
        assertError(cli().closedStdin().run("check", "-"), ExitCode.INPUT, "despin: <stdin>: standard input is closed");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertError(cli().run("check", "--frobnicate", spun), ExitCode.USAGE,
                "despin: check: Unknown option: '--frobnicate' (see 'despin check --help')");
        assertError(cli().run("check"), ExitCode.USAGE,
                "despin: check: Missing required parameter: 'FILE' (see 'despin check --help')");
        assertError(cli().run("check", "--format", "pdf", spun), ExitCode.USAGE,
                "despin: check: Invalid value for option '--format': expected one of [text, json, html] (case-insensitive) but was 'pdf' (see 'despin check --help')");
        assertError(cli().run("check", "--min-confidence", "1.5", spun), ExitCode.USAGE,
                "despin: --min-confidence must be between 0 and 1, got 1.5");
        assertError(cli().run("frobnicate"), ExitCode.USAGE,
                "despin: Unmatched argument at index 0: 'frobnicate' (see 'despin --help')");
    }

    @Test
    void noModel() {
        assertError(cli().env("DESPIN_MODEL", null).run("check", spun), ExitCode.MODEL,
                "despin: no model given: pass --model FILE or set DESPIN_MODEL (./despin sets it to the default model)");
    }

    @Test
    void garbageAndTruncatedModelFilesAreRefused() throws IOException {
        Path garbage = dir.resolve("garbage.dspm");
        Files.writeString(garbage, "this is not a model, just some text that is long enough");
        assertError(CliRun.with(CliEnvironment.MODEL_FILES).run("check", "--model", garbage.toString(), spun), ExitCode.MODEL,
                "despin: " + garbage + ": not a despin model file (wrong magic bytes)");
        Path model = ModelCommandTest.writeModel(dir.resolve("m.dspm"));
        byte[] whole = Files.readAllBytes(model);
        Path truncated = dir.resolve("truncated.dspm");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 10));
        assertError(CliRun.with(CliEnvironment.MODEL_FILES).run("check", "--model", truncated.toString(), spun), ExitCode.MODEL,
                "despin: " + truncated + ": truncated model file: header says " + whole.length + " bytes, file has "
                        + (whole.length - 10) + "; delete it and rebuild");
        assertError(CliRun.with(CliEnvironment.MODEL_FILES).env("DESPIN_MODEL", dir.resolve("none.dspm").toString()).run("check", spun),
                ExitCode.MODEL, "despin: " + dir.resolve("none.dspm") + ": no such model file");
    }

    /**
     * {@code despin check FILE > /dev/full}: the real process (its standard output is the descriptor, not a test's
     * writer) says it could not write, exit 5. It wrote through System.out, whose PrintStream swallows write errors, and
     * ended with exit 0 and nothing written (branch fuzz24).
     */
    @Test
    void aFullStandardOutputIsAnOutputError() throws Exception {
        java.io.File full = new java.io.File("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(full.exists(), "no /dev/full");
        // a model the real detector reads: the default one, as ./run-tests gives it
        String model = System.getProperty("despin.model", "");
        org.junit.jupiter.api.Assumptions.assumeTrue(!model.isBlank() || Boolean.getBoolean("despin.requireModel"),
                "no -Ddespin.model");
        Path err = dir.resolve("err.txt");
        for (String format : new String[] {"text", "json"}) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "check", "--format", format, "--model", model, spun)
                    .redirectOutput(full).redirectError(err.toFile()).start();
            assertEquals(ExitCode.OUTPUT, p.waitFor(), Files.readString(err));
            assertEquals("despin: <stdout>: cannot write: standard output is closed or full\n", Files.readString(err));
        }
    }

    @Test
    void failOnSpun() {
        assertEquals(ExitCode.SPUN, cli().run("check", "--fail-on-spun", clean, spun).exitCode);
        assertEquals(ExitCode.OK, cli().run("check", "--fail-on-spun", clean).exitCode);
        assertEquals(ExitCode.OK, cli().run("check", clean, spun).exitCode);
    }

    @Test
    void minConfidenceDropsUnsureFindings() {
        CliRun r = cli().run("check", "--min-confidence", "0.95", spun);
        assertEquals("The [Protection\u2192Security] Council met. Officials advised reporters.\n"
                + "verdict: spun, spin score 0.95, 1 finding in 7 tokens\n", r.out);
    }

    @Test
    void outputFileAndUnwritableOutput() throws IOException {
        Path out = dir.resolve("report.html");
        CliRun r = cli().run("check", "--format", "html", "--output", out.toString(), spun);
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("", r.out);
        String html = Files.readString(out);
        assertTrue(html.contains("<del>Protection</del><ins>Security</ins>"), html);
        assertError(cli().run("check", "-o", dir.toString(), spun), ExitCode.OUTPUT,
                "despin: " + dir + ": is a directory; --output needs a file name");
        assertError(cli().run("check", "-o", dir.resolve("no/such/dir/x.txt").toString(), spun), ExitCode.OUTPUT,
                "despin: " + dir.resolve("no/such/dir/x.txt") + ": cannot write: no such directory");
    }

    @Test
    void unexpectedErrorsAreOneLineWithoutTrace() {
        CliEnvironment.CheckerFactory broken = model -> (text, options) -> {
            throw new IllegalStateException("lattice exploded");
        };
        CliRun r = CliRun.with(broken).run("check", spun);
        assertError(r, ExitCode.INTERNAL, "despin: internal error: IllegalStateException: lattice exploded (run with --debug for details)");
        CliRun d = CliRun.with(broken).run("check", "--debug", spun);
        assertEquals(ExitCode.INTERNAL, d.exitCode);
        assertTrue(d.err.startsWith("despin: internal error: IllegalStateException: lattice exploded\n"), d.err);
        assertTrue(d.err.contains("\tat "), "--debug prints the stack trace");
    }

    @Test
    void earlierResultsAreKeptWhenALaterInputFails() {
        CliRun r = cli().run("check", spun, "missing.txt");
        assertEquals(ExitCode.SOME_INPUTS_FAILED, r.exitCode);
        assertTrue(r.out.startsWith("==> " + spun + " <==\nThe [Protection"), r.out);
        assertTrue(r.out.endsWith("==> missing.txt <==\n(not checked: no such file)\n"), r.out);
    }

    @Test
    void restorePrintsOnlyTheRestoredText() {
        CliRun r = cli().run("restore", spun);
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("The Security Council met. Officials told reporters.\n", r.out);
        assertEquals("The Security Council met. Officials advised reporters.\n",
                cli().run("restore", "--min-confidence", "0.95", spun).out);
        assertEquals("The Security Council met. Officials told reporters.\n", cli().stdin(SPUN).run("restore", "-").out);
        assertError(cli().run("restore", "missing.txt"), ExitCode.INPUT, "despin: missing.txt: no such file");
        assertError(cli().run("restore", spun, clean), ExitCode.USAGE,
                "despin: restore: Unmatched argument at index 2: '" + clean + "' (see 'despin restore --help')");
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun r = cli().run("--help");
        assertEquals(0, r.exitCode);
        for (String s : new String[] {"check", "restore", "model", "Exit codes:", "6    several inputs given and some failed"}) {
            assertTrue(r.out.contains(s), s + " in\n" + r.out);
        }
        CliRun c = cli().run("check", "--help");
        assertTrue(c.out.contains("--fail-on-spun") && c.out.contains("Exit codes:"), c.out);
        assertTrue(cli().run("--version").out.startsWith("despin "));
    }

    static void assertError(CliRun r, int code, String line) {
        assertEquals(code, r.exitCode, r.toString());
        assertEquals(line + "\n", r.err, r.toString());
        assertFalse(r.err.contains("\tat "), "no stack trace");
    }
}
