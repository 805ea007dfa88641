package org.despin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.despin.Despin;
import org.despin.lexicon.MapLexicon;
import org.despin.lm.MapLanguageModel;
import org.despin.model.Model;
import org.despin.model.ModelInfo;
import org.junit.jupiter.api.Test;

/**
 * The server over the real {@link Despin} facade and detector with a tiny hand-made model: the
 * answer must keep the report contract whatever the detector decides (offsets into the input,
 * text equal to the substring, restored equal to the input with the findings applied).
 */
class FacadeEndToEndTest {
    private static final String TEXT = "The Protection Council met on Tuesday. The Security Council met again.";

    private static Despin tinyDespin() {
        MapLanguageModel lm = new MapLanguageModel.Builder(2)
                .add(-99f, -0.3f, "<s>")
                .add(-1.0f, -0.3f, "the")
                .add(-1.5f, -0.3f, "security")
                .add(-2.5f, -0.3f, "protection")
                .add(-1.5f, -0.3f, "council")
                .add(-1.5f, -0.3f, "met")
                .add(-1.8f, -0.3f, "on")
                .add(-2.0f, -0.3f, "tuesday")
                .add(-2.0f, -0.3f, "again")
                .add(-1.0f, 0f, "</s>")
                .add(-0.3f, 0f, "<s>", "the")
                .add(-0.5f, 0f, "the", "security")
                .add(-2.5f, 0f, "the", "protection")
                .add(-0.1f, 0f, "security", "council")
                .add(-1.5f, 0f, "protection", "council")
                .add(-0.3f, 0f, "council", "met")
                .build();
        MapLexicon lexicon = new MapLexicon.Builder()
                .add("protection", "security", -1.0f)
                .add("security", "protection", -1.0f)
                .build();
        return new Despin(new Model(lm, lexicon, new ModelInfo(1, Map.of("model", "tiny"))));
    }

    @Test
    void realDetectorAnswersInTheReportContract() throws Exception {
        try (DespinServer server = DespinServer.start(ServerOptions.defaults().withPort(0), tinyDespin(), "tiny")) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(server.uri() + "api/v1/check"))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(TEXT, StandardCharsets.UTF_8)).build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(req,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode report = new ObjectMapper().readTree(r.body());
            assertEquals("despin.report/1", report.get("schema").asText());
            assertTrue(Set.of("spun", "clean", "uncertain").contains(report.get("verdict").asText()), r.body());
            double score = report.get("spinScore").asDouble();
            assertTrue(score >= 0 && score <= 1, r.body());
            StringBuilder restored = new StringBuilder();
            int at = 0;
            for (JsonNode f : report.get("findings")) {
                int start = f.get("start").asInt();
                int end = f.get("end").asInt();
                assertEquals(TEXT.substring(start, end), f.get("text").asText(), r.body());
                double c = f.get("confidence").asDouble();
                assertTrue(c >= 0 && c <= 1, r.body());
                assertTrue(f.get("alternatives").isArray() && f.get("evidence").isTextual(), r.body());
                restored.append(TEXT, at, start).append(f.get("suggestion").asText());
                at = end;
            }
            restored.append(TEXT.substring(at));
            assertEquals(restored.toString(), report.get("restored").asText());
            // and the model answers the way a person would hope
            assertEquals("The Security Council met on Tuesday. The Security Council met again.", restored.toString(),
                    r.body());
        }
    }
}
