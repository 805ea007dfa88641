package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.despin.lm.build.BackoffMixer;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.SortedNgramModel;
import org.despin.lm.build.StreamingBackoffMixer;
import org.despin.model.ModelFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link StreamingBackoffMixer} (what {@code despin train --mix-default} uses) against the in-memory
 * {@link BackoffMixer}: the same n-grams, the same float values and the same "lm" section bytes, with
 * sort buffers small enough to spill, for equal and unequal orders and vocabularies that overlap
 * only in part.
 */
class StreamingMixTest {
    @TempDir
    Path dir;

    private static List<String[]> corpus(int sentences, int vocabulary, String prefix, long seed) {
        Random r = new Random(seed);
        List<String[]> out = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            String[] words = new String[1 + r.nextInt(10)];
            for (int i = 0; i < words.length; i++) {
                int w = (int) Math.floor(Math.pow(vocabulary, r.nextDouble())) - 1;
                // a third of the words are the other corpus's too
                words[i] = (w % 3 == 0 ? "w" : prefix) + w;
            }
            out.add(words);
        }
        return out;
    }

    private SortedNgramModel estimate(List<String[]> sentences, int order, Path tmp) throws Exception {
        return LmTestSupport.streamed(LmTestSupport.count(sentences, order, Files.createTempDirectory(dir, "count")),
                order, 1 << 20, tmp);
    }

    /** A model file holding {@code src}'s trie (quantised as the default), memory-mapped. */
    private TrieLanguageModel trie(BackoffSource src, String name) throws Exception {
        Path p = dir.resolve(name);
        try (ModelFile.Writer w = new ModelFile.Writer(p)) {
            w.section(LmFormat.SECTION, LmFormat.section(src));
            w.finish(Map.of());
        }
        return LmFormat.read(ModelFile.open(p));
    }

    private ByteBuffer lmSection(ModelFile.SectionBody body, String name) throws Exception {
        Path p = dir.resolve(name);
        try (ModelFile.Writer w = new ModelFile.Writer(p)) {
            w.section(LmFormat.SECTION, body);
            w.finish(Map.of());
        }
        return ModelFile.open(p).section(LmFormat.SECTION);
    }

    /**
     * The same n-gram lines whatever their order (the in-memory mixer lists them by reversed tuple,
     * the model on disk by tuple), reported at the first line that differs (the lists are long).
     */
    private static void assertSameLines(List<String> expected, List<String> actual) {
        expected = expected.stream().sorted().toList();
        actual = actual.stream().sorted().toList();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "line " + i);
        }
        assertEquals(expected.size(), actual.size(), "lines");
    }

    @ParameterizedTest
    @CsvSource({"3, 3, 0.6", "4, 3, 0.3", "2, 4, 0.75", "3, 2, 1.0"})
    void sameModelAsTheInMemoryMixer(int ownOrder, int baseOrder, double lambda) throws Exception {
        Path tmp = Files.createTempDirectory(dir, "mix");
        try (SortedNgramModel own = estimate(corpus(900, 200, "a", ownOrder), ownOrder, tmp);
                SortedNgramModel base = estimate(corpus(700, 150, "b", 10 + baseOrder), baseOrder, tmp)) {
            TrieLanguageModel baseTrie = trie(base, "base.model");
            BackoffSource reference = BackoffMixer.mix(own, baseTrie.asBackoffSource(), lambda);
            // a 16 KB sort budget: the union of every order spills several runs
            try (SortedNgramModel streamed = StreamingBackoffMixer.mix(own, baseTrie, lambda, tmp, 16 << 10)) {
                assertEquals(reference.order(), streamed.order());
                for (int n = 1; n <= reference.order(); n++) {
                    assertEquals(reference.count(n), streamed.count(n), "order " + n);
                }
                assertSameLines(LmTestSupport.lines(reference), LmTestSupport.lines(streamed));
                assertEquals(lmSection(LmFormat.section(reference), "memory.model"),
                        lmSection(LmFormat.section(streamed), "streamed.model"));
            }
        }
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "temporary files left");
        }
    }
}
