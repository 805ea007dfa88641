package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.despin.lm.build.BackoffSource;
import org.junit.jupiter.api.Test;

/**
 * The n-gram filters of {@link TrieLanguageModel} (branch speed25): every stored bigram and trigram passes its order's
 * filter, most absent ones do not, and a model with filters scores, matches and keeps states bit for bit as one without
 * (on the made-up Zipfian model of {@link SampledSearchTest}; a filter of one bit an n-gram lets many absent pairs through,
 * which must change nothing either).
 */
class NgramFilterTest {
    private static final BackoffSource SOURCE = SampledSearchTest.zipfModel();
    private static final ByteBuffer SECTION = SampledSearchTest.section(SOURCE);

    private static TrieLanguageModel model(int filterBits, int filterOrders) throws Exception {
        return new TrieLanguageModel(SECTION.duplicate(), "zipf", TrieLanguageModel.Sampling.DEFAULT, filterBits,
                filterOrders);
    }

    /** Of every parent's range of orders 2..3: every stored word passes; returns {absent pairs tried, absent ones passed}. */
    private static long[] check(TrieLanguageModel m, int maxOrder) {
        int size = m.vocabulary().size();
        long tried = 0;
        long passed = 0;
        for (int n = 2; n <= maxOrder; n++) {
            long parents = n == 2 ? size : m.count(n - 1);
            for (long p = 0; p < parents; p++) {
                long lo = m.parentFrom(n, p);
                long hi = m.parentTo(n, p);
                if (hi == lo) {
                    continue;
                }
                java.util.BitSet stored = new java.util.BitSet(size);
                for (long e = lo; e < hi; e++) {
                    int w = m.wordOf(n, e);
                    stored.set(w);
                    if (!m.mayHold(n, lo, w)) {
                        throw new AssertionError(n + "-gram " + e + " (word " + w + ") under parent " + p + " filtered out");
                    }
                }
                for (int w = (int) (p % 7); w < size; w += 7) {
                    if (!stored.get(w)) {
                        tried++;
                        passed += m.mayHold(n, lo, w) ? 1 : 0;
                    }
                }
            }
        }
        return new long[] {tried, passed};
    }

    @Test
    void everyStoredNgramPassesAndMostAbsentOnesDoNot() throws Exception {
        TrieLanguageModel m = model(TrieLanguageModel.FILTER_BITS, 3);
        assertTrue(m.filterBytes(2) > 0 && m.filterBytes(3) > 0 && m.filterBytes(4) == 0);
        long[] r = check(m, 3);
        assertTrue(r[0] > 100_000, "absent pairs tried " + r[0]);
        // about 8-16 bits an n-gram, three bits a key in one block: a few percent pass
        assertTrue(r[1] < r[0] / 10, "absent pairs passed " + r[1] + " of " + r[0]);
        // one bit an n-gram: many pass, but never a stored one filtered out
        long[] coarse = check(model(1, 3), 3);
        assertTrue(coarse[1] > r[1], "a coarser filter passed " + coarse[1]);
    }

    @Test
    void theDefaultFiltersTheBigramsOnly() throws Exception {
        TrieLanguageModel m = new TrieLanguageModel(SECTION.duplicate(), "zipf");
        assertTrue(m.filterBytes(2) >= m.count(2) * TrieLanguageModel.FILTER_BITS / 8,
                "bigram filter of " + m.filterBytes(2) + " bytes");
        assertTrue(m.filterBytes(2) <= 2 * m.count(2) * TrieLanguageModel.FILTER_BITS / 8 + 8);
        assertEquals(0, m.filterBytes(3));
        assertEquals(0, model(0, 3).filterBytes(2));
    }

    @Test
    void scoresStatesAndBatchesAreThoseWithoutFilters() throws Exception {
        TrieLanguageModel plain = model(0, 0);
        List<String[]> contexts = LmTestSupport.contexts(SOURCE);
        List<String[]> some = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i += 15) {
            some.add(contexts.get(i));
        }
        for (int[] f : new int[][] {{TrieLanguageModel.FILTER_BITS, 2}, {TrieLanguageModel.FILTER_BITS, 4}, {1, 4}}) {
            TrieLanguageModel filtered = model(f[0], f[1]);
            SampledSearchTest.assertSame(plain, filtered, some);
            TrieRoundTripTest.assertSameBatchScores(filtered, SOURCE);
        }
    }
}
