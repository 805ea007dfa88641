package org.despin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index, source, and check/restore --index end to end, in-process, with the stand-in detector. */
class SourceCommandTest {
    static final String SOURCE = "The Security Council met on Tuesday in New York to discuss the crisis.";
    static final String SPUN = "The Protection Council met on Tuesday in New York to talk about the crisis.";

    @TempDir
    Path dir;
    Path corpus;
    String index;
    String spun;

    @BeforeEach
    void build() throws IOException {
        corpus = dir.resolve("corpus");
        write(corpus.resolve("un/council.txt"), SOURCE);
        write(corpus.resolve("un/geneva.txt"), "The Security Council will meet on Friday in Geneva.");
        write(corpus.resolve("news/talks.txt"), "Officials in New York said the talks would resume on Tuesday.");
        write(corpus.resolve("news/vote.txt"), "The crisis deepened after the vote in the council.");
        Files.write(corpus.resolve("news/broken.txt"), new byte[] {'x', (byte) 0xc3});
        index = dir.resolve("index").toString();
        spun = write(dir.resolve("spun.txt"), SPUN).toString();
    }

    static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    static CliRun.Builder cli() {
        return CliRun.with(FakeChecker.FACTORY);
    }

    private void index() {
        CliRun r = cli().run("index", corpus.toString(), "--out", index);
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("indexed 4 documents into " + index + " (the index holds 4); skipped 1: 1 invalid UTF-8\n", r.out);
        assertEquals("despin: skipped " + corpus.resolve("news/broken.txt") + ": invalid UTF-8\n", r.err);
    }

    @Test
    void jsonFollowsTheContract() throws IOException {
        index();
        CliRun r = cli().run("source", spun, "--index", index, "--top", "2", "--format", "json");
        assertEquals(0, r.exitCode, r.toString());
        Golden.assertMatches("source.json", r.out);
    }

    @Test
    void textNamesTheSourceAndThePassage() throws IOException {
        index();
        CliRun r = cli().run("source", spun, "--index", index, "--top", "1");
        assertEquals(0, r.exitCode, r.toString());
        Golden.assertMatches("source.txt", r.out);
    }

    @Test
    void htmlLinksThePassagesAndEscapes() throws IOException {
        write(corpus.resolve("tags.txt"), "Use <b> & \"quotes\" in the markup of the page, said the guide.");
        assertEquals(0, cli().run("index", corpus.toString(), "--out", index).exitCode);
        String q = write(dir.resolve("q.txt"), "Use <b> & \"quotes\" in the mark-up of the page, said the guide.").toString();
        CliRun r = cli().run("source", q, "--index", index, "--top", "1", "--format", "html");
        assertEquals(0, r.exitCode, r.toString());
        Golden.assertMatches("source.html", r.out);
        assertTrue(r.out.contains("<a class=\"p\" id=\"q1\" href=\"#s1\">Use &lt;b&gt; &amp; &quot;quotes&quot;"), r.out);
        assertTrue(r.out.contains("<a class=\"p\" id=\"s1\" href=\"#q1\">"), r.out);
    }

    @Test
    void restoreWithAnIndexTakesTheSourcesWording() {
        index();
        CliRun r = cli().run("restore", spun, "--index", index);
        assertEquals(0, r.exitCode, r.toString());
        assertEquals(SOURCE, r.out);
        CliRun plain = cli().run("restore", spun);
        assertEquals("The Security Council met on Tuesday in New York to talk about the crisis.", plain.out);
    }

    @Test
    void checkWithAnIndexGivesTheSourceAsEvidence() {
        index();
        CliRun r = cli().run("check", spun, "--index", index, "--format", "json");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("\"evidence\":\"source un/council.txt at 4\""), r.out);
        assertTrue(r.out.contains("\"suggestion\":\"discuss\""), r.out);
        assertTrue(r.out.contains("\"restored\":\"" + SOURCE + "\""), r.out);
    }

    @Test
    void aMissingIndexIsAModelError() {
        String missing = dir.resolve("none").toString();
        CliRun r = cli().run("source", spun, "--index", missing);
        assertEquals(4, r.exitCode);
        assertEquals("despin: no source index at " + missing + " (no such folder): build one with 'despin index PATH..."
                + " --out " + missing + "'\n", r.err);
        CliRun c = cli().run("check", spun, "--index", missing);
        assertEquals(4, c.exitCode);
    }

    @Test
    void aMissingInputPathIsAnInputError() {
        CliRun r = cli().run("index", dir.resolve("nope").toString(), "--out", index);
        assertEquals(3, r.exitCode, r.toString());
        assertEquals("despin: no such file or folder: " + dir.resolve("nope") + "\n", r.err);
    }

    @Test
    void indexingAgainAddsAndReplaces() throws IOException {
        index();
        Path more = write(dir.resolve("more/extra.txt"), "Another text about a different subject.");
        CliRun r = cli().run("index", more.getParent().toString(), "--out", index);
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("indexed 1 document into " + index + " (the index holds 5)\n", r.out);
    }
}
