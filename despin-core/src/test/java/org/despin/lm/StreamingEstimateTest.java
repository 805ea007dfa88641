package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.despin.lm.LmTestSupport.Counted;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.lm.build.SortedNgramModel;
import org.despin.lm.build.StreamingKneserNeyEstimator;
import org.despin.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The estimate on disk ({@link StreamingKneserNeyEstimator}, the seam a counter feeds) against the
 * in-memory {@link KneserNeyEstimator}: the same n-grams with the same float values, and the same
 * "lm" section bytes, whatever the memory budget and whatever order the counts and ids come in.
 */
class StreamingEstimateTest {
    @TempDir
    Path dir;

    /** Sentences over a Zipf-like vocabulary of 300 words: enough n-grams for 10-bit codebooks to bin. */
    private static List<String[]> corpus(int sentences, long seed) {
        Random r = new Random(seed);
        List<String[]> out = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            String[] words = new String[1 + r.nextInt(12)];
            for (int i = 0; i < words.length; i++) {
                int w = (int) Math.floor(Math.pow(300, r.nextDouble())) - 1;
                words[i] = "w" + w;
            }
            out.add(words);
        }
        return out;
    }

    private Counted count(List<String[]> sentences, int order) throws Exception {
        return LmTestSupport.count(sentences, order, Files.createTempDirectory(dir, "count"));
    }

    private static SortedNgramModel streamed(Counted c, int order, long budget, Path tmp) throws Exception {
        return LmTestSupport.streamed(c, order, budget, tmp);
    }

    private static BackoffSource inMemory(List<String[]> sentences, int order) {
        KneserNeyEstimator kn = new KneserNeyEstimator(order);
        sentences.forEach(kn::addSentence);
        return kn.estimate();
    }

    private ByteBuffer lmSection(ModelFile.SectionBody body, String name) throws Exception {
        Path p = dir.resolve(name);
        try (ModelFile.Writer w = new ModelFile.Writer(p)) {
            w.section(LmFormat.SECTION, body);
            w.finish(Map.of());
        }
        return ModelFile.open(p).section(LmFormat.SECTION);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void sameNgramsValuesAndBytesAsTheInMemoryEstimator(int order) throws Exception {
        List<String[]> sentences = corpus(1500, order);
        Path tmp = Files.createTempDirectory(dir, "est");
        // 64 KB of sort buffer: the larger sorts spill several runs
        try (SortedNgramModel streamed = streamed(count(sentences, order), order, 64 << 10, tmp)) {
            BackoffSource memory = inMemory(sentences, order);
            List<String> expected = LmTestSupport.lines(memory);
            assertEquals(expected, LmTestSupport.lines(streamed));
            for (int n = 1; n <= order; n++) {
                assertEquals(memory.count(n), streamed.count(n), "order " + n);
            }
            assertEquals(lmSection(LmFormat.section(inMemory(sentences, order)), "memory.model"),
                    lmSection(LmFormat.section(streamed), "streamed.model"));
        }
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "temporary files left");
        }
    }

    @Test
    void codebooksBinWhenValuesAreMany() throws Exception {
        // the corpus above has more distinct 3-gram probabilities than a 10-bit codebook holds
        List<String[]> sentences = corpus(1500, 3);
        try (SortedNgramModel m = streamed(count(sentences, 3), 3, 1 << 20, dir)) {
            java.util.Set<Float> distinct = new java.util.HashSet<>();
            m.forEach(3, (w, p, bo) -> distinct.add(p));
            assertTrue(distinct.size() > 1024, "distinct " + distinct.size());
        }
    }

    @Test
    void bytesDoNotDependOnIdsOrTheOrderOfCounts() throws Exception {
        int order = 4;
        List<String[]> sentences = corpus(400, 7);
        Counted c = count(sentences, order);
        ByteBuffer reference;
        try (SortedNgramModel m = streamed(c, order, 1 << 20, dir)) {
            reference = lmSection(LmFormat.section(m), "a.model");
        }
        // other ids (the vocabulary reversed), counts in reverse order and split in two
        List<String> words = new ArrayList<>(c.vocabulary());
        Collections.reverse(words);
        int[] newId = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            newId[i] = words.size() - 1 - i;
        }
        StreamingKneserNeyEstimator kn = new StreamingKneserNeyEstimator(order, words, dir, 32 << 10);
        for (int i = c.ngrams().size() - 1; i >= 0; i--) {
            int[] g = c.ngrams().get(i).clone();
            for (int k = 0; k < g.length; k++) {
                g[k] = newId[g[k]];
            }
            long n = c.counts().get(i);
            kn.addNgramCount(g, g.length, n / 2);
            if (n - n / 2 > 0) {
                kn.addNgramCount(g, g.length, n - n / 2);
            }
        }
        try (kn; SortedNgramModel m = kn.estimate()) {
            assertEquals(reference, lmSection(LmFormat.section(m), "b.model"));
        }
        // a vocabulary that grows as the counts come (the Spark job's way), counts in reverse order
        Path tmp = Files.createTempDirectory(dir, "growing");
        try (StreamingKneserNeyEstimator growing = new StreamingKneserNeyEstimator(order, tmp, 32 << 10)) {
            for (int i = c.ngrams().size() - 1; i >= 0; i--) {
                int[] g = c.ngrams().get(i);
                int[] ids = new int[g.length];
                for (int k = 0; k < g.length; k++) {
                    ids[k] = growing.wordId(c.vocabulary().get(g[k]));
                }
                growing.addNgramCount(ids, ids.length, c.counts().get(i));
            }
            try (SortedNgramModel m = growing.estimate()) {
                assertEquals(reference, lmSection(LmFormat.section(m), "c.model"));
            }
        }
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "temporary files left");
        }
    }

    @Test
    void theHandCheckedTrigramModel() throws Exception {
        // KneserNeyGoldenTest's corpus "a b", "a b", "b a", counted as the trainer counts it
        List<String[]> sentences = List.of(new String[] {"a", "b"}, new String[] {"a", "b"}, new String[] {"b", "a"});
        try (SortedNgramModel m = streamed(count(sentences, 3), 3, 1, dir)) {
            assertEquals(List.of("<unk>", "<s>", "</s>", "a", "b"), List.of(m.vocabulary()));
            assertEquals(List.of(
                    "<unk> " + (float) Math.log10(1.0 / 8) + " 0.0",
                    "<s> -99.0 " + (float) Math.log10(0.5),
                    "</s> " + (float) Math.log10(7.0 / 24) + " 0.0",
                    "a " + (float) Math.log10(7.0 / 24) + " " + (float) Math.log10(0.5),
                    "b " + (float) Math.log10(7.0 / 24) + " " + (float) Math.log10(0.5),
                    "<s> a " + (float) Math.log10(23.0 / 48) + " " + (float) Math.log10(0.5),
                    "<s> b " + (float) Math.log10(15.0 / 48) + " " + (float) Math.log10(0.5),
                    "a </s> " + (float) Math.log10(19.0 / 48) + " 0.0",
                    "a b " + (float) Math.log10(19.0 / 48) + " " + (float) Math.log10(0.5),
                    "b </s> " + (float) Math.log10(19.0 / 48) + " 0.0",
                    "b a " + (float) Math.log10(19.0 / 48) + " " + (float) Math.log10(0.5),
                    "<s> a b " + (float) Math.log10(67.0 / 96) + " 0.0",
                    "<s> b a " + (float) Math.log10(67.0 / 96) + " 0.0",
                    "a b </s> " + (float) Math.log10(67.0 / 96) + " 0.0",
                    "b a </s> " + (float) Math.log10(67.0 / 96) + " 0.0"), LmTestSupport.lines(m));
        }
    }

    @Test
    void countsThatAreNotOfWholeSentencesAreRefusedAndTheFilesDeleted() throws Exception {
        Path tmp = Files.createTempDirectory(dir, "bad");
        StreamingKneserNeyEstimator kn = new StreamingKneserNeyEstimator(3, List.of("<unk>", "<s>", "</s>", "x", "y", "z"),
                tmp, 1 << 10);
        kn.addNgramCount(new int[] {3, 4, 5}, 3, 2); // "x y z" without the "x y" a sentence would have given
        IllegalStateException e = assertThrows(IllegalStateException.class, kn::estimate);
        assertTrue(e.getMessage().contains("not those of whole sentences"), e.getMessage());
        kn.close();
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "temporary files left");
        }
    }
}
