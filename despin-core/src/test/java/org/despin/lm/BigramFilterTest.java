package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The bigram filter: it holds every stored bigram (no false negatives), it rules out most of the
 * others, and a model that skips searches through it scores every word after every context, and
 * in the batch queries, bit for bit as the model without it (the made-up 4-gram model of
 * {@link SampledSearchTest}, its long ranges searched through samples as by default).
 */
class BigramFilterTest {
    private static TrieLanguageModel model(int filterBitsPerPair) throws Exception {
        return new TrieLanguageModel(SampledSearchTest.SECTION.duplicate(), "zipf", TrieLanguageModel.Sampling.DEFAULT,
                filterBitsPerPair);
    }

    /** The stored bigrams of the source, as (left id, word id) pairs of {@code lm}. */
    private static Set<Long> storedBigrams(TrieLanguageModel lm) throws Exception {
        Set<Long> pairs = new HashSet<>();
        Vocabulary v = lm.vocabulary();
        SampledSearchTest.SOURCE.forEach(2, (words, p, bo) -> pairs.add(pair(v.id(words[0]), v.id(words[1]))));
        return pairs;
    }

    private static long pair(int left, int word) {
        return (long) left << 32 | word;
    }

    @Test
    void everyStoredBigramIsInTheFilterAtAnySize() throws Exception {
        for (int bits : new int[] {1, 4, BigramFilter.BITS_PER_PAIR}) {
            TrieLanguageModel lm = model(bits);
            Set<Long> stored = storedBigrams(lm);
            assertEquals(lm.count(2), stored.size());
            for (long p : stored) {
                assertTrue(lm.bigramFilter().mayContain((int) (p >>> 32), (int) p), "bigram " + p + " at " + bits + " bits");
            }
        }
    }

    @Test
    void theDefaultFilterRulesOutNearlyAllUnstoredBigrams() throws Exception {
        TrieLanguageModel lm = model(BigramFilter.BITS_PER_PAIR);
        Set<Long> stored = storedBigrams(lm);
        int size = lm.vocabulary().size();
        long unstored = 0;
        long maybe = 0;
        for (int left = 0; left < size; left++) {
            for (int word = 0; word < size; word++) {
                if (!stored.contains(pair(left, word))) {
                    unstored++;
                    if (lm.bigramFilter().mayContain(left, word)) {
                        maybe++;
                    }
                }
            }
        }
        assertTrue(unstored > 2 * stored.size(), unstored + " unstored pairs, " + stored.size() + " stored");
        // 12 bits a pair, 4 probes in one 64-bit word: about 1 % (1.16 % on the default model); the
        // hash is fixed, so the count is too (a change of the hash or the layout shows here)
        assertEquals(35_412, unstored);
        assertEquals(405, maybe, "false positives of " + unstored);
    }

    @Test
    void scoresThroughTheFilterAreTheScoresWithoutIt() throws Exception {
        TrieLanguageModel plain = model(0);
        assertFalse(plain.bigramFilter().sizeBytes() > 8, "no filter: one word that admits every pair");
        List<String[]> someContexts = new ArrayList<>();
        for (int i = 0; i < SampledSearchTest.CONTEXTS.size(); i += 10) {
            someContexts.add(SampledSearchTest.CONTEXTS.get(i));
        }
        // 1 bit a pair: most unstored pairs pass the filter and are searched; 12: most are not
        SampledSearchTest.assertSame(plain, model(1), someContexts);
        SampledSearchTest.assertSame(plain, model(BigramFilter.BITS_PER_PAIR), someContexts);
    }

    @Test
    void batchScoresThroughTheFilterAreTheSingleScoresWithoutIt() throws Exception {
        TrieLanguageModel plain = model(0);
        for (int bits : new int[] {1, BigramFilter.BITS_PER_PAIR}) {
            TrieLanguageModel filtered = model(bits);
            TrieRoundTripTest.assertSameBatchScores(filtered, SampledSearchTest.SOURCE);
            int size = plain.vocabulary().size();
            int[] all = new int[size + 1];
            for (int w = 0; w <= size; w++) {
                all[w] = w; // the last one is no word of the model: scored as unknown
            }
            float[] expected = new float[all.length];
            float[] actual = new float[all.length];
            TrieState scratch = plain.newState();
            TrieState in = plain.newState();
            TrieState inFiltered = filtered.newState();
            for (String[] context : SampledSearchTest.CONTEXTS) {
                if (context.length == 1) {
                    SampledSearchTest.enter(plain, context, in);
                    SampledSearchTest.enter(filtered, context, inFiltered);
                    plain.scoreEach(in, all, all.length, expected, scratch);
                    filtered.scoreEach(inFiltered, all, all.length, actual, scratch);
                    assertBits(expected, actual, "after " + context[0]);
                }
            }
            for (int word = 0; word <= size; word++) {
                plain.scoreAfterEach(all, all.length, word, expected, scratch);
                filtered.scoreAfterEach(all, all.length, word, actual, scratch);
                assertBits(expected, actual, "before " + word);
            }
        }
    }

    private static void assertBits(float[] expected, float[] actual, String what) {
        for (int k = 0; k < expected.length; k++) {
            int i = k;
            assertEquals(Float.floatToRawIntBits(expected[k]), Float.floatToRawIntBits(actual[k]), () -> what + ", word " + i);
        }
    }

    @Property(tries = 200)
    void anyFilterHoldsEveryPairItWasBuiltFrom(@ForAll @IntRange(min = 0, max = 3000) int count,
            @ForAll @IntRange(min = 1, max = 24) int bitsPerPair, @ForAll long seed) {
        Random r = new Random(seed);
        int[] left = new int[count];
        int[] word = new int[count];
        for (int i = 0; i < count; i++) {
            left[i] = r.nextInt(1 << (1 + r.nextInt(30)));
            word[i] = r.nextInt(1 << (1 + r.nextInt(30)));
        }
        BigramFilter filter = BigramFilter.of(count, bitsPerPair, sink -> {
            for (int i = 0; i < count; i++) {
                sink.add(left[i], word[i]);
            }
        });
        assertEquals(8L * Math.max(1, (count * (long) bitsPerPair + 63) / 64), filter.sizeBytes());
        for (int i = 0; i < count; i++) {
            assertTrue(filter.mayContain(left[i], word[i]), left[i] + " " + word[i]);
        }
    }
}
