package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.despin.DespinException;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.ModelFile;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The search through samples ({@link TrieLanguageModel.Sampling}) gives the same scores and states,
 * bit for bit, as the search of the mapped entries alone, on a made-up 4-gram model whose common
 * words have long child ranges (hundreds of entries), for any sampling step and threshold.
 */
class SampledSearchTest {
    private static final BackoffSource SOURCE = zipfModel();
    private static final ByteBuffer SECTION = section(SOURCE);
    private static final List<String[]> CONTEXTS = LmTestSupport.contexts(SOURCE);

    /** 1,500 sentences over 200 words drawn with Zipfian frequencies (fixed seed). */
    static BackoffSource zipfModel() {
        KneserNeyEstimator kn = new KneserNeyEstimator(4);
        Random r = new Random(11);
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

    /** The LM section of {@code src} as written to a model file, copied to the heap (shared with {@link HashIndexTest}). */
    static ByteBuffer section(BackoffSource src) {
        try {
            Path file = Files.createTempFile("despin-sampled", ".dspm");
            try {
                try (ModelFile.Writer w = new ModelFile.Writer(file)) {
                    w.section(LmFormat.SECTION, LmFormat.section(src));
                    w.finish(Map.of());
                }
                ByteBuffer mapped = ModelFile.open(file).section(LmFormat.SECTION);
                return ByteBuffer.allocate(mapped.capacity()).put(mapped.duplicate()).flip();
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DespinException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrieLanguageModel model(TrieLanguageModel.Sampling sampling) throws Exception {
        return new TrieLanguageModel(SECTION.duplicate(), "zipf", sampling);
    }

    @Test
    void theModelHasLongRangesAtEverySampledOrder() throws Exception {
        TrieLanguageModel lm = model(TrieLanguageModel.Sampling.NONE);
        long[] longest = new long[lm.order()];
        TrieState s = lm.newState();
        for (String[] context : CONTEXTS) {
            enter(lm, context, s);
            for (int i = 0; i < s.length; i++) {
                longest[i] = Math.max(longest[i], s.childTo[i] - s.childFrom[i]);
            }
        }
        assertTrue(longest[0] > 150, "longest bigram range " + longest[0]);
        assertTrue(longest[1] > 64, "longest trigram range " + longest[1]);
    }

    @Test
    void theDefaultSamplingAndAFineOneScoreLikeNoSampling() throws Exception {
        TrieLanguageModel plain = model(TrieLanguageModel.Sampling.NONE);
        List<String[]> someContexts = new java.util.ArrayList<>();
        for (int i = 0; i < CONTEXTS.size(); i += 20) {
            someContexts.add(CONTEXTS.get(i));
        }
        assertSame(plain, model(TrieLanguageModel.Sampling.SAMPLED), someContexts);
        assertSame(plain, model(new TrieLanguageModel.Sampling(2, 2, 4)), someContexts);
    }

    @Test
    void batchScoresThroughSamplesAreTheSingleScores() throws Exception {
        TrieRoundTripTest.assertSameBatchScores(model(new TrieLanguageModel.Sampling(2, 2, 4)), SOURCE);
        TrieRoundTripTest.assertSameBatchScores(model(TrieLanguageModel.Sampling.SAMPLED), SOURCE);
    }

    /**
     * Batches of any size (1 to 40 queries, repeated and unknown words among them) through the staged
     * searches give score's floats, one query at a time, through samples or not.
     */
    @Property(tries = 40)
    void smallBatchesScoreLikeSingleQueries(@ForAll @IntRange(min = 1, max = 40) int count, @ForAll long seed)
            throws Exception {
        Random r = new Random(seed);
        for (TrieLanguageModel lm : List.of(model(TrieLanguageModel.Sampling.NONE), model(TrieLanguageModel.Sampling.SAMPLED),
                model(new TrieLanguageModel.Sampling(2, 2, 4)))) {
            int size = lm.vocabulary().size();
            int[] words = new int[count];
            for (int k = 0; k < count; k++) {
                int x = r.nextInt(size + 10);
                words[k] = x < size ? x : x == size ? -1 : size + x; // unknown ids too
            }
            float[] batch = new float[count];
            TrieState scratch = lm.newState();
            TrieState in = lm.newState();
            TrieState one = lm.newState();
            for (int c = 0; c < 30; c++) {
                String[] context = CONTEXTS.get(r.nextInt(CONTEXTS.size()));
                enter(lm, context, in);
                lm.scoreEach(in, words, count, batch, scratch);
                for (int k = 0; k < count; k++) {
                    int word = k;
                    assertEquals(Float.floatToRawIntBits(lm.score(in, words[k], one)), Float.floatToRawIntBits(batch[k]),
                            () -> "p(" + words[word] + " | " + String.join(" ", context) + ")");
                }
                int word = words[r.nextInt(count)];
                lm.scoreAfterEach(words, count, word, batch, scratch);
                for (int k = 0; k < count; k++) {
                    lm.emptyContext(one);
                    lm.score(one, words[k], one);
                    int kk = k;
                    assertEquals(Float.floatToRawIntBits(lm.score(one, word, one)), Float.floatToRawIntBits(batch[k]),
                            () -> "p(" + word + " | " + words[kk] + ")");
                }
            }
        }
    }

    @Property(tries = 25)
    void anySamplingScoresLikeNoSampling(@ForAll @IntRange(min = 1, max = 6) int stepBits,
            @ForAll @IntRange(min = 0, max = 200) int extra, @ForAll @IntRange(min = 2, max = 4) int maxOrder,
            @ForAll long seed) throws Exception {
        int every = 1 << stepBits;
        TrieLanguageModel.Sampling sampling = new TrieLanguageModel.Sampling(every, every + extra, maxOrder);
        Random r = new Random(seed);
        String[][] some = new String[100][];
        for (int i = 0; i < some.length; i++) {
            some[i] = CONTEXTS.get(r.nextInt(CONTEXTS.size()));
        }
        assertSame(model(TrieLanguageModel.Sampling.NONE), model(sampling), Arrays.asList(some));
    }

    /** Every word of the vocabulary (and an unknown id) after every context: equal float bits, states and matched orders. */
    static void assertSame(TrieLanguageModel expected, TrieLanguageModel actual, List<String[]> contexts) {
        TrieState se = expected.newState();
        TrieState sa = actual.newState();
        TrieState oe = expected.newState();
        TrieState oa = actual.newState();
        int size = expected.vocabulary().size();
        for (String[] context : contexts) {
            enter(expected, context, se);
            enter(actual, context, sa);
            for (int w = 0; w <= size; w++) {
                float pe = expected.score(se, w, oe);
                float pa = actual.score(sa, w, oa);
                int word = w;
                assertEquals(expected.matchedOrder(se, w), actual.matchedOrder(sa, w),
                        () -> "matched order of " + word + " | " + String.join(" ", context));
                assertEquals(Float.floatToRawIntBits(pe), Float.floatToRawIntBits(pa),
                        () -> "p(" + word + " | " + String.join(" ", context) + ")");
                if (!sameState(oe, oa)) {
                    assertEquals(oe + " " + Arrays.toString(oe.childFrom), oa + " " + Arrays.toString(oa.childFrom),
                            "state after " + word + " | " + String.join(" ", context));
                }
            }
        }
    }

    private static boolean sameState(TrieState a, TrieState b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a.words[i] != b.words[i] || Float.floatToRawIntBits(a.backoff[i]) != Float.floatToRawIntBits(b.backoff[i])
                    || a.childFrom[i] != b.childFrom[i] || a.childTo[i] != b.childTo[i]) {
                return false;
            }
        }
        return true;
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
