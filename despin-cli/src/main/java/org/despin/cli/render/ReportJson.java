package org.despin.cli.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.despin.detect.Finding;

/**
 * The field names and order of the {@code despin.report/1} contract (ARCHITECTURE.md), written
 * with Jackson's streaming generator so that field order is exactly the contract's and a report
 * of any size streams out.
 */
public final class ReportJson {
    /** Shared, thread-safe after configuration. Doubles are written as Java prints them (shortest round-trip form). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final JsonFactory FACTORY = MAPPER.getFactory()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private ReportJson() {
    }

    /** {@code {"start", "end", "text", "suggestion", "confidence", "alternatives": [{"text", "confidence"}], "evidence"}} */
    public static void writeFinding(JsonGenerator g, Finding f) throws IOException {
        org.despin.server.ReportJson.writeFinding(g, f);
    }
}
