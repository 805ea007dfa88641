package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language model read into the heap ({@link LmFormat#readOnHeap}, what the detector loads) and
 * the memory-mapped one ({@link LmFormat#read(ModelFile)}, what model building reads) are the same
 * model: every word (and an unknown id) after a sample of contexts gives the same float bits, the
 * same next state and matched order, and the batch queries agree, with the default sampling and a
 * fine one that samples every range, on a 4-gram model whose common words have long child ranges.
 */
class HeapLanguageModelTest {
    @TempDir
    Path dir;

    /** 1,500 sentences over 200 words drawn with Zipfian frequencies (fixed seed). */
    private static BackoffSource zipfModel() {
        KneserNeyEstimator kn = new KneserNeyEstimator(4);
        Random r = new Random(5);
        double[] cumulative = new double[200];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int s = 0; s < 1500; s++) {
            String[] words = new String[5 + r.nextInt(12)];
            for (int i = 0; i < words.length; i++) {
                int k = Arrays.binarySearch(cumulative, r.nextDouble() * sum);
                words[i] = "w" + (k < 0 ? -k - 1 : k);
            }
            kn.addSentence(words);
        }
        return kn.estimate();
    }

    private ModelFile modelFile(BackoffSource src) throws Exception {
        Path file = dir.resolve("zipf.dspm");
        try (ModelFile.Writer w = new ModelFile.Writer(file)) {
            w.section(LmFormat.SECTION, LmFormat.section(src));
            w.finish(Map.of());
        }
        return ModelFile.open(file);
    }

    @Test
    void theHeapAndTheMappedModelScoreTheSame() throws Exception {
        BackoffSource src = zipfModel();
        ModelFile file = modelFile(src);
        ByteBuffer mappedSection = file.section(LmFormat.SECTION);
        ByteBuffer heapSection = file.sectionOnHeap(LmFormat.SECTION);
        assertTrue(mappedSection.isDirect());
        assertTrue(!heapSection.isDirect());
        List<String[]> contexts = LmTestSupport.contexts(src);
        assertTrue(contexts.size() > 1000, "contexts " + contexts.size());
        List<String[]> some = new java.util.ArrayList<>();
        for (int i = 0; i < contexts.size(); i += 7) {
            some.add(contexts.get(i));
        }
        TrieLanguageModel mapped = LmFormat.read(file);
        TrieLanguageModel heap = LmFormat.readOnHeap(file);
        assertEquals(mapped.sizeBytes(), heap.sizeBytes());
        assertSame(mapped, heap, some);
        TrieLanguageModel.Sampling fine = new TrieLanguageModel.Sampling(2, 2, 4);
        assertSame(new TrieLanguageModel(mappedSection, "mapped", fine), new TrieLanguageModel(heapSection, "heap", fine), some);
        TrieRoundTripTest.assertSameBatchScores(heap, src);
        assertBatchesSame(mapped, heap);
    }

    /** Every word of the vocabulary (and an unknown id) after every context: equal float bits, states and matched orders. */
    private static void assertSame(TrieLanguageModel expected, TrieLanguageModel actual, List<String[]> contexts) {
        TrieState se = expected.newState();
        TrieState sa = actual.newState();
        TrieState oe = expected.newState();
        TrieState oa = actual.newState();
        int size = expected.vocabulary().size();
        assertEquals(size, actual.vocabulary().size());
        long scored = 0;
        for (String[] context : contexts) {
            enter(expected, context, se);
            enter(actual, context, sa);
            for (int w = 0; w <= size; w++) {
                float pe = expected.score(se, w, oe);
                float pa = actual.score(sa, w, oa);
                int word = w;
                assertEquals(Float.floatToRawIntBits(pe), Float.floatToRawIntBits(pa),
                        () -> "p(" + word + " | " + String.join(" ", context) + ")");
                assertEquals(expected.matchedOrder(se, w), actual.matchedOrder(sa, w));
                assertEquals(oe.length, oa.length);
                for (int i = 0; i < oe.length; i++) {
                    assertEquals(oe.words[i], oa.words[i]);
                    assertEquals(Float.floatToRawIntBits(oe.backoff[i]), Float.floatToRawIntBits(oa.backoff[i]));
                    assertEquals(oe.childFrom[i], oa.childFrom[i]);
                    assertEquals(oe.childTo[i], oa.childTo[i]);
                }
                scored++;
            }
        }
        assertTrue(scored > 10_000, "scored " + scored);
    }

    /** scoreEach after every word and scoreAfterEach of every word: equal float bits. */
    private static void assertBatchesSame(TrieLanguageModel expected, TrieLanguageModel actual) {
        int size = expected.vocabulary().size();
        int[] all = new int[size + 1];
        for (int w = 0; w <= size; w++) {
            all[w] = w;
        }
        float[] e = new float[all.length];
        float[] a = new float[all.length];
        LmState se = expected.newState();
        LmState sa = actual.newState();
        for (int c = 0; c < size; c++) {
            expected.emptyContext(se);
            expected.score(se, c, se);
            actual.emptyContext(sa);
            actual.score(sa, c, sa);
            expected.scoreEach(se, all, all.length, e, expected.newState());
            actual.scoreEach(sa, all, all.length, a, actual.newState());
            for (int w = 0; w < all.length; w++) {
                assertEquals(Float.floatToRawIntBits(e[w]), Float.floatToRawIntBits(a[w]));
            }
            expected.scoreAfterEach(all, all.length, c, e, expected.newState());
            actual.scoreAfterEach(all, all.length, c, a, actual.newState());
            for (int w = 0; w < all.length; w++) {
                assertEquals(Float.floatToRawIntBits(e[w]), Float.floatToRawIntBits(a[w]));
            }
        }
    }

    /** Sets {@code s} to {@code context} (from {@code <s>} when it starts with it). */
    private static void enter(TrieLanguageModel lm, String[] context, TrieState s) {
        boolean bos = context.length > 0 && context[0].equals("<s>");
        if (bos) {
            lm.beginSentence(s);
        } else {
            lm.emptyContext(s);
        }
        for (int i = bos ? 1 : 0; i < context.length; i++) {
            lm.score(s, lm.vocabulary().id(context[i]), s);
        }
    }
}
