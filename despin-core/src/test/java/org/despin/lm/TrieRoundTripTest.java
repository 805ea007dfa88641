package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.despin.DespinException;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrieRoundTripTest {
    @TempDir
    Path dir;

    static BackoffSource estimate(int order) {
        KneserNeyEstimator kn = new KneserNeyEstimator(order);
        for (String[] s : LmTestSupport.smallCorpus()) {
            kn.addSentence(s);
        }
        return kn.estimate();
    }

    static TrieLanguageModel writeAndRead(Path file, BackoffSource src, LmFormat.Quantization q) throws IOException, DespinException {
        try (ModelFile.Writer w = new ModelFile.Writer(file)) {
            w.section(LmFormat.SECTION, LmFormat.section(src, q));
            w.finish(Map.of());
        }
        return LmFormat.read(ModelFile.open(file));
    }

    /** Scores every n-gram of the source and random word sequences with both models, word by word. */
    static void assertSameScores(LanguageModel expected, LanguageModel actual, BackoffSource src, double tolerance) throws IOException {
        assertSameScores(expected, actual, src, tolerance, true);
    }

    /**
     * As above; {@code sameNgrams} false when the trie stores n-grams the source lacks (the prefixes and
     * suffixes it adds to a pruned model, which change no score but answer {@link LanguageModel#matchedOrder}).
     */
    static void assertSameScores(LanguageModel expected, LanguageModel actual, BackoffSource src, double tolerance,
            boolean sameNgrams) throws IOException {
        List<String[]> probes = new ArrayList<>();
        for (int n = 1; n <= src.order(); n++) {
            src.forEach(n, (words, p, bo) -> probes.add(words.clone()));
        }
        List<String> vocab = new ArrayList<>();
        for (int i = 0; i < expected.vocabulary().size(); i++) {
            vocab.add(expected.vocabulary().word(i));
        }
        vocab.add("zebra"); // unknown to both
        Random r = new Random(7);
        for (int i = 0; i < 3000; i++) {
            String[] seq = new String[1 + r.nextInt(8)];
            for (int j = 0; j < seq.length; j++) {
                seq[j] = vocab.get(r.nextInt(vocab.size()));
            }
            probes.add(seq);
        }
        LmState se = expected.newState();
        LmState sa = actual.newState();
        LmState sa2 = actual.newState();
        for (String[] seq : probes) {
            boolean bos = seq[0].equals("<s>");
            if (bos) {
                expected.beginSentence(se);
                actual.beginSentence(sa);
            } else {
                expected.emptyContext(se);
                actual.emptyContext(sa);
            }
            for (int j = bos ? 1 : 0; j < seq.length; j++) {
                int id = expected.vocabulary().id(seq[j]);
                int pos = j;
                if (sameNgrams) {
                    assertEquals(expected.matchedOrder(se, id), actual.matchedOrder(sa, actual.vocabulary().id(seq[j])),
                            () -> "matched order of " + seq[pos] + " in " + String.join(" ", seq));
                }
                float pe = expected.score(se, expected.vocabulary().id(seq[j]), se);
                // alternate between in == out and separate states
                float pa;
                if (j % 2 == 0) {
                    pa = actual.score(sa, actual.vocabulary().id(seq[j]), sa);
                } else {
                    pa = actual.score(sa, actual.vocabulary().id(seq[j]), sa2);
                    sa.copyFrom(sa2);
                }
                assertEquals(pe, pa, tolerance, () -> "p(" + seq[seq.length - 1] + ") in " + String.join(" ", seq));
            }
        }
    }

    /** scoreEach and scoreAfterEach give the floats of score, word by word, after every context of the probes. */
    static void assertSameBatchScores(LanguageModel lm, BackoffSource src) throws IOException {
        int size = lm.vocabulary().size();
        int[] all = new int[size + 1];
        for (int w = 0; w <= size; w++) {
            all[w] = w; // the last one is no word of the model: scored as unknown
        }
        float[] batch = new float[all.length];
        LmState scratch = lm.newState();
        LmState in = lm.newState();
        LmState one = lm.newState();
        List<String[]> contexts = new ArrayList<>();
        for (int n = 1; n < src.order(); n++) {
            src.forEach(n, (words, p, bo) -> contexts.add(words.clone()));
        }
        int step = Math.max(1, contexts.size() / 300); // at most about 300 contexts: every word is scored after each
        for (int i = 0; i < contexts.size(); i += step) {
            String[] context = contexts.get(i);
            lm.emptyContext(in);
            for (String word : context) {
                lm.score(in, lm.vocabulary().id(word), in);
            }
            lm.scoreEach(in, all, all.length, batch, scratch);
            for (int w = 0; w < all.length; w++) {
                assertEquals(Float.floatToRawIntBits(lm.score(in, all[w], one)), Float.floatToRawIntBits(batch[w]),
                        "p(" + w + " | " + String.join(" ", context) + ")");
            }
        }
        for (int word = 0; word <= size; word += Math.max(1, size / 300)) {
            lm.scoreAfterEach(all, all.length, word, batch, scratch);
            for (int c = 0; c < all.length; c++) {
                lm.emptyContext(one);
                lm.score(one, all[c], one);
                assertEquals(Float.floatToRawIntBits(lm.score(one, word, one)), Float.floatToRawIntBits(batch[c]),
                        "p(" + word + " | " + c + ")");
            }
        }
    }

    @Test
    void batchScoresAreTheSingleScores() throws Exception {
        for (int order = 1; order <= 4; order++) {
            BackoffSource src = estimate(order);
            assertSameBatchScores(writeAndRead(dir.resolve("batch" + order), src, LmFormat.Quantization.EXACT), src);
            assertSameBatchScores(LmTestSupport.toMap(src), src);
        }
    }

    @Test
    void exactTrieScoresLikeTheReferenceModel() throws Exception {
        for (int order = 1; order <= 5; order++) {
            BackoffSource src = estimate(order);
            TrieLanguageModel trie = writeAndRead(dir.resolve("exact" + order), src, LmFormat.Quantization.EXACT);
            assertEquals(order, trie.order());
            assertSameScores(LmTestSupport.toMap(src), trie, src, 1e-6);
        }
    }

    @Test
    void quantisedTrieScoresWithinTheQuantisationError() throws Exception {
        BackoffSource src = estimate(4);
        TrieLanguageModel trie = writeAndRead(dir.resolve("q"), src, new LmFormat.Quantization(6, 6));
        assertSameScores(LmTestSupport.toMap(src), trie, src, 0.05);
    }

    @Test
    void statesKeepOnlyTheContextTheModelCanUse() throws Exception {
        BackoffSource src = estimate(3);
        TrieLanguageModel lm = writeAndRead(dir.resolve("s"), src, LmFormat.Quantization.DEFAULT);
        Vocabulary v = lm.vocabulary();
        LmState a = lm.newState();
        LmState b = lm.newState();
        // an unknown word leaves no usable context: the same state as the empty context
        lm.beginSentence(a);
        lm.score(a, v.id("the"), a);
        lm.score(a, v.id("zebra"), a);
        lm.emptyContext(b);
        assertEquals(0, a.length());
        assertEquals(b, a);
        // different histories, same last two words: equal states (a trigram model uses two words)
        lm.beginSentence(a);
        for (String w : "officials told reporters".split(" ")) {
            lm.score(a, v.id(w), a);
        }
        lm.emptyContext(b);
        for (String w : "council told reporters".split(" ")) {
            lm.score(b, v.id(w), b);
        }
        assertEquals(2, a.length());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(lm.score(a, v.id("on"), lm.newState()), lm.score(b, v.id("on"), lm.newState()));
        // "</s>" is never a context: nothing follows it and its back-off weight is 1
        lm.score(a, Vocabulary.END_SENTENCE, a);
        assertEquals(0, a.length());
    }

    @Test
    void vocabularyMapsWordsBothWays() throws Exception {
        BackoffSource src = estimate(3);
        TrieLanguageModel trie = writeAndRead(dir.resolve("v"), src, LmFormat.Quantization.DEFAULT);
        Vocabulary v = trie.vocabulary();
        assertEquals("<unk>", v.word(Vocabulary.UNKNOWN));
        assertEquals("<s>", v.word(Vocabulary.BEGIN_SENTENCE));
        assertEquals("</s>", v.word(Vocabulary.END_SENTENCE));
        for (int i = 0; i < v.size(); i++) {
            assertEquals(i, v.id(v.word(i)));
        }
        assertEquals(Vocabulary.UNKNOWN, v.id("zebra"));
        assertTrue(v.id("council") > 2);
    }
}
