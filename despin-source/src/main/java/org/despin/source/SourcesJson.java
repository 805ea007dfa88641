package org.despin.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The {@code despin.sources/1} JSON contract (see ARCHITECTURE.md): {@code {"schema":
 * "despin.sources/1", "sources": [{"id", "score", "overlapBefore", "overlapAfter", "passages":
 * [{"queryStart", "queryEnd", "sourceStart", "sourceEnd"}]}]}}. Added fields: {@code coverage}
 * per source. Shared by the command line and the server.
 */
public final class SourcesJson {
    public static final String SCHEMA = "despin.sources/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SourcesJson() {
    }

    public static ObjectNode toJson(List<SourceMatch> matches) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode sources = root.putArray("sources");
        for (SourceMatch m : matches) {
            ObjectNode s = sources.addObject();
            s.put("id", m.id());
            s.put("score", round(m.score()));
            s.put("overlapBefore", round(m.overlapBefore()));
            s.put("overlapAfter", round(m.overlapAfter()));
            s.put("coverage", round(m.coverage()));
            ArrayNode passages = s.putArray("passages");
            for (Passage p : m.passages()) {
                ObjectNode o = passages.addObject();
                o.put("queryStart", p.queryStart());
                o.put("queryEnd", p.queryEnd());
                o.put("sourceStart", p.sourceStart());
                o.put("sourceEnd", p.sourceEnd());
            }
        }
        return root;
    }

    /** One line of JSON. */
    public static String render(List<SourceMatch> matches) {
        try {
            return JSON.writeValueAsString(toJson(matches));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Four decimals: enough for a share, stable in golden files. */
    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
