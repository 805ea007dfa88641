package org.despin.cli.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Iterator;
import org.despin.cli.CheckedDocument;
import org.despin.cli.input.InputException;
import org.despin.detect.Finding;
import org.despin.detect.Report;

/**
 * {@code --format json}: the {@code despin.report/1} contract. One input gives one report object
 * on one line; several inputs give JSON Lines, one line per input in input order, each starting
 * with {@code "source"} (the name as given); an input that could not be read gets
 * {@code {"source", "status", "error"}}.
 */
public final class JsonRenderer implements Renderer {
    private final Writer out;
    private final boolean batch;

    /** @param batch whether several inputs were given (adds the "source" field) */
    public JsonRenderer(Writer out, boolean batch) {
        this.out = out;
        this.batch = batch;
    }

    @Override
    public void document(CheckedDocument d) throws IOException {
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            if (batch) {
                g.writeStringField("source", d.source());
            }
            g.writeStringField("schema", Report.SCHEMA);
            g.writeStringField("verdict", d.verdict().label());
            g.writeNumberField("spinScore", d.spinScore());
            g.writeNumberField("tokens", d.tokens());
            g.writeArrayFieldStart("findings");
            for (Iterator<Finding> it = d.findings(); it.hasNext();) {
                ReportJson.writeFinding(g, it.next());
            }
            g.writeEndArray();
            g.writeFieldName("restored");
            try (Reader restored = d.openRestored()) {
                g.writeString(restored, -1);
            }
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    @Override
    public void failure(InputException problem) throws IOException {
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("source", problem.source());
            g.writeStringField("status", problem.status().label());
            g.writeStringField("error", problem.problem());
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
