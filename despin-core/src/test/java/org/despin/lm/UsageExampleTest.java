package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.despin.lm.build.BackoffMixer;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.ModelFile;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of the package documentation, compiled and run. */
class UsageExampleTest {
    @TempDir
    Path dir;

    @Test
    void estimateMixWriteLoadQuery() throws Exception {
        String text = "The Security Council met on Monday. The council told reporters that it met.";
        KneserNeyEstimator kn = new KneserNeyEstimator(4);
        for (String[] s : LmText.sentenceWords(Document.parse(text))) {
            kn.addSentence(s);
        }
        KneserNeyEstimator other = new KneserNeyEstimator(3);
        LmTestSupport.smallCorpus().forEach(other::addSentence);
        BackoffSource model = BackoffMixer.mix(kn.estimate(), other.estimate(), 0.6);
        Path path = dir.resolve("example.model");
        try (ModelFile.Writer w = new ModelFile.Writer(path)) {
            w.section(LmFormat.SECTION, LmFormat.section(model));
            w.finish(Map.of("lm.example", "yes"));
        }
        LanguageModel lm = LmFormat.read(ModelFile.open(path));
        LmState s = lm.newState();
        lm.beginSentence(s);
        float the = lm.score(s, lm.vocabulary().id("the"), s);
        float security = lm.score(s, lm.vocabulary().id("security"), s);
        LmState t = lm.newState();
        lm.beginSentence(t);
        lm.score(t, lm.vocabulary().id("the"), t);
        float protection = lm.score(t, lm.vocabulary().id("protection"), t);
        assertEquals(4, lm.order());
        assertTrue(the > -1, "p(the | <s>) is high: " + the);
        assertTrue(security > protection + 1, security + " vs unknown " + protection);
    }
}
