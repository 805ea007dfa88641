package org.despin.cli.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.despin.cli.render.HtmlRenderer;
import org.despin.cli.render.ReportJson;

/**
 * The figures of a whole scan output file (earlier runs included): documents per status and per
 * verdict, the share called spun, a histogram of spin scores and the most frequent restored
 * phrases. Phrases are counted over the top findings each line keeps ({@value ScanLine#TOP} per
 * document), so the summary is a function of the output file alone.
 */
public final class ScanSummary {
    /** Spin-score histogram bins over [0, 1]. */
    public static final int BINS = 10;
    static final int TOP_PHRASES = 10;

    private final Map<String, Long> byStatus = new TreeMap<>();
    private final Map<String, Long> byVerdict = new TreeMap<>();
    private final long[] histogram = new long[BINS];
    private final Map<String, Long> phrases = new HashMap<>();
    private long documents;

    private ScanSummary() {
    }

    /** Reads a scan output file. */
    public static ScanSummary of(Path results) throws IOException {
        ScanSummary s = new ScanSummary();
        try (BufferedReader r = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode n;
                try {
                    n = ReportJson.MAPPER.readTree(line);
                } catch (IOException e) {
                    continue; // not a scan line
                }
                if (n != null && n.hasNonNull("status")) {
                    s.add(n);
                }
            }
        }
        return s;
    }

    private void add(JsonNode n) {
        documents++;
        byStatus.merge(n.get("status").asText(), 1L, Long::sum);
        if (!n.hasNonNull("verdict")) {
            return;
        }
        byVerdict.merge(n.get("verdict").asText(), 1L, Long::sum);
        double score = n.path("spinScore").asDouble();
        histogram[Math.max(0, Math.min(BINS - 1, (int) (score * BINS)))]++;
        for (JsonNode f : n.path("top")) {
            phrases.merge(f.path("text").asText() + " -> " + f.path("suggestion").asText(), 1L, Long::sum);
        }
    }

    public long documents() {
        return documents;
    }

    /** Documents per status label, by label. */
    public Map<String, Long> byStatus() {
        return byStatus;
    }

    /** Checked documents per verdict. */
    public Map<String, Long> byVerdict() {
        return byVerdict;
    }

    public long count(ScanStatus status) {
        return byStatus.getOrDefault(status.label(), 0L);
    }

    /** The share of checked documents called spun (0 when none was checked). */
    public double spunShare() {
        long checked = count(ScanStatus.OK);
        return checked == 0 ? 0 : (double) byVerdict.getOrDefault("spun", 0L) / checked;
    }

    /** Checked documents per spin-score tenth: [0, 0.1), [0.1, 0.2), ... [0.9, 1]. */
    public long[] histogram() {
        return histogram.clone();
    }

    /** The most frequent "observed -> original" pairs with their counts, most frequent first (ties alphabetical). */
    public Map<String, Long> topPhrases() {
        List<Map.Entry<String, Long>> all = new ArrayList<>(phrases.entrySet());
        all.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> top = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : all.subList(0, Math.min(TOP_PHRASES, all.size()))) {
            top.put(e.getKey(), e.getValue());
        }
        return top;
    }

    /** The summary for standard error. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("documents: ").append(documents).append('\n');
        b.append("status: ").append(join(byStatus)).append('\n');
        b.append("verdict: ").append(byVerdict.isEmpty() ? "(none checked)" : join(byVerdict)).append('\n');
        b.append(String.format(Locale.ROOT, "spun share: %.1f%% of %d checked%n", 100 * spunShare(), count(ScanStatus.OK)));
        Map<String, Long> top = topPhrases();
        if (!top.isEmpty()) {
            b.append("most frequent restored phrases:\n");
            top.forEach((phrase, count) -> b.append(String.format(Locale.ROOT, "%8d  %s%n", count, phrase)));
        }
        return b.toString();
    }

    private static String join(Map<String, Long> counts) {
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return b.toString();
    }

    /** A self-contained HTML page: the counts, a CSS bar histogram of spin scores, the top phrases. */
    public String html(String title) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>despin scan: ")
                .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}"
                + "table{border-collapse:collapse}td,th{padding:.2em .6em;text-align:left}td.n{text-align:right}"
                + ".bar{background:#c0392b;height:1em;display:inline-block}</style></head><body>\n");
        b.append("<h1>despin scan</h1>\n<p>").append(escape(title)).append(": ").append(documents).append(" documents, ")
                .append(String.format(Locale.ROOT, "%.1f%%", 100 * spunShare())).append(" of ")
                .append(count(ScanStatus.OK)).append(" checked called spun.</p>\n");
        table(b, "Status", byStatus);
        table(b, "Verdict", byVerdict);
        b.append("<h2>Spin scores</h2>\n<table>\n");
        long max = 1;
        for (long h : histogram) {
            max = Math.max(max, h);
        }
        for (int i = 0; i < BINS; i++) {
            b.append(String.format(Locale.ROOT, "<tr><td>%.1f&ndash;%.1f</td><td class=\"n\">%d</td>"
                    + "<td><span class=\"bar\" style=\"width:%.1fem\"></span></td></tr>%n",
                    i / (double) BINS, (i + 1) / (double) BINS, histogram[i], 20.0 * histogram[i] / max));
        }
        b.append("</table>\n");
        table(b, "Most frequent restored phrases", topPhrases());
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, String heading, Map<String, Long> counts) {
        b.append("<h2>").append(escape(heading)).append("</h2>\n<table>\n");
        counts.forEach((k, v) -> b.append("<tr><td>").append(escape(k)).append("</td><td class=\"n\">").append(v)
                .append("</td></tr>\n"));
        b.append("</table>\n");
    }

    private static String escape(String s) {
        return HtmlRenderer.escape(s);
    }
}
