package org.despin.cli.render;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Iterator;
import java.util.Locale;
import org.despin.cli.CheckedDocument;
import org.despin.cli.input.InputException;
import org.despin.detect.Alternative;
import org.despin.detect.Finding;

/**
 * {@code --format html}: one self-contained page (inline CSS, no scripts, no external assets)
 * for all inputs. Per input: the summary, the text with spun spans highlighted and their
 * originals shown beside them (and in a tooltip), the restored text, a word diff between the
 * input and the restored text, and a table of findings with confidence and evidence. Everything
 * taken from the input is HTML-escaped.
 */
public final class HtmlRenderer implements Renderer {
    private static final String STYLE = String.join("\n",
            "body{font:16px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}",
            "h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #ccc;margin-top:2em}h3{font-size:1.05em}",
            ".text{white-space:pre-wrap;border:1px solid #ddd;padding:.8em;background:#fcfcfc}",
            "mark{background:#ffd6d6;border-bottom:2px solid #c00;color:inherit}",
            "mark.low{background:#fff1c9;border-bottom-color:#c90}",
            ".orig{color:#060;font-size:.85em;margin-left:.15em}",
            "del{background:#ffd6d6;color:#900}ins{background:#d6f5d6;color:#060;text-decoration:none}",
            ".verdict{font-weight:bold}.spun{color:#b00}.clean{color:#070}.uncertain{color:#a60}",
            "table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}",
            ".error{color:#b00}");

    private final Writer out;
    private boolean started;

    public HtmlRenderer(Writer out) {
        this.out = out;
    }

    private void start() throws IOException {
        if (!started) {
            started = true;
            out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    + "<meta name=\"generator\" content=\"despin\">\n<title>despin report</title>\n<style>\n" + STYLE
                    + "\n</style>\n</head>\n<body>\n<h1>despin report</h1>\n");
        }
    }

    @Override
    public void document(CheckedDocument d) throws IOException {
        start();
        out.write("<section>\n<h2>" + escape(d.source().equals("-") ? "standard input" : d.source()) + "</h2>\n");
        out.write(String.format(Locale.ROOT,
                "<p class=\"summary\">Verdict: <span class=\"verdict %1$s\">%1$s</span>, spin score %2$.2f, %3$d finding%4$s in %5$d tokens.</p>\n",
                d.verdict().label(), d.spinScore(), d.findingCount(), d.findingCount() == 1 ? "" : "s", d.tokens()));

        out.write("<h3>Checked text</h3>\n<div class=\"text checked\">");
        try (Reader text = d.openText()) {
            TextWalk.walk(text, d.findings(), new Escaping() {
                @Override
                public void finding(Finding f) throws IOException {
                    String cls = f.confidence() >= 0.8 ? "" : " class=\"low\"";
                    out.write("<mark" + cls + " title=\"" + escape(tooltip(f)) + "\">" + escape(f.text()) + "</mark>"
                            + "<span class=\"orig\">(" + escape(f.suggestion()) + ")</span>");
                }
            });
        }
        out.write("</div>\n");

        out.write("<h3>Restored text</h3>\n<div class=\"text restored\">");
        try (Reader restored = d.openRestored()) {
            char[] buf = new char[8192];
            for (int n = restored.read(buf); n >= 0; n = restored.read(buf)) {
                escape(buf, 0, n);
            }
        }
        out.write("</div>\n");

        out.write("<h3>Word diff (input \u2192 restored)</h3>\n<div class=\"text diff\">");
        try (Reader text = d.openText()) {
            TextWalk.walk(text, d.findings(), new Escaping() {
                @Override
                public void finding(Finding f) throws IOException {
                    for (WordDiff.Piece p : WordDiff.diff(f.text(), f.suggestion())) {
                        switch (p.op()) {
                            case SAME -> out.write(escape(p.text()));
                            case DELETED -> out.write("<del>" + escape(p.text()) + "</del>");
                            case INSERTED -> out.write("<ins>" + escape(p.text()) + "</ins>");
                            default -> throw new IllegalStateException();
                        }
                    }
                }
            });
        }
        out.write("</div>\n");

        if (d.findingCount() > 0) {
            out.write("<h3>Findings</h3>\n<table>\n<tr><th>offsets</th><th>text</th><th>likely original</th>"
                    + "<th>confidence</th><th>alternatives</th><th>evidence</th></tr>\n");
            for (Iterator<Finding> it = d.findings(); it.hasNext();) {
                Finding f = it.next();
                StringBuilder alts = new StringBuilder();
                for (Alternative a : f.alternatives()) {
                    alts.append(alts.length() == 0 ? "" : ", ")
                            .append(escape(a.text())).append(String.format(Locale.ROOT, " (%.2f)", a.confidence()));
                }
                out.write(String.format(Locale.ROOT, "<tr><td>%d\u2013%d</td><td>%s</td><td>%s</td><td>%.2f</td><td>%s</td><td>%s</td></tr>\n",
                        f.start(), f.end(), escape(f.text()), escape(f.suggestion()), f.confidence(), alts, escape(f.evidence())));
            }
            out.write("</table>\n");
        }
        out.write("</section>\n");
        out.flush();
    }

    private static String tooltip(Finding f) {
        return String.format(Locale.ROOT, "likely original: %s (confidence %.2f)%s", f.suggestion(), f.confidence(),
                f.evidence() == null || f.evidence().isEmpty() ? "" : "; " + f.evidence());
    }

    @Override
    public void failure(InputException problem) throws IOException {
        start();
        out.write("<section>\n<h2>" + escape(problem.source().equals("-") ? "standard input" : problem.source()) + "</h2>\n"
                + "<p class=\"error\">Not checked (" + escape(problem.status().label()) + "): " + escape(problem.problem())
                + "</p>\n</section>\n");
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        start();
        out.write("</body>\n</html>\n");
        out.flush();
    }

    /** Writes plain text escaped. */
    private abstract class Escaping implements TextWalk.Visitor {
        @Override
        public void plain(char[] buf, int off, int len) throws IOException {
            escape(buf, off, len);
        }
    }

    private void escape(char[] buf, int off, int len) throws IOException {
        int from = off;
        for (int i = off; i < off + len; i++) {
            String rep = replacement(buf[i]);
            if (rep != null) {
                out.write(buf, from, i - from);
                out.write(rep);
                from = i + 1;
            }
        }
        out.write(buf, from, off + len - from);
    }

    /** Escapes text for HTML element content and double- or single-quoted attributes (every HTML page the command line writes uses this). */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            String rep = replacement(s.charAt(i));
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(s.charAt(i));
            }
        }
        return b == null ? s : b.toString();
    }

    private static String replacement(char c) {
        switch (c) {
            case '&': return "&amp;";
            case '<': return "&lt;";
            case '>': return "&gt;";
            case '"': return "&quot;";
            case '\'': return "&#39;";
            default: return null;
        }
    }
}
