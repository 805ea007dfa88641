package org.despin.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The small JSON bodies the API sends besides reports: errors, health, restored text. */
final class JsonResponses {
    private final JsonFactory factory;

    JsonResponses(JsonFactory factory) {
        this.factory = factory;
    }

    /** {@code {"error": {"status": 413, "message": "..."}}}: the one error shape of the API. */
    byte[] error(int status, String message) {
        return write(g -> {
            g.writeObjectFieldStart("error");
            g.writeNumberField("status", status);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
    }

    /** A flat object of string fields, in the given order. */
    byte[] fields(Map<String, String> fields) {
        return write(g -> {
            for (Map.Entry<String, String> e : fields.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        return out.toByteArray();
    }
}
