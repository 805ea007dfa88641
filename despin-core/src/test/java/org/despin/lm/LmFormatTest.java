package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.DataFormatException;
import org.despin.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmFormatTest {
    @TempDir
    Path dir;

    private Path write(String name, BackoffSource src) throws Exception {
        Path p = dir.resolve(name);
        try (ModelFile.Writer w = new ModelFile.Writer(p)) {
            w.section(LmFormat.SECTION, LmFormat.section(src));
            w.finish(Map.of());
        }
        return p;
    }

    private static BackoffSource estimate() {
        KneserNeyEstimator kn = new KneserNeyEstimator(4);
        LmTestSupport.smallCorpus().forEach(kn::addSentence);
        return kn.estimate();
    }

    private ByteBuffer section() throws Exception {
        ByteBuffer mapped = ModelFile.open(write("m", estimate())).section(LmFormat.SECTION);
        ByteBuffer copy = ByteBuffer.allocate(mapped.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        copy.put(mapped.duplicate()).flip();
        return copy;
    }

    @Test
    void twoBuildsFromTheSameInputGiveTheSameBytes() throws Exception {
        byte[] a = Files.readAllBytes(write("a", estimate()));
        byte[] b = Files.readAllBytes(write("b", estimate()));
        assertArrayEquals(a, b);
    }

    @Test
    void refusesATruncatedSection() throws Exception {
        ByteBuffer whole = section();
        for (int cut : new int[] {0, 7, 30, 100, whole.capacity() / 2, whole.capacity() - 8}) {
            ByteBuffer truncated = whole.duplicate().limit(cut).slice().order(ByteOrder.LITTLE_ENDIAN);
            DataFormatException e = assertThrows(DataFormatException.class, () -> LmFormat.read(truncated, "news.model"),
                    "cut at " + cut);
            assertTrue(e.getMessage().startsWith("news.model: "), e.getMessage());
            assertTrue(e.getMessage().contains("rebuild it"), e.getMessage());
        }
        LmFormat.read(whole, "news.model"); // the whole one is fine
    }

    @Test
    void refusesWrongSizesAndForeignData() throws Exception {
        ByteBuffer s = section();
        ByteBuffer wrongCount = copy(s);
        wrongCount.putLong(24 + 8, wrongCount.getLong(24 + 8) + 1); // one bigram more than stored
        DataFormatException e = assertThrows(DataFormatException.class, () -> LmFormat.read(wrongCount, "m"));
        assertTrue(e.getMessage().contains("gram"), e.getMessage());

        ByteBuffer wrongVersion = copy(s);
        wrongVersion.putInt(8, 99);
        e = assertThrows(DataFormatException.class, () -> LmFormat.read(wrongVersion, "m"));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());

        ByteBuffer foreign = copy(s);
        foreign.putLong(0, 0x1234);
        e = assertThrows(DataFormatException.class, () -> LmFormat.read(foreign, "m"));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());

        ByteBuffer wrongVocabulary = copy(s);
        wrongVocabulary.putInt(16, wrongVocabulary.getInt(16) + 1);
        assertThrows(DataFormatException.class, () -> LmFormat.read(wrongVocabulary, "m"));
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        c.put(b.duplicate()).flip();
        return c;
    }

    @Test
    void missingPrefixesAndSuffixesAreAddedWithoutChangingScores() throws Exception {
        // a pruned model: "x y z" is stored, but neither "x y" nor "y z" is
        TestSource src = new TestSource(3).add(.1, 1, "<unk>").addLog(-99, 0, "<s>").add(.2, 1, "</s>")
                .add(.3, .5, "x").add(.2, .8, "y").add(.2, .9, "z").add(.5, 1, "x z").add(.6, 1, "x y z");
        TrieLanguageModel trie = LmFormat.read(ModelFile.open(write("p", src)));
        assertEquals(2 + 1, trie.count(2)); // x z, plus the added x y and y z
        TrieRoundTripTest.assertSameScores(LmTestSupport.toMap(src), trie, src, 1e-3, false);
    }
}
