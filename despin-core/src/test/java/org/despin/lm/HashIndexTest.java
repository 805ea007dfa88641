package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.despin.lm.build.BackoffSource;
import org.junit.jupiter.api.Test;

/**
 * The hash index of long child ranges ({@link TrieLanguageModel.Sampling#hashed}) finds every stored
 * bigram and trigram at the entry the plain and the sampled searches find, and no absent one; and
 * scores like them bit for bit (on the made-up Zipfian model of {@link SampledSearchTest}, with
 * thresholds low enough that most ranges are indexed).
 */
class HashIndexTest {
    private static final BackoffSource SOURCE = SampledSearchTest.zipfModel();
    private static final ByteBuffer SECTION = SampledSearchTest.section(SOURCE);

    private static TrieLanguageModel model(TrieLanguageModel.Sampling sampling) throws Exception {
        return new TrieLanguageModel(SECTION.duplicate(), "zipf", sampling);
    }

    /**
     * Every entry of every range of orders 2 and 3 (of every {@code every}-th parent) is found at its
     * own index by each model, and the words between stored ones (and below the first, above the
     * last) are found by none. Returns the numbers of present and absent lookups.
     */
    static long[] assertEveryEntryFound(TrieLanguageModel plain, TrieLanguageModel sampled, TrieLanguageModel hashed,
            int every) {
        long present = 0;
        long absent = 0;
        int size = plain.vocabulary().size();
        TrieLanguageModel[] models = {plain, sampled, hashed};
        for (int n = 2; n <= Math.min(3, plain.order()); n++) {
            long parents = n == 2 ? size : plain.count(n - 1);
            for (long p = 0; p < parents; p += every) {
                long lo = plain.parentFrom(n, p);
                long hi = plain.parentTo(n, p);
                int before = -1;
                for (long e = lo; e <= hi; e++) {
                    int w = e < hi ? plain.wordOf(n, e) : size;
                    if (w > before + 1) { // an absent word between two stored ones
                        int gap = before + 1 + (int) ((w - before - 1) * 0.37);
                        for (int a : new int[] {before + 1, gap, w - 1}) {
                            for (TrieLanguageModel m : models) {
                                long found = m.findIn(n, lo, hi, a);
                                if (found != -1) {
                                    throw new AssertionError(n + "-gram word " + a + " under parent " + p + " found at " + found);
                                }
                            }
                            absent++;
                        }
                    }
                    if (e < hi) {
                        for (TrieLanguageModel m : models) {
                            long found = m.findIn(n, lo, hi, w);
                            if (found != e) {
                                throw new AssertionError(n + "-gram " + e + " (word " + w + ") under parent " + p
                                        + " found at " + found);
                            }
                        }
                        present++;
                    }
                    before = w;
                }
            }
        }
        return new long[] {present, absent};
    }

    @Test
    void everyStoredEntryIsFoundAtItsIndexAndNoAbsentOne() throws Exception {
        TrieLanguageModel plain = model(TrieLanguageModel.Sampling.NONE);
        for (TrieLanguageModel.Sampling h : new TrieLanguageModel.Sampling[] {new TrieLanguageModel.Sampling(2, 2, 3, true),
                new TrieLanguageModel.Sampling(8, 40, 3, true), TrieLanguageModel.Sampling.HASHED,
                new TrieLanguageModel.Sampling(2, 2, 3, true, 1), new TrieLanguageModel.Sampling(2, 2, 3, true, 3)}) {
            TrieLanguageModel hashed = model(h);
            long[] checked = assertEveryEntryFound(plain, model(new TrieLanguageModel.Sampling(2, 2, 3)), hashed, 1);
            assertEquals(plain.count(2) + plain.count(3), checked[0]);
            assertTrue(checked[1] > 10_000, "absent lookups " + checked[1]);
        }
    }

    @Test
    void theDefaultIndexesTheRangesTheSamplesServed() {
        TrieLanguageModel.Sampling d = TrieLanguageModel.Sampling.DEFAULT;
        assertTrue(d.hashed());
        assertEquals(TrieLanguageModel.Sampling.SAMPLED.longerThan(), d.longerThan());
        assertEquals(TrieLanguageModel.Sampling.SAMPLED.maxOrder(), d.maxOrder());
    }

    @Test
    void theLowThresholdIndexesMostEntries() throws Exception {
        TrieLanguageModel hashed = model(new TrieLanguageModel.Sampling(2, 2, 3, true));
        assertTrue(hashed.indexedEntries(2) > hashed.count(2) * 9 / 10, "indexed bigrams " + hashed.indexedEntries(2));
        assertTrue(hashed.indexedEntries(3) > hashed.count(3) / 2, "indexed trigrams " + hashed.indexedEntries(3));
        assertEquals(0, hashed.indexedEntries(4));
        // every indexed entry once, in a table at most half full
        assertTrue(hashed.indexSlots(2) >= 2 * hashed.indexedEntries(2));
        TrieLanguageModel wide = model(new TrieLanguageModel.Sampling(2, 1_000_000, 3, true));
        assertEquals(0, wide.indexedEntries(2));
        assertEquals(0, wide.indexSlots(2));
    }

    @Test
    void hashedScoresAndStatesAreTheSampledOnes() throws Exception {
        TrieLanguageModel plain = model(TrieLanguageModel.Sampling.NONE);
        java.util.List<String[]> contexts = LmTestSupport.contexts(SOURCE);
        java.util.List<String[]> some = new java.util.ArrayList<>();
        for (int i = 0; i < contexts.size(); i += 15) {
            some.add(contexts.get(i));
        }
        SampledSearchTest.assertSame(plain, model(new TrieLanguageModel.Sampling(2, 2, 3, true)), some);
        SampledSearchTest.assertSame(plain, model(new TrieLanguageModel.Sampling(4, 30, 3, true)), some);
        // a one-bit fingerprint: most slots of the range have their word read from the trie
        SampledSearchTest.assertSame(plain, model(new TrieLanguageModel.Sampling(2, 2, 3, true, 1)), some);
        TrieRoundTripTest.assertSameBatchScores(model(new TrieLanguageModel.Sampling(2, 2, 3, true)), SOURCE);
    }
}
