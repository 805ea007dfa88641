package org.despin.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.despin.detect.Alternative;
import org.despin.detect.Finding;
import org.despin.detect.Report;

/**
 * Writes a {@link Report} in the {@code despin.report/1} contract (ARCHITECTURE.md), fields in
 * the documented order. Written with the streaming generator rather than by data binding so that
 * the field names and order are fixed here, not by the shape of the Java records.
 */
public final class ReportJson {
    private final JsonFactory factory;

    ReportJson(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * @param source the uploaded file's name, or null for a pasted text
     * @param input the text the offsets refer to when the client did not send it as text (an
     *     upload), or null
     */
    byte[] write(Report report, String source, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + report.restored().length() * 2);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("schema", Report.SCHEMA);
            g.writeStringField("verdict", report.verdict().label());
            g.writeNumberField("spinScore", report.spinScore());
            g.writeNumberField("tokens", report.tokens());
            g.writeArrayFieldStart("findings");
            for (Finding f : report.findings()) {
                writeFinding(g, f);
            }
            g.writeEndArray();
            g.writeStringField("restored", report.restored());
            if (source != null) {
                g.writeStringField("source", source);
            }
            if (input != null) {
                g.writeStringField("input", input);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        return out.toByteArray();
    }

    /**
     * One finding, {@code {"start", "end", "text", "suggestion", "confidence", "alternatives":
     * [{"text", "confidence"}], "evidence"}}: the one place that writes a finding of the contract
     * (the command line's renderers call it too).
     */
    public static void writeFinding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("start", f.start());
        g.writeNumberField("end", f.end());
        g.writeStringField("text", f.text());
        g.writeStringField("suggestion", f.suggestion());
        g.writeNumberField("confidence", f.confidence());
        g.writeArrayFieldStart("alternatives");
        for (Alternative a : f.alternatives()) {
            g.writeStartObject();
            g.writeStringField("text", a.text());
            g.writeNumberField("confidence", a.confidence());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("evidence", f.evidence());
        g.writeEndObject();
    }
}
