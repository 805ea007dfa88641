package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.despin.DespinException;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmFormat;
import org.despin.lm.LmState;
import org.despin.lm.LmTestSupport;
import org.despin.lm.Vocabulary;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Evidence} shares work between the candidates of a span (the observed span's own scores
 * from the sentence pass, right-context tails once the LM state has left the span). Its sums must
 * be the very floats of scoring each reading word by word from the left context, added in the
 * same order: checked bit for bit against that plain computation on random sentences, contexts,
 * spans and candidates, in the trie model (state minimisation: states of varying length) and in
 * the reference hash-map model.
 */
class EvidenceTest {
    @TempDir
    Path dir;

    @Test
    void sharedScoringEqualsWordByWordScoringInTheTrieModel() throws IOException, DespinException {
        KneserNeyEstimator kn = new KneserNeyEstimator(4);
        for (String[] s : LmTestSupport.smallCorpus()) {
            kn.addSentence(s);
        }
        Path file = dir.resolve("lm.dspm");
        try (ModelFile.Writer w = new ModelFile.Writer(file)) {
            w.section(LmFormat.SECTION, LmFormat.section(kn.estimate(), LmFormat.Quantization.DEFAULT));
            w.finish(Map.of());
        }
        assertSameAsWordByWord(LmFormat.read(ModelFile.open(file)), 11);
    }

    @Test
    void sharedScoringEqualsWordByWordScoringInTheMapModel() {
        assertSameAsWordByWord(ToyModel.lm(3, ToyModel.NEWS), 12);
    }

    private static void assertSameAsWordByWord(LanguageModel lm, long seed) {
        Random random = new Random(seed);
        int vocabulary = lm.vocabulary().size();
        Evidence evidence = new Evidence(lm);
        int checked = 0;
        int stopped = 0;
        for (int sentence = 0; sentence < 400; sentence++) {
            int n = 1 + random.nextInt(12);
            int[] ids = randomWords(random, vocabulary, n);
            // the first pass reads the observed words; a refine pass a restoration of some of them
            int[] context = ids;
            if (random.nextBoolean()) {
                context = ids.clone();
                for (int i = 0; i < n; i++) {
                    if (random.nextInt(4) == 0) {
                        context[i] = randomWord(random, vocabulary);
                    }
                }
            }
            evidence.sentence(ids, context);
            for (int query = 0; query < 40; query++) {
                int from = random.nextInt(n);
                int to = from + 1 + random.nextInt(Math.min(3, n - from));
                int[] words = null;
                if (random.nextInt(5) > 0) {
                    words = new int[1 + random.nextInt(3)];
                    for (int k = 0; k < words.length; k++) {
                        words[k] = randomWord(random, vocabulary);
                    }
                }
                float stopBelow = random.nextBoolean() ? Float.NEGATIVE_INFINITY : -2f - 8f * random.nextFloat();
                float[] expected = wordByWord(lm, ids, context, from, to, words, stopBelow);
                float actual = evidence.inContext(from, to, words, stopBelow);
                String what = "sentence " + sentence + " span " + from + ".." + to + " of " + n;
                assertEquals(Float.floatToIntBits(expected[0]), Float.floatToIntBits(actual), what + ": sum");
                assertEquals(Float.floatToIntBits(expected[1]), Float.floatToIntBits(evidence.partial()), what + ": partial");
                assertEquals(Float.floatToIntBits(expected[2]), Float.floatToIntBits(evidence.spanPart()), what + ": span part");
                checked++;
                stopped += actual == Float.NEGATIVE_INFINITY ? 1 : 0;
            }
        }
        assertEquals(16_000, checked);
        assertTrue(stopped > 100 && stopped < checked - 1000, "early stops exercised: " + stopped);
    }

    /**
     * {@link Evidence#context} with a bound gives up only on candidates whose exact context ratio is below it,
     * and gives every other candidate the very double it gives without the bound (the term arcs' facts).
     */
    @Test
    void theBoundedContextGivesUpOnlyBelowItsBound() {
        LanguageModel lm = ToyModel.lm(3, ToyModel.NEWS);
        Random random = new Random(13);
        int vocabulary = lm.vocabulary().size();
        Evidence evidence = new Evidence(lm);
        int stopped = 0;
        int kept = 0;
        for (int sentence = 0; sentence < 300; sentence++) {
            int n = 2 + random.nextInt(10);
            int[] ids = randomWords(random, vocabulary, n);
            evidence.sentence(ids, ids);
            for (int query = 0; query < 20; query++) {
                int from = random.nextInt(n);
                int to = from + 1 + random.nextInt(Math.min(3, n - from));
                int[] words = new int[1 + random.nextInt(3)];
                for (int k = 0; k < words.length; k++) {
                    words[k] = randomWord(random, vocabulary);
                }
                PreparedCandidate c = new PreparedCandidate(new org.despin.lexicon.Candidate("x", 0, 1, "test"), words, -3f, 0);
                float observed = evidence.inContext(from, to, null);
                double exact = evidence.context(from, to, c, observed, Double.NEGATIVE_INFINITY);
                assertEquals(exact, evidence.lastContext());
                double bound = exact + (random.nextDouble() * 6 - 3);
                double bounded = evidence.context(from, to, c, observed, bound);
                assertEquals(bounded, evidence.lastContext());
                if (exact >= bound) {
                    assertEquals(Double.doubleToLongBits(exact), Double.doubleToLongBits(bounded), "kept at its value");
                    kept++;
                } else if (bounded == Double.NEGATIVE_INFINITY) {
                    stopped++;
                } else {
                    assertEquals(Double.doubleToLongBits(exact), Double.doubleToLongBits(bounded), "computed in full");
                }
            }
        }
        assertTrue(kept > 1000 && stopped > 1000, "both sides exercised: kept " + kept + ", stopped " + stopped);
    }

    /** n words drawn as {@link #randomWord} draws one. */
    private static int[] randomWords(Random random, int vocabulary, int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = randomWord(random, vocabulary);
        }
        return ids;
    }

    private static int randomWord(Random random, int vocabulary) {
        return random.nextInt(20) == 0 ? Vocabulary.UNKNOWN : 3 + random.nextInt(vocabulary - 3);
    }

    /**
     * The plain computation (the detector's before the shared scoring): the span's words from the
     * left context, then the right context word by word with the early stop after the first, then
     * the sentence end when it is within reach. Returns {sum, partial, span part}.
     */
    private static float[] wordByWord(LanguageModel lm, int[] ids, int[] context, int from, int to, int[] words,
            float stopBelow) {
        int n = ids.length;
        int rightReach = Math.max(1, lm.order() - 1);
        LmState s = lm.newState();
        lm.beginSentence(s);
        for (int i = 0; i < from; i++) {
            lm.score(s, context[i], s);
        }
        float sum = 0;
        if (words == null) {
            for (int i = from; i < to; i++) {
                sum += lm.score(s, ids[i], s);
            }
        } else {
            for (int w : words) {
                sum += lm.score(s, w, s);
            }
        }
        float spanPart = sum;
        float partial = Float.NaN;
        int end = Math.min(n, to + rightReach);
        for (int i = to; i < end; i++) {
            sum += lm.score(s, context[i], s);
            if (i == to) {
                partial = sum;
                if (sum < stopBelow) {
                    return new float[] {Float.NEGATIVE_INFINITY, partial, spanPart};
                }
            }
        }
        if (end == n && n - to < rightReach) {
            sum += lm.score(s, Vocabulary.END_SENTENCE, s);
            if (end == to) {
                partial = sum;
            }
        }
        return new float[] {sum, partial, spanPart};
    }
}
