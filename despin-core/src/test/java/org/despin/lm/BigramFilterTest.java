package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.despin.lm.build.BackoffSource;
import org.junit.jupiter.api.Test;

/**
 * The bigram filter of {@link TrieLanguageModel} (branch speed25): every stored bigram passes it, most absent ones do
 * not, and a model with filters scores, matches and keeps states bit for bit as one without
 * (on the made-up Zipfian model of {@link SampledSearchTest}; a filter of one bit an n-gram lets many absent pairs through,
 * which must change nothing either).
 */
class BigramFilterTest {
    private static final BackoffSource SOURCE = SampledSearchTest.zipfModel();
    private static final ByteBuffer SECTION = SampledSearchTest.section(SOURCE);

    private static TrieLanguageModel model(int filterBits) throws Exception {
        return new TrieLanguageModel(SECTION.duplicate(), "zipf", TrieLanguageModel.Sampling.DEFAULT, filterBits);
    }

    /** Every stored bigram passes; returns {absent pairs tried, absent ones passed} (every word under each context). */
    private static long[] check(TrieLanguageModel m) {
        int size = m.vocabulary().size();
        long tried = 0;
        long passed = 0;
        for (int c = 0; c < size; c++) {
            long lo = m.parentFrom(2, c);
            long hi = m.parentTo(2, c);
            java.util.BitSet stored = new java.util.BitSet(size);
            for (long e = lo; e < hi; e++) {
                int w = m.wordOf(2, e);
                stored.set(w);
                if (!m.mayHoldBigram(c, w)) {
                    throw new AssertionError("bigram " + e + " (" + c + " " + w + ") filtered out");
                }
            }
            for (int w = 0; w < size; w++) {
                if (!stored.get(w)) {
                    tried++;
                    passed += m.mayHoldBigram(c, w) ? 1 : 0;
                }
            }
        }
        return new long[] {tried, passed};
    }

    @Test
    void everyStoredBigramPassesAndMostAbsentOnesDoNot() throws Exception {
        TrieLanguageModel m = new TrieLanguageModel(SECTION.duplicate(), "zipf");
        long[] r = check(m);
        assertTrue(r[0] > 10_000, "absent pairs tried " + r[0]);
        // 8-16 bits a bigram, three bits a key in one 64-bit block: a few percent pass
        assertTrue(r[1] < r[0] / 10, "absent pairs passed " + r[1] + " of " + r[0]);
        // one bit a bigram: many more pass, but never a stored one filtered out
        long[] coarse = check(model(1));
        assertTrue(coarse[1] > 2 * r[1], "a coarser filter passed " + coarse[1] + ", the default " + r[1]);
        // without a filter every pair may be stored
        assertEquals(r[0], check(model(0))[1]);
    }

    @Test
    void theDefaultFilterHasItsBitsABigram() throws Exception {
        TrieLanguageModel m = new TrieLanguageModel(SECTION.duplicate(), "zipf");
        long bits = 8 * m.bigramFilterBytes();
        assertTrue(bits >= m.count(2) * TrieLanguageModel.FILTER_BITS && bits < 2 * m.count(2) * TrieLanguageModel.FILTER_BITS,
                "bigram filter of " + m.bigramFilterBytes() + " bytes for " + m.count(2) + " bigrams");
        assertEquals(0, model(0).bigramFilterBytes());
    }

    @Test
    void scoresStatesAndBatchesAreThoseWithoutFilters() throws Exception {
        TrieLanguageModel plain = model(0);
        List<String[]> contexts = LmTestSupport.contexts(SOURCE);
        List<String[]> some = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i += 15) {
            some.add(contexts.get(i));
        }
        for (int bits : new int[] {TrieLanguageModel.FILTER_BITS, 1}) {
            TrieLanguageModel filtered = model(bits);
            SampledSearchTest.assertSame(plain, filtered, some);
            TrieRoundTripTest.assertSameBatchScores(filtered, SOURCE);
        }
    }

    /**
     * Branch speed26: a context's pairs fall in the blocks of its own region (as its bigrams lie in the trie, so the queries
     * after one context read nearby lines), every block of the filter is some context's, and a hash's block spreads over
     * the whole region.
     */
    @Test
    void aContextsPairsFallInItsOwnRegion() throws Exception {
        TrieLanguageModel m = new TrieLanguageModel(SECTION.duplicate(), "zipf");
        int bits = TrieLanguageModel.FILTER_BITS;
        long blocks = m.bigramFilterBytes() / 8;
        assertEquals((m.count(2) * bits + 63) / 64, blocks);
        java.util.Random r = new java.util.Random(26);
        for (int c = 0; c < m.vocabulary().size(); c++) {
            long lo = m.parentFrom(2, c);
            long hi = m.parentTo(2, c);
            if (hi <= lo) {
                continue;
            }
            long from = lo * bits / 64;
            long to = (hi * bits + 63) / 64;
            assertTrue(to <= blocks);
            for (int k = 0; k < 50; k++) {
                int b = TrieLanguageModel.filterBlock(r.nextLong(), lo, hi, bits);
                assertTrue(b >= from && b < to, "context " + c + ": block " + b + " outside [" + from + ", " + to + ")");
            }
            assertEquals(from, TrieLanguageModel.filterBlock(0L, lo, hi, bits));
            assertEquals(to - 1, TrieLanguageModel.filterBlock(-1L, lo, hi, bits));
        }
    }
}
