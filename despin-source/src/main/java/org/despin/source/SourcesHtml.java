package org.despin.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page: the query and its best source side by side, each aligned passage
 * highlighted in both texts and linked to its counterpart (click a passage to jump to the other
 * side), substituted words marked with the source's word on hover, and the other candidates in
 * a table. Every piece of text is escaped; no scripts, no external resources.
 */
public final class SourcesHtml {
    private SourcesHtml() {
    }

    private static final String STYLE = "body{font:15px/1.5 system-ui,sans-serif;margin:1.5em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
            + ".pair{display:flex;gap:2em}.pair>div{flex:1;min-width:0}"
            + ".text{white-space:pre-wrap;border:1px solid #ddd;padding:1em;background:#fafafa}"
            + "a.p{background:#fff3a8;color:inherit;text-decoration:none;border-bottom:1px solid #c9a800}"
            + "a.p:target,a.p:focus{outline:2px solid #d08000}"
            + "span.sub{background:#ffc2b3;border-radius:2px}";

    /** The page for {@code query} and its candidates (best first); the first one is shown side by side. */
    public static String render(String query, List<SourceMatch> matches) {
        StringBuilder h = new StringBuilder(query.length() * 3 + 4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>despin source</title><style>")
                .append(STYLE).append("</style></head><body>\n<h1>Likely sources</h1>\n");
        if (matches.isEmpty()) {
            h.append("<p>No source in the index shares the text's fingerprints.</p>\n");
            h.append("<div class=\"text\">").append(escape(query)).append("</div>\n</body></html>\n");
            return h.toString();
        }
        h.append("<table><tr><th>#</th><th>source</th><th>score</th><th>overlap before</th><th>overlap after</th>"
                + "<th>coverage</th><th>passages</th></tr>\n");
        for (int i = 0; i < matches.size(); i++) {
            SourceMatch m = matches.get(i);
            h.append("<tr><td>").append(i + 1).append("</td><td>").append(escape(m.id())).append("</td><td>")
                    .append(pct(m.score())).append("</td><td>").append(pct(m.overlapBefore())).append("</td><td>")
                    .append(pct(m.overlapAfter())).append("</td><td>").append(pct(m.coverage())).append("</td><td>")
                    .append(m.passages().size()).append("</td></tr>\n");
        }
        h.append("</table>\n");
        SourceMatch best = matches.get(0);
        h.append("<div class=\"pair\"><div><h2>Text</h2><div class=\"text\">");
        appendMarked(h, query, best.passages(), true, best.source().text());
        h.append("</div></div><div><h2>Source: ").append(escape(best.id())).append("</h2><div class=\"text\">");
        appendMarked(h, best.source().text(), best.passages(), false, query);
        h.append("</div></div></div>\n</body></html>\n");
        return h.toString();
    }

    /** The text with passages as links to their counterparts and differing slots marked inside them. */
    private static void appendMarked(StringBuilder h, String text, List<Passage> passages, boolean queryside,
            String other) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> start(passages.get(i), queryside)));
        int at = 0;
        for (int i : order) {
            Passage p = passages.get(i);
            int from = start(p, queryside);
            int to = queryside ? p.queryEnd() : p.sourceEnd();
            if (from < at) {
                continue; // never happens with tiling; guards the escaping against a bad passage
            }
            h.append(escape(text.substring(at, from)));
            String self = (queryside ? "q" : "s") + (i + 1);
            String target = (queryside ? "s" : "q") + (i + 1);
            h.append("<a class=\"p\" id=\"").append(self).append("\" href=\"#").append(target).append("\">");
            int in = from;
            for (Slot s : p.slots()) {
                int a = queryside ? s.queryStart() : s.sourceStart();
                int b = queryside ? s.queryEnd() : s.sourceEnd();
                int oa = queryside ? s.sourceStart() : s.queryStart();
                int ob = queryside ? s.sourceEnd() : s.queryEnd();
                String mine = text.substring(a, b);
                String theirs = other.substring(oa, ob);
                if (a < in || a == b || mine.equalsIgnoreCase(theirs)) {
                    continue;
                }
                h.append(escape(text.substring(in, a)));
                h.append("<span class=\"sub\" title=\"").append(queryside ? "source: " : "text: ")
                        .append(escape(theirs)).append("\">").append(escape(mine)).append("</span>");
                in = b;
            }
            h.append(escape(text.substring(in, to))).append("</a>");
            at = to;
        }
        h.append(escape(text.substring(at)));
    }

    private static int start(Passage p, boolean queryside) {
        return queryside ? p.queryStart() : p.sourceStart();
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
