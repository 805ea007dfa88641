package org.despin.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.despin.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage example of the package documentation, compiled and run. */
class LexiconUsageTest {
    @Test
    void packageExample(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("model.despin");
        try (ModelFile.Writer w = new ModelFile.Writer(path)) {
            w.section(LexiconFormat.SECTION, LexiconFormat.section(LexiconFormatTest.sample(false)));
            w.finish(Map.of());
        }

        Lexicon lexicon = LexiconFormat.read(ModelFile.open(path));
        StringBuilder seen = new StringBuilder();
        for (Candidate c : lexicon.candidates("advised")) {
            seen.append(c.original()).append(' ');
        }
        assertEquals("notified told counselled ", seen.toString());
        assertTrue(lexicon.isKnownWord("advised"));
        Lexicon refit = LexiconFormat.read(ModelFile.open(path), new ChannelWeights(0.5, 0.5, 0.5, -1, -2.5, -0.5, 0));
        assertEquals((float) (-0.5 * Math.log(309) + 0.5), refit.candidates("advised").get(1).logChannel());
    }
}
