package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.despin.lexicon.Candidate;
import org.despin.lm.MapLanguageModel;
import org.despin.lm.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The pool chosen in context on a hand-made model: every word log10 -2 or -3 alone with no back-off
 * weight, so an unstored bigram adds nothing, and two stored bigrams: "security council" (log10 P(council
 * | security) = -0.5, PMI 1.5) and "the protection" (log10 P(protection | the) = -1.5, PMI 1.5). Keys
 * = prior + ln10 * PMI: peace -1, safety -2, banana -3, security -4 + 3.45 = -0.55, protection -6 + 3.45
 * = -2.55.
 */
class ContextPoolTest {
    private static final MapLanguageModel LM = new MapLanguageModel.Builder(2)
            .add(-1, 0, "the").add(-2, 0, "council").add(-2, 0, "peace").add(-2, 0, "safety").add(-2, 0, "banana")
            .add(-3, 0, "security").add(-3, 0, "protection").add(-2, 0, "</s>").add(-99, 0, "<s>")
            .add(-0.5f, 0, "security", "council").add(-1.5f, 0, "the", "protection")
            .build();
    /** Best prior first, as the candidate table lists them. */
    private static final PreparedCandidate[] BY_PRIOR = {
        candidate("peace", -1), candidate("safety", -2), candidate("banana", -3), candidate("security", -4),
        candidate("protection", -6)};

    private static PreparedCandidate candidate(String word, double prior) {
        int id = LM.vocabulary().id(word);
        float alone = word.equals("security") || word.equals("protection") ? -3 : -2;
        return new PreparedCandidate(new Candidate(word, -1f, 1, "test"), new int[] {id}, alone, prior);
    }

    private static String[] pool(int size, int reach, String left, String right) {
        Vocabulary v = LM.vocabulary();
        PreparedCandidate[] chosen = new ContextPool(LM, size, reach).choose(BY_PRIOR, left == null ? -1 : v.id(left),
                right == null ? Vocabulary.END_SENTENCE : v.id(right));
        return Arrays.stream(chosen).map(PreparedCandidate::original).toArray(String[]::new);
    }

    @Test
    void aCandidateWhoseBigramWithTheRightNeighbourIsStoredMovesUp() {
        assertArrayEquals(new String[] {"peace", "security"}, pool(2, 5, "a", "council"));
        assertArrayEquals(new String[] {"peace", "safety", "security"}, pool(3, 5, "a", "council"));
    }

    @Test
    void soDoesOneWithTheLeftNeighbour() {
        assertArrayEquals(new String[] {"peace", "safety", "protection"}, pool(3, 5, "the", "banana"));
    }

    @Test
    void bothSidesAddUp() {
        // "the [security] council": security -0.55; "the [protection] council": protection -2.55, behind safety (-2)
        assertArrayEquals(new String[] {"peace", "safety", "security"}, pool(3, 5, "the", "council"));
        assertArrayEquals(new String[] {"peace", "safety", "security", "protection"}, pool(4, 5, "the", "council"));
    }

    @Test
    void withoutStoredNeighboursThePoolIsTheBestByPrior() {
        assertArrayEquals(new String[] {"peace", "safety"}, pool(2, 5, null, null));
        assertArrayEquals(new String[] {"peace", "safety", "banana"}, pool(3, 5, "a", "banana"));
    }

    @Test
    void onlyTheFirstReachByPriorAreChosenFrom() {
        assertArrayEquals(new String[] {"peace", "safety"}, pool(2, 3, "a", "council"));
        assertArrayEquals(new String[] {"peace", "security"}, pool(2, 4, "a", "council"));
    }

    @Test
    void aSmallerPoolIsTheBestKeysOfTheLastChoice() {
        Vocabulary v = LM.vocabulary();
        ContextPool four = new ContextPool(LM, 4, 5);
        four.choose(BY_PRIOR, v.id("the"), v.id("council"));
        // as pool(2, 5, "the", "council") and pool(3, ...) choose: security -0.55, peace -1, safety -2
        assertEquals(0b01001, four.smallerPool(2));
        assertEquals(0b01011, four.smallerPool(3));
        assertArrayEquals(new String[] {"peace", "security"}, pool(2, 5, "the", "council"));
        assertEquals(0, four.smallerPool(5)); // larger than the pool: not ranked
        four.choose(Arrays.copyOf(BY_PRIOR, 4), v.id("the"), v.id("council"));
        assertEquals(0, four.smallerPool(2)); // all chosen, none ranked
    }

    private static String[] pool(int size, int reach, String left, String right, double floor) {
        Vocabulary v = LM.vocabulary();
        PreparedCandidate[] chosen = new ContextPool(LM, size, reach).choose(BY_PRIOR, v.id(left), v.id(right), floor);
        return Arrays.stream(chosen).map(PreparedCandidate::original).toArray(String[]::new);
    }

    /**
     * The floor (branch speed6) leaves out of the best keys those whose bigram PMI is below it: "the [x] council",
     * PMI peace, safety, banana 0, security 1.5 (council after it), protection 1.5 (after the); keys security
     * -0.55, peace -1, safety -2, protection -2.55, banana -3.
     */
    @Test
    void theFloorLeavesOutTheBestKeysWithTooLittlePmi() {
        assertArrayEquals(new String[] {"peace", "safety", "security"}, pool(3, 5, "the", "council", 0));
        assertArrayEquals(new String[] {"security"}, pool(3, 5, "the", "council", 1));
        assertArrayEquals(new String[] {"security"}, pool(3, 5, "the", "council", 1.5)); // PMI 1.5 reaches 1.5
        // protection's key is fifth: not among the best 3 whatever the floor
        assertArrayEquals(new String[] {"security", "protection"}, pool(4, 5, "the", "council", 1));
        assertArrayEquals(new String[] {}, pool(3, 5, "the", "council", 1.6));
        // the smaller pool a widening reads is the best keys above the same floor
        Vocabulary v = LM.vocabulary();
        ContextPool four = new ContextPool(LM, 4, 5);
        four.choose(BY_PRIOR, v.id("the"), v.id("council"), 1);
        assertEquals(0b01000, four.smallerPool(2));
        assertEquals(0b11000, four.smallerPool(4));
        four.choose(BY_PRIOR, v.id("the"), v.id("council"), 2);
        assertEquals(0, four.smallerPool(2));
    }

    @Test
    void aListNoLongerThanThePoolIsTestedWholeWhateverTheFloor() {
        PreparedCandidate[] two = Arrays.copyOf(BY_PRIOR, 2);
        assertSame(two, new ContextPool(LM, 2, 5).choose(two, -1, Vocabulary.END_SENTENCE, 100));
    }

    /**
     * The best keys by quickselect and insertion sort (branch deep22) are those of the passes of selection, in the same
     * order: random keys with many ties (the better prior first), pools of 1 to the whole list.
     */
    @Test
    void quickselectRanksAsSelectionDoes() {
        Random random = new Random(22);
        int checked = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int m = 2 + random.nextInt(140);
            int size = 1 + random.nextInt(m - 1);
            double[] keys = new double[m];
            int distinct = 1 + random.nextInt(trial % 3 == 0 ? 4 : 1000);
            for (int c = 0; c < m; c++) {
                keys[c] = random.nextInt(distinct) - distinct / 2.0;
                if (keys[c] == 0 && random.nextBoolean()) {
                    keys[c] = -0.0; // equal to 0.0 as a key: a tie
                }
            }
            ContextPool pool = new ContextPool(LM, size, m);
            assertArrayEquals(pool.best(keys, false), pool.best(keys, true), "keys " + Arrays.toString(keys) + " size " + size);
            checked++;
        }
        assertEquals(3000, checked);
    }

    /**
     * A pool given the PMIs a smaller reach's pool ranked the first candidates by (the first pass's, read by a
     * deepening where the neighbours are the observed ones; branch deep22) chooses what it chooses scoring all of
     * them, and those PMIs are the ones it computes: random lists over the toy corpus's words, random neighbours.
     */
    @Test
    void aPoolGivenTheFirstPmisChoosesAsOneScoringAll() {
        org.despin.lm.LanguageModel lm = ToyModel.lm(3, ToyModel.NEWS);
        Vocabulary v = lm.vocabulary();
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String sentence : ToyModel.NEWS) {
            for (String w : sentence.toLowerCase(java.util.Locale.ROOT).replace(".", "").split(" ")) {
                if (v.id(w) != Vocabulary.UNKNOWN && !words.contains(w)) {
                    words.add(w);
                }
            }
        }
        Random random = new Random(2222);
        int differentPools = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int length = 8 + random.nextInt(40);
            PreparedCandidate[] list = new PreparedCandidate[length];
            double prior = 0;
            for (int c = 0; c < length; c++) {
                String w = words.get(random.nextInt(words.size()));
                String w2 = random.nextInt(5) == 0 ? words.get(random.nextInt(words.size())) : null;
                int[] ids = w2 == null ? new int[] {v.id(w)} : new int[] {v.id(w), v.id(w2)};
                prior -= random.nextInt(3) * 0.5; // best prior first, ties too
                String original = w2 == null ? w : w + " " + w2;
                list[c] = new PreparedCandidate(new Candidate(original, -1f, 1, "test"), ids,
                        lm.sentenceLog10(ids) - lm.sentenceLog10(new int[0]), prior);
            }
            int left = random.nextInt(6) == 0 ? -1 : v.id(words.get(random.nextInt(words.size())));
            int right = random.nextInt(6) == 0 ? Vocabulary.END_SENTENCE : v.id(words.get(random.nextInt(words.size())));
            double floor = random.nextBoolean() ? Double.NEGATIVE_INFINITY : -1 + 2 * random.nextDouble();
            int firstSize = 1 + random.nextInt(4);
            ContextPool first = new ContextPool(lm, firstSize, firstSize + 1 + random.nextInt(6));
            first.choose(list, left, right, floor);
            double[] known = first.lastPmis();
            int size = 2 + random.nextInt(6);
            ContextPool all = new ContextPool(lm, size, size + random.nextInt(40));
            ContextPool given = new ContextPool(lm, size, all.reach());
            PreparedCandidate[] expected = all.choose(list, left, right, floor);
            double[] allPmis = all.lastPmis();
            PreparedCandidate[] actual = given.choose(list, left, right, floor, known);
            assertArrayEquals(expected, actual, "trial " + trial);
            if (allPmis != null) {
                for (int c = 0; c < Math.min(known.length, allPmis.length); c++) {
                    assertEquals(Double.doubleToLongBits(allPmis[c]), Double.doubleToLongBits(known[c]), "PMI " + c);
                }
                assertArrayEquals(allPmis, given.lastPmis(), "trial " + trial);
                differentPools += Arrays.equals(expected, Arrays.copyOf(list, Math.min(list.length, size))) ? 0 : 1;
            }
        }
        assertTrue(differentPools > 500, "pools the PMIs changed " + differentPools);
    }

    @Test
    void aListNoLongerThanThePoolIsTestedWhole() {
        PreparedCandidate[] two = Arrays.copyOf(BY_PRIOR, 2);
        assertSame(two, new ContextPool(LM, 2, 5).choose(two, -1, Vocabulary.END_SENTENCE));
    }
}
