package org.despin.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.despin.cli.CheckedDocument;
import org.despin.cli.Golden;
import org.despin.cli.input.InputException;
import org.despin.cli.input.InputStatus;
import org.despin.detect.Alternative;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.detect.Verdict;
import org.junit.jupiter.api.Test;

class RenderersTest {
    /** A hand-made report over a text with markup, quotes and non-ASCII characters in it. */
    static final String TEXT = "The Protection Council <script>alert(\"x\")</script> met; officials advised reporters the \u201cdeal\u201d held.\n";
    static final Report REPORT = report();

    private static Report report() {
        int p = TEXT.indexOf("Protection");
        int a = TEXT.indexOf("advised");
        List<Finding> findings = List.of(
                new Finding(p, p + "Protection".length(), "Protection", "Security", 0.98,
                        List.of(new Alternative("Safety", 0.01)), "\"Security Council\" is a known name"),
                new Finding(a, a + "advised".length(), "advised", "told", 0.75, List.of(),
                        "\"told reporters\" <collocation>"));
        String restored = TEXT.replace("Protection", "Security").replace("advised", "told");
        return new Report(Verdict.SPUN, 0.97, 14, findings, restored);
    }

    static CheckedDocument doc(String source) {
        return CheckedDocument.of(source, TEXT, REPORT);
    }

    @Test
    void jsonIsTheContractExactly() throws IOException {
        StringWriter out = new StringWriter();
        try (CheckedDocument d = doc("a.txt")) {
            new JsonRenderer(out, false).document(d);
        }
        Golden.assertMatches("report.json", out.toString());
        JsonNode n = org.despin.cli.render.ReportJson.MAPPER.readTree(out.toString());
        List<String> fields = new ArrayList<>();
        n.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("schema", "verdict", "spinScore", "tokens", "findings", "restored"), fields);
        List<String> findingFields = new ArrayList<>();
        n.get("findings").get(0).fieldNames().forEachRemaining(findingFields::add);
        assertEquals(List.of("start", "end", "text", "suggestion", "confidence", "alternatives", "evidence"), findingFields);
        for (JsonNode f : n.get("findings")) {
            assertEquals(f.get("text").asText(), TEXT.substring(f.get("start").asInt(), f.get("end").asInt()));
        }
        assertEquals(REPORT.restored(), n.get("restored").asText());
    }

    @Test
    void jsonLinesHaveSourceFirstAndStatusLinesForFailures() throws IOException {
        StringWriter out = new StringWriter();
        JsonRenderer r = new JsonRenderer(out, true);
        try (CheckedDocument d = doc("a.txt")) {
            r.document(d);
        }
        r.failure(new InputException("missing.txt", InputStatus.MISSING, "no such file"));
        try (CheckedDocument d = doc("-")) {
            r.document(d);
        }
        r.finish();
        Golden.assertMatches("batch.jsonl", out.toString());
        String[] lines = out.toString().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("{\"source\":\"a.txt\",\"schema\":\"despin.report/1\","), lines[0]);
        assertEquals("{\"source\":\"missing.txt\",\"status\":\"missing\",\"error\":\"no such file\"}", lines[1]);
        assertTrue(lines[2].startsWith("{\"source\":\"-\","), lines[2]);
    }

    @Test
    void textMarksSpansWithBracketsOffATerminal() throws IOException {
        StringWriter out = new StringWriter();
        try (CheckedDocument d = doc("a.txt")) {
            new TextRenderer(out, false, false).document(d);
        }
        Golden.assertMatches("report.txt", out.toString());
        assertEquals("The [Protection\u2192Security] Council <script>alert(\"x\")</script> met; officials [advised\u2192told] "
                + "reporters the \u201cdeal\u201d held.\nverdict: spun, spin score 0.97, 2 findings in 14 tokens\n", out.toString());
    }

    @Test
    void textUsesAnsiColourOnATerminal() throws IOException {
        StringWriter out = new StringWriter();
        try (CheckedDocument d = doc("a.txt")) {
            new TextRenderer(out, false, true).document(d);
        }
        assertTrue(out.toString().startsWith("The \u001b[4;31mProtection\u001b[0m\u001b[32m\u2192Security\u001b[0m Council"), out.toString());
        assertFalse(out.toString().contains("[Protection"));
    }

    @Test
    void textBatchHasHeadersAndNotCheckedLines() throws IOException {
        StringWriter out = new StringWriter();
        TextRenderer r = new TextRenderer(out, true, false);
        try (CheckedDocument d = doc("a.txt")) {
            r.document(d);
        }
        r.failure(new InputException("dir", InputStatus.DIRECTORY, "is a directory, not a text file"));
        r.finish();
        Golden.assertMatches("batch.txt", out.toString());
        assertTrue(out.toString().endsWith("\n\n==> dir <==\n(not checked: is a directory, not a text file)\n"), out.toString());
    }

    @Test
    void htmlIsSelfContainedEscapedAndHasEveryView() throws IOException {
        StringWriter out = new StringWriter();
        HtmlRenderer r = new HtmlRenderer(out);
        try (CheckedDocument d = doc("<b>a.txt</b>")) {
            r.document(d);
        }
        r.finish();
        String html = out.toString();
        Golden.assertMatches("report.html", html);
        assertFalse(html.contains("<script"), "input markup must be escaped");
        assertFalse(html.contains("<b>a.txt"), "file names are escaped too");
        assertFalse(html.contains("src=") || html.contains("href=") || html.contains("@import"), "no external assets");
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
        assertTrue(html.contains("<mark title=\"likely original: Security (confidence 0.98); &quot;Security Council&quot; is a known name\">Protection</mark><span class=\"orig\">(Security)</span>"), html);
        assertTrue(html.contains("<mark class=\"low\" title=\"likely original: told (confidence 0.75); &quot;told reporters&quot; &lt;collocation&gt;\">advised</mark>"), html);
        assertTrue(html.contains("<div class=\"text restored\">The Security Council &lt;script&gt;"), html);
        assertTrue(html.contains("The <del>Protection</del><ins>Security</ins> Council"), html);
        assertTrue(html.contains("officials <del>advised</del><ins>told</ins> reporters"), html);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"));
    }

    @Test
    void wordDiffKeepsSharedWords() {
        assertEquals(List.of(new WordDiff.Piece(WordDiff.Op.DELETED, "Protection"), new WordDiff.Piece(WordDiff.Op.INSERTED, "Security"),
                new WordDiff.Piece(WordDiff.Op.SAME, " Council")), WordDiff.diff("Protection Council", "Security Council"));
        assertEquals(List.of(new WordDiff.Piece(WordDiff.Op.SAME, "asked"), new WordDiff.Piece(WordDiff.Op.DELETED, " for")),
                WordDiff.diff("asked for", "asked"));
    }

    @Test
    void restoringReaderReplacesEachFinding() throws IOException {
        try (CheckedDocument d = doc("a.txt")) {
            Iterator<Finding> it = d.findings();
            StringWriter w = new StringWriter();
            new RestoringReader(new java.io.StringReader(TEXT), it).transferTo(w);
            assertEquals(REPORT.restored(), w.toString());
        }
    }
}
