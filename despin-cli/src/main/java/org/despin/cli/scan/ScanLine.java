package org.despin.cli.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.despin.cli.CheckedDocument;
import org.despin.cli.render.ReportJson;
import org.despin.detect.Finding;

/**
 * One line of the scan output (JSON Lines), built whole in memory so that it is written with a
 * single write:
 * <pre>{"id", "source", "status":"ok", "verdict", "spinScore", "words", "findings", "top":[{"start","end","text","suggestion","confidence"}]}
 * {"id", "source", "status":"invalid-utf8", "error":"..."}</pre>
 * {@code top} holds the {@value #TOP} most confident findings, most confident first (ties: in text order).
 */
final class ScanLine {
    static final int TOP = 5;

    /** Most confident first; among equals the earlier one. */
    static final Comparator<Finding> BY_CONFIDENCE = Comparator.comparingDouble(Finding::confidence).reversed()
            .thenComparingInt(Finding::start);

    private ScanLine() {
    }

    static String ok(String id, String source, CheckedDocument d) throws IOException {
        List<Finding> top = top(d.findings());
        return write(g -> {
            head(g, id, source, ScanStatus.OK);
            g.writeStringField("verdict", d.verdict().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("spinScore", d.spinScore());
            g.writeNumberField("words", d.tokens());
            g.writeNumberField("findings", d.findingCount());
            g.writeArrayFieldStart("top");
            for (Finding f : top) {
                g.writeStartObject();
                g.writeNumberField("start", f.start());
                g.writeNumberField("end", f.end());
                g.writeStringField("text", f.text());
                g.writeStringField("suggestion", f.suggestion());
                g.writeNumberField("confidence", f.confidence());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    static String failed(String id, String source, ScanStatus status, String problem) {
        try {
            return write(g -> {
                head(g, id, source, status);
                g.writeStringField("error", problem);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
    }

    private static void head(JsonGenerator g, String id, String source, ScanStatus status) throws IOException {
        g.writeStringField("id", id);
        g.writeStringField("source", source);
        g.writeStringField("status", status.label());
    }

    /** The most confident findings of a document of any size, holding only {@value #TOP} at a time. */
    static List<Finding> top(Iterator<Finding> findings) {
        PriorityQueue<Finding> least = new PriorityQueue<>(TOP + 1, BY_CONFIDENCE.reversed());
        while (findings.hasNext()) {
            least.add(findings.next());
            if (least.size() > TOP) {
                least.poll();
            }
        }
        List<Finding> top = new ArrayList<>(least);
        top.sort(BY_CONFIDENCE);
        return top;
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Fields fields) throws IOException {
        StringWriter s = new StringWriter(256);
        try (JsonGenerator g = ReportJson.MAPPER.getFactory().createGenerator(s)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        }
        return s.append('\n').toString();
    }
}
