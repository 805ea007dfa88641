package org.despin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.despin.cli.render.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end over the real detector and a tiny hand-made model. */
class RealDetectorTest {
    static final String SPUN = "The Protection Council met on Tuesday. The Secretary-Common advised reporters that the talks had failed.\n";
    static final String CLEAN = "The Security Council met on Tuesday.\n";

    @TempDir
    Path dir;

    static CliRun.Builder cli() {
        return CliRun.with(TinyModel.CHECKERS);
    }

    @Test
    void jsonNamesEachSpunSpanAndItsOriginal() throws IOException {
        Path f = Files.writeString(dir.resolve("spun.txt"), SPUN);
        CliRun r = cli().run("check", "--format", "json", f.toString());
        assertEquals(0, r.exitCode, r.toString());
        JsonNode n = ReportJson.MAPPER.readTree(r.out);
        assertEquals("spun", n.get("verdict").asText(), r.out);
        List<String> found = new ArrayList<>();
        for (JsonNode finding : n.get("findings")) {
            int start = finding.get("start").asInt();
            int end = finding.get("end").asInt();
            assertEquals(SPUN.substring(start, end), finding.get("text").asText());
            assertTrue(finding.get("confidence").asDouble() >= 0.5 && finding.get("confidence").asDouble() <= 1, r.out);
            found.add(start + "-" + end + " " + finding.get("text").asText() + "->" + finding.get("suggestion").asText());
        }
        assertEquals(List.of("4-14 Protection->Security", "43-59 Secretary-Common->Secretary-General", "60-67 advised->told"), found);
        assertEquals("The Security Council met on Tuesday. The Secretary-General told reporters that the talks had failed.\n",
                n.get("restored").asText());
    }

    @Test
    void cleanTextHasNoFindings() {
        CliRun r = cli().stdin(CLEAN).run("check", "-");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.startsWith("The Security Council met on Tuesday.\nverdict: "), r.out);
        assertTrue(r.out.contains(", 0 findings in 6 tokens"), r.out);
        assertEquals(CLEAN, cli().stdin(CLEAN).run("restore", "-").out);
    }

    @Test
    void restorePutsTheOriginalsBack() {
        CliRun r = cli().stdin(SPUN).run("restore", "-");
        assertEquals("The Security Council met on Tuesday. The Secretary-General told reporters that the talks had failed.\n", r.out);
    }
}
