package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The term matcher's per-segment filter ({@code TermCandidates.Reach#mayHold}, branch {@code speed10}): a word the
 * segment reaches always passes it (else the matcher would miss the term), and {@code indexOf} answers as a linear
 * search of the segment's words does, for every size of set and every kind of id.
 */
class TermReachFilterTest {
    private static TermCandidates.Reach reach(int[] words) {
        int m = words.length;
        return new TermCandidates.Reach(words, new float[m], new int[2 * m], new long[m], new int[2 * m], new long[m],
                new int[0], new float[0]);
    }

    private static int linear(int[] words, int word) {
        for (int k = 0; k < words.length; k++) {
            if (words[k] == word) {
                return k;
            }
        }
        return -1;
    }

    @Test
    void indexOfIsALinearSearchForHeldAndAbsentWords() {
        Random random = new Random(20261130);
        int[] sizes = {0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 31, 44, 64, 100, 257, 1000, 2047, 2048, 2049, 5000};
        for (int size : sizes) {
            for (int bound : new int[] {size + 3, 4 * size + 10, 200_000, Integer.MAX_VALUE}) {
                int[] words = random.ints(0, bound).distinct().limit(size).sorted().toArray();
                if (words.length < size) {
                    continue; // (a small bound holds fewer distinct ids)
                }
                TermCandidates.Reach r = reach(words);
                for (int k = 0; k < words.length; k++) {
                    assertTrue(r.mayHold(words[k]), "size " + size + " word " + words[k]);
                    assertEquals(k, r.indexOf(words[k]), "size " + size + " word " + words[k]);
                }
                for (int q = 0; q < 2000; q++) {
                    int word = q < 200 ? q : random.nextInt(bound);
                    assertEquals(linear(words, word), r.indexOf(word), "size " + size + " bound " + bound + " word " + word);
                }
            }
        }
    }

    @Test
    void mostAbsentWordsAreTurnedAwayByTheFilter() {
        Random random = new Random(7);
        for (int size : new int[] {1, 10, 44, 300, 3000}) {
            int[] words = random.ints(0, 500_000).distinct().limit(size).sorted().toArray();
            TermCandidates.Reach r = reach(words);
            int passed = 0;
            int absent = 0;
            for (int word = 500_000; word < 600_000; word++) { // none of them held
                absent++;
                passed += r.mayHold(word) ? 1 : 0;
            }
            // 16 bits a word: ~6 % pass (more when the filter is capped or below 64 bits)
            double rate = passed / (double) absent;
            assertTrue(rate < (size == 1 ? 0.03 : size == 3000 ? 0.12 : 0.08), "size " + size + ": " + rate);
        }
    }

    @Test
    void theFilterOfASegmentOfNoWordTurnsEveryWordAway() {
        TermCandidates.Reach r = reach(new int[0]);
        assertTrue(IntStream.range(0, 10_000).noneMatch(r::mayHold));
        assertEquals(-1, r.indexOf(0));
    }
}
