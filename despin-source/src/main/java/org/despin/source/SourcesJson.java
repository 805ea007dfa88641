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
 * per source, and on request {@code sourceText} per passage (the source's words of that passage, so
 * that a client without the source collection can show them side by side). Shared by the command
 * line and the server.
 */
public final class SourcesJson {
    public static final String SCHEMA = "despin.sources/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SourcesJson() {
    }

    public static ObjectNode toJson(List<SourceMatch> matches) {
        return toJson(matches, false);
    }

    /** With {@code passageText}, each passage also carries its {@code sourceText}. */
    public static ObjectNode toJson(List<SourceMatch> matches, boolean passageText) {
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
                if (passageText) {
                    o.put("sourceText", m.source().text().substring(p.sourceStart(), p.sourceEnd()));
                }
            }
        }
        return root;
    }

    /** One line of JSON. */
    public static String render(List<SourceMatch> matches) {
        return render(matches, false);
    }

    /** One line of JSON; with {@code passageText}, each passage also carries its {@code sourceText}. */
    public static String render(List<SourceMatch> matches, boolean passageText) {
        try {
            return JSON.writeValueAsString(toJson(matches, passageText));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Four decimals: enough for a share, stable in golden files. */
    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
